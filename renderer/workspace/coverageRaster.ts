import { LOAD_PALETTE, RSRP_PALETTE, SINR_PALETTE, THROUGHPUT_PALETTE, type Palette } from '../map/palettes';
import type { DisplayRasterSet } from '../session/PlanCompute';
import type { CoverageKind } from './Workspace';

/**
 * The raster and palette the coverage layer draws for `kind` (SS-RSRP, SS-SINR, DL rate or the busy-hour load), or null for none.
 * @example coverageRaster(compute.rasters, 'sinr')?.palette.unit // 'dB'
 */
export function coverageRaster(rasters: DisplayRasterSet, kind: CoverageKind): { values: Float32Array; palette: Palette } | null {
  switch (kind) {
    case 'rsrp': return { values: rasters.rsrpDbm, palette: RSRP_PALETTE };
    case 'sinr': return { values: rasters.sinrDb, palette: SINR_PALETTE };
    case 'throughput': return { values: rasters.dlThroughputMbps, palette: THROUGHPUT_PALETTE };
    case 'load': return { values: rasters.loadShare, palette: LOAD_PALETTE };
    default: return null;
  }
}
