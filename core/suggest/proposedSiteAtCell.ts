import proj4 from 'proj4';
import type { CostTable } from '../costs';
import { cellCentreXM, cellCentreYM, type GridSpec } from '../grid/gridSpec';
import type { BandId, BuildMethod, Site, SiteKind } from '../model/site';
import { proposedSiteAt } from './proposedSiteAt';

/**
 * A proposed Site of `kind` built by `method` at the centre of grid cell `cell` (WGS-84 via the grid's
 * proj4 CRS), priced from `costTable`.
 * @example proposedSiteAtCell(grid, 1234, 'macro', 'new-tower', DEFAULT_COST_TABLE, 'GC-1', 'gap centre of gap 0')
 */
export function proposedSiteAtCell(
  grid: GridSpec,
  cell: number,
  kind: SiteKind,
  method: BuildMethod,
  costTable: CostTable,
  id: string,
  source: string,
  band?: BandId,
): Site {
  const col = cell % grid.cols;
  const row = (cell - col) / grid.cols;
  const [lonDeg, latDeg] = proj4(grid.crs, 'WGS84', [cellCentreXM(grid, col), cellCentreYM(grid, row)]);
  return proposedSiteAt(kind, method, [lonDeg, latDeg], costTable, id, source, band);
}
