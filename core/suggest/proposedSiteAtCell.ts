import type { CostTable } from '../costs';
import { cellCentreLonLat, type GridSpec } from '../grid/gridSpec';
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
  return proposedSiteAt(kind, method, cellCentreLonLat(grid, cell), costTable, id, source, band);
}
