import type { CoverageRaster } from '../model/coverage';
import { PLACE_CATEGORIES } from '../model/place';
import type { PlaceScore, ScoringPrep } from './scoringState';

/**
 * Scores place `k` of `prep.places` from the raster over its precomputed cells: covered share (cells, or
 * line length, meeting the category target), met / not met, people, people affected, key points and the
 * worst one. A line is continuously covered (连续覆盖) when its share reaches minShare (0.95 by default,
 * 信号升格); a place with key points is met only if every key point meets the target (深度覆盖 for indoor
 * targets; ../shared/reference/kpis.md section 3).
 * @example scorePlace(prep, raster, 0).coveredShare // 0.5 for a place half covered
 */
export function scorePlace(prep: ScoringPrep, raster: CoverageRaster, k: number): PlaceScore {
  const place = prep.places[k];
  const { cells, lengthM, keyPointCells } = prep.placeCells[k];
  const t = prep.targets[1 + PLACE_CATEGORIES.indexOf(place.category)];
  const rsrp = t.environment === 'indoor' ? raster.indoorRsrpDbm : raster.rsrpDbm;
  const { sinrDb } = raster;
  const pop = prep.populationPerCell;
  let okWeight = 0;
  let totalWeight = 0;
  let people = 0;
  let peopleAffected = 0;
  for (let m = 0; m < cells.length; m++) {
    const i = cells[m];
    const w = lengthM ? lengthM[m] : 1;
    totalWeight += w;
    people += pop[i];
    if (rsrp[i] >= t.rsrpDbm && sinrDb[i] >= t.sinrDb) okWeight += w;
    else peopleAffected += pop[i];
  }
  const coveredShare = totalWeight > 0 ? okWeight / totalWeight : NaN;
  let keyPointsMet = 0;
  let worst: PlaceScore['worstKeyPoint'] = null;
  let worstMarginDb = Infinity;
  keyPointCells.forEach((i, index) => {
    const rsrpDbm = i >= 0 ? rsrp[i] : NaN;
    const sinr = i >= 0 ? sinrDb[i] : NaN;
    const isMet = rsrpDbm >= t.rsrpDbm && sinr >= t.sinrDb;
    if (isMet) keyPointsMet++;
    // no signal (NaN) is the worst margin there is
    const marginDb = Number.isNaN(rsrpDbm) || Number.isNaN(sinr) ? -Infinity : Math.min(rsrpDbm - t.rsrpDbm, sinr - t.sinrDb);
    if (worst === null || marginDb < worstMarginDb) {
      worstMarginDb = marginDb;
      const p = place.keyPoints![index];
      worst = { index, lonLat: [p[0], p[1]], rsrpDbm, sinrDb: sinr, isMet };
    }
  });
  const keyPointCount = keyPointCells.length;
  const allKeyPointsMet = keyPointsMet === keyPointCount;
  return {
    id: place.id,
    name: place.name,
    category: place.category,
    environment: t.environment,
    coveredShare,
    isMet: coveredShare >= t.minShare && allKeyPointsMet,
    people,
    peopleAffected,
    keyPointCount,
    keyPointsMet,
    isDeepCovered: keyPointCount > 0 && t.environment === 'indoor' ? allKeyPointsMet : null,
    worstKeyPoint: worst,
    isLine: lengthM !== undefined,
  };
}
