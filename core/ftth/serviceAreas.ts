import { area, featureCollection, intersect, point, polygon, multiPolygon } from '@turf/turf';
import { voronoi } from '@turf/voronoi';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import type { Olt } from '../model/project';

/** Properties of an OLT service-area polygon. */
export interface ServiceAreaProps {
  oltId: string;
  /** geodesic area of the clipped cell (turf area), km2 */
  areaKm2: number;
  /** every OLT at this position (within 1 m), `oltId` first: co-located OLTs share one cell */
  oltIds: string[];
}

/**
 * OLT service areas as Voronoi cells (@turf/voronoi, d3-voronoi) clipped to the county boundary (turf
 * intersect, polyclip-ts). The cells are built in `crs` (the grid's metric CRS, so "nearest" means nearest in
 * metres, not in degrees), then clipped and returned in WGS-84. OLTs at the same position rounded to 1 m (one
 * central office) share one cell, labelled with the first of them.
 * @example oltServiceAreas(project.olts, project.boundary, project.grid.crs).features[0].properties.areaKm2
 */
export function oltServiceAreas(
  olts: readonly Olt[],
  boundary: MultiPolygon,
  crs: string,
): FeatureCollection<Polygon | MultiPolygon, ServiceAreaProps> {
  if (!boundary || boundary.type !== 'MultiPolygon') throw new RangeError('boundary must be a GeoJSON MultiPolygon');
  for (const o of olts) {
    if (!Number.isFinite(o.lonDeg) || !Number.isFinite(o.latDeg)) throw new RangeError(`olt ${o.id} must have finite lonDeg/latDeg`);
  }
  const conv = proj4('WGS84', crs);
  const fwd = (p: Position): Position => conv.forward([p[0], p[1]]);
  const inv = (p: Position): Position => conv.inverse([p[0], p[1]]);
  // one Voronoi site per position: d3-voronoi would silently keep only one of two coincident sites
  const siteOf = new Map<string, number>();
  const siteOlts: Olt[][] = [];
  const sites: Feature<Point>[] = [];
  for (const o of olts) {
    const xy = fwd([o.lonDeg, o.latDeg]);
    const key = `${Math.round(xy[0])},${Math.round(xy[1])}`;
    const at = siteOf.get(key);
    if (at !== undefined) {
      siteOlts[at].push(o);
      continue;
    }
    siteOf.set(key, sites.length);
    siteOlts.push([o]);
    sites.push(point(xy));
  }
  if (sites.length === 0) return featureCollection([]);

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of [...boundary.coordinates.flat(2).map(fwd), ...sites.map((s) => s.geometry.coordinates)]) {
    minX = Math.min(minX, p[0]);
    minY = Math.min(minY, p[1]);
    maxX = Math.max(maxX, p[0]);
    maxY = Math.max(maxY, p[1]);
  }
  const padM = 1000 + 0.1 * Math.max(maxX - minX, maxY - minY);
  const cells =
    sites.length === 1
      ? [polygon([[[minX - padM, minY - padM], [maxX + padM, minY - padM], [maxX + padM, maxY + padM], [minX - padM, maxY + padM], [minX - padM, minY - padM]]])]
      : voronoi(featureCollection(sites), { bbox: [minX - padM, minY - padM, maxX + padM, maxY + padM] }).features;

  // cells go back to WGS-84 before clipping so the county edge stays exactly the input boundary
  const boundaryFeature = multiPolygon(boundary.coordinates);
  const out: Feature<Polygon | MultiPolygon, ServiceAreaProps>[] = [];
  cells.forEach((cell, k) => {
    if (!cell?.geometry) return;
    const cellLonLat = polygon(cell.geometry.coordinates.map((ring) => ring.map(inv)));
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([cellLonLat, boundaryFeature]));
    if (!clipped) return;
    const ids = siteOlts[k].map((o) => o.id);
    out.push({ type: 'Feature', properties: { oltId: ids[0], areaKm2: area(clipped) / 1e6, oltIds: ids }, geometry: clipped.geometry });
  });
  return featureCollection(out);
}
