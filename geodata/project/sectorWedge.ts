import { circle, sector as turfSector } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Sector, Site, SiteKind } from '../../core/model';

/** Drawing radius of sector wedges in GIS layers by site kind, m: a symbol size, not a coverage range. */
export const WEDGE_RADIUS_M: Record<SiteKind, number> = { macro: 300, micro: 100, indoor: 30 };

/**
 * The wedge polygon of one sector for GIS display: a circular sector (turf.sector) centred on the site,
 * `horizontalBeamwidthDeg` wide (65 deg default, radio.md section 3) around the azimuth; omni sectors are
 * circles. WGS-84.
 * @example sectorWedge(site, site.sectors[0]).coordinates[0].length // 66 vertices
 */
export function sectorWedge(site: Site, sector: Sector, radiusM = WEDGE_RADIUS_M[site.kind]): Polygon {
  if (!(radiusM > 0)) throw new RangeError(`radiusM must be > 0, got ${radiusM}`);
  const centre = [site.lonDeg, site.latDeg];
  if (sector.antenna === 'omni') return circle(centre, radiusM / 1000, { steps: 32, units: 'kilometers' }).geometry;
  const half = (sector.horizontalBeamwidthDeg ?? 65) / 2;
  return turfSector(centre, radiusM / 1000, sector.azimuthDeg - half, sector.azimuthDeg + half, { steps: 64, units: 'kilometers' }).geometry;
}
