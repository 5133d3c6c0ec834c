import { NO_RSRP_CENTI_DBM, type SiteFootprint } from './predictSiteFootprint';

/**
 * One sector of a footprint decoded to its whole window: SS-RSRP, dBm, `fp.cols * fp.rows` cells row-major,
 * NaN out of range or without terrain data. Values are the stored centi-dBm / 100 (within 0.005 dB of the
 * prediction). For consumers that index the window directly; the engine reads the compact spans.
 * Throws RangeError for a sector index out of range or an `out` of the wrong length.
 * @example const rsrpDbm = footprintRsrpDbm(fp, 0); rsrpDbm[fp.cols * 10 + 10]
 */
export function footprintRsrpDbm(fp: SiteFootprint, sectorIndex: number, out = new Float32Array(fp.cols * fp.rows)): Float32Array {
  const sector = fp.sectors[sectorIndex];
  if (!sector) throw new RangeError(`sectorIndex must be in [0, ${fp.sectors.length - 1}], got ${sectorIndex}`);
  if (out.length !== fp.cols * fp.rows) throw new RangeError(`out must have fp.cols * fp.rows = ${fp.cols * fp.rows} cells, got ${out.length}`);
  out.fill(NaN);
  const values = sector.rsrpCentiDbm;
  for (let r = 0; r < fp.rows; r++) {
    const base = r * fp.cols + fp.spanCol0[r] - fp.spanStart[r];
    for (let j = fp.spanStart[r]; j < fp.spanStart[r + 1]; j++) {
      const v = values[j];
      if (v !== NO_RSRP_CENTI_DBM) out[base + j] = v / 100;
    }
  }
  return out;
}
