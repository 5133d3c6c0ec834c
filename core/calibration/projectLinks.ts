import proj4 from 'proj4';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { CoverageContext } from '../coverage/coverageContext';
import { prepareSiteLinks, sectorLinkAtCell } from '../coverage/siteLinks';
import type { TerrainMethod } from '../coverage/predictSiteFootprint';
import { colOfXM, rowOfYM } from '../grid/gridSpec';
import type { Site } from '../model/site';
import { LAND_USE_CLASS_COUNT } from '../propagation/landUse';
import type { LinkGeometry } from '../propagation/linkLoss';
import { createMeasuredLinks, setLink, type MeasuredLinks } from './measuredLinks';

/** A measured point matched to one sector of one of the project's sites. */
export interface SitePoint {
  /** index into the `sites` given to linksFromProject */
  siteIndex: number;
  /** index into that site's sectors */
  sectorIndex: number;
  lonDeg: number;
  latDeg: number;
  /** measured RSRP, dBm (NaN to predict only) */
  rsrpDbm: number;
}

/**
 * The links of measured points as the project's coverage engine sees them: each point is taken at the centre
 * of the grid cell it falls in (the map's resolution: what the heat map shows there), with the site's terrain,
 * surface and land use computed exactly as predictSiteFootprint does (prepareSiteLinks, sectorLinkAtCell). Points
 * group by site. A point outside the grid, beyond its site's range or without terrain data gets NaN geometry
 * (predictLinks gives NaN; calibration leaves it out). Checks `cancel` and reports progress per site. Throws
 * RangeError for a bad site or sector index, or as predictSiteFootprint for a bad site.
 * @example const links = linksFromProject(coverageContextFromProject(project), project.sites, points)
 */
export function linksFromProject(
  ctx: CoverageContext,
  sites: readonly Site[],
  points: readonly SitePoint[],
  options: { terrainMethod?: TerrainMethod; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): MeasuredLinks {
  const links = createMeasuredLinks(points.length, sites.map((s) => s.id));
  const toGrid = proj4('WGS84', ctx.grid.crs);
  const bySite = new Map<number, number[]>();
  points.forEach((p, i) => {
    if (!sites[p.siteIndex]) throw new RangeError(`points[${i}].siteIndex ${p.siteIndex} is not a site`);
    if (!sites[p.siteIndex].sectors[p.sectorIndex]) throw new RangeError(`points[${i}].sectorIndex ${p.sectorIndex} is not a sector of site ${sites[p.siteIndex].id}`);
    let list = bySite.get(p.siteIndex);
    if (!list) bySite.set(p.siteIndex, (list = []));
    list.push(i);
  });
  const link = { clutterShares: new Float64Array(LAND_USE_CLASS_COUNT) } as unknown as LinkGeometry;
  let done = 0;
  for (const [siteIndex, indices] of bySite) {
    throwIfCancelled(options.cancel);
    const prepared = prepareSiteLinks(ctx, sites[siteIndex], { terrainMethod: options.terrainMethod });
    for (const i of indices) {
      const p = points[i];
      links.group[i] = siteIndex;
      links.measuredDbm[i] = p.rsrpDbm;
      const [xM, yM] = toGrid.forward([p.lonDeg, p.latDeg]);
      const txDbm = sectorLinkAtCell(prepared, p.sectorIndex, colOfXM(ctx.grid, xM), rowOfYM(ctx.grid, yM), link);
      if (Number.isNaN(txDbm)) {
        links.d3DM[i] = NaN;
        links.txDbm[i] = NaN;
        continue;
      }
      setLink(links, i, link);
      links.txDbm[i] = txDbm;
    }
    done += indices.length;
    options.onProgress?.(done / Math.max(points.length, 1));
  }
  return links;
}
