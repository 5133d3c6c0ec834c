import type { GridSpec } from '../grid/gridSpec';

/**
 * The coverage raster (produced by core/coverage, consumed by scoring, suggestion, UI and exports).
 * All arrays have grid.cols * grid.rows cells, row-major, row 0 = north; NaN = no signal / no data.
 */
export interface CoverageRaster {
  grid: GridSpec;
  /** best-server SS-RSRP at the outdoor receiver height, dBm */
  rsrpDbm: Float32Array;
  /** best-server SS-RSRP indoors (outdoor RSRP less O2I penetration loss), dBm */
  indoorRsrpDbm: Float32Array;
  /** SS-SINR of the best server with interference from all other cells at the load factor, dB (outdoor) */
  sinrDb: Float32Array;
  /** downlink throughput by attenuated Shannon, Mbit/s (outdoor) */
  dlThroughputMbps: Float32Array;
  /** SS-SINR indoors: every signal less the same O2I loss, against the same noise, dB (optional) */
  indoorSinrDb?: Float32Array;
  /** downlink throughput indoors by attenuated Shannon, Mbit/s (optional) */
  indoorDlThroughputMbps?: Float32Array;
  /** index into `cellIds` of the best server; -1 where none */
  bestServer: Int32Array;
  /** the cells (sectors) behind bestServer indices, as `${siteId}/${sectorId}` */
  cellIds: string[];
}

/** Why the coverage left a site out (the rest of the network is computed without it). */
export type SkippedSiteCode = 'outside-grid' | 'outside-county' | 'too-many-sectors' | 'not-modelled';

/**
 * A site the coverage engine left out, with the reason: it stands outside the planning grid, it was kept
 * outside the county at import (Site.outsideCounty), it has more sectors than SITE_LIMITS allows, or the
 * propagation model cannot take it (e.g. a height outside the model's validity). One bad site never stops
 * the coverage of the others.
 */
export interface SkippedSite {
  siteId: string;
  code: SkippedSiteCode;
  reason: string;
}
