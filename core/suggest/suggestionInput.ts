import type { CoverageContext, SiteFootprint } from '../coverage';
import { BAND_PRESETS } from '../radio/bands';
import { O2I_MEAN_INDOOR_DISTANCE_M, o2iPenetrationLossDb } from '../radio/o2i';
import type { ScoringState } from '../scoring';
import type { CapacityRelief } from './capacityRelief';
import { coverageFromFootprint } from './coverageFromFootprint';
import type { SuggestionBaseline } from './suggestionBaseline';
import type { SuggestionCandidate } from './suggestionCandidates';
import type { PlaceCells, SuggestInput } from './types';

/**
 * RSRP a candidate's outdoor prediction must reach per cell for the cell's own target: the target's SS-RSRP,
 * plus for indoor targets the mean O2I loss the coverage engine subtracts (TR 38.901 §7.4.3 low-loss model at
 * the project band, UMa indoor distance in dense urban cells, RMa elsewhere), so a candidate is judged
 * exactly as the engine and scoring will judge it once built.
 */
function thresholdPerCell(ctx: CoverageContext, state: ScoringState): Float32Array {
  const { targetIndex, targets } = state.prep;
  const freqGhz = BAND_PRESETS[ctx.radio.band].freqMhz / 1000;
  const o2iDb = [
    o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.RMa }),
    o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.UMa }),
  ];
  const out = new Float32Array(targetIndex.length);
  for (let i = 0; i < out.length; i++) {
    const t = targets[targetIndex[i]];
    out[i] = t.environment === 'indoor' ? t.rsrpDbm + o2iDb[ctx.isDenseUrban?.[i] ? 1 : 0] : t.rsrpDbm;
  }
  return out;
}

/**
 * Builds the suggestSites instance of a scored plan: per candidate the cells where its predicted RSRP
 * (predictSiteFootprint, best sector) alone meets the cell's own target (indoor targets through the O2I
 * loss) and which miss their target today (coverageFromFootprint); weighted demand and population from
 * `baseline`; and as places, the deep-coverage places (with key points) not yet deep-covered, each listing
 * its key-point cells that miss the target (all must be covered for the place to count as reached).
 * RSRP only: the SINR part of a target is not judged per candidate (suggestForProject re-scores the chosen
 * plan to check). `footprints[k]` must be the prediction of `candidates[k].site`.
 * With `relief` (capacityRelief), the covered cells of overloaded sectors count too: a candidate relieves a cell
 * where its RSRP meets the cell's target and beats today's serving sector (it becomes the best server), and
 * the cell is worth its relief value instead of coverage (`isRelief` marks those cells).
 * @example const input = suggestionInput(ctx, state, baseline, cands, predictFootprints(ctx, cands.map((c) => c.site)))
 */
export function suggestionInput(
  ctx: CoverageContext,
  state: ScoringState,
  baseline: SuggestionBaseline,
  candidates: readonly SuggestionCandidate[],
  footprints: readonly SiteFootprint[],
  relief?: CapacityRelief,
): SuggestInput {
  const { grid } = state.prep;
  if (ctx.grid.cols !== grid.cols || ctx.grid.rows !== grid.rows) throw new RangeError('ctx.grid must be the scored grid');
  if (footprints.length !== candidates.length) throw new RangeError(`footprints must have one entry per candidate (${candidates.length}), got ${footprints.length}`);
  const threshold = thresholdPerCell(ctx, state);
  const notWanted = new Uint8Array(baseline.missesTarget.length);
  for (let i = 0; i < notWanted.length; i++) notWanted[i] = baseline.missesTarget[i] ? 0 : 1;
  let demand = baseline.demand;
  let isRelief: Uint8Array | undefined;
  if (relief && relief.cells > 0) {
    demand = Float32Array.from(baseline.demand);
    isRelief = new Uint8Array(notWanted.length);
    for (let i = 0; i < notWanted.length; i++) {
      if (!(relief.value[i] > 0)) continue;
      notWanted[i] = 0;
      isRelief[i] = 1;
      demand[i] = relief.value[i];
      // strictly above the serving sector (RSRP is kept in hundredths of a dB): the candidate takes the cell over
      threshold[i] = Math.max(threshold[i], relief.servingRsrpDbm[i] + 0.01);
    }
  }
  const coverage = candidates.map((c, k) => {
    const fp = footprints[k];
    if (fp.siteId !== c.site.id) throw new RangeError(`footprints[${k}] is of site '${fp.siteId}', expected '${c.site.id}'`);
    return coverageFromFootprint(fp, threshold, grid, notWanted, c.site.id, c.site.costCny ?? NaN);
  });
  const places: PlaceCells[] = [];
  state.prep.places.forEach((place, k) => {
    if (state.placeScores[k]?.isDeepCovered !== false) return;
    const missing = new Set<number>();
    for (const cell of state.prep.placeCells[k].keyPointCells) if (cell >= 0 && baseline.missesTarget[cell]) missing.add(cell);
    if (missing.size > 0) places.push({ placeId: place.id, cellIndices: Uint32Array.from([...missing].sort((a, b) => a - b)) });
  });
  return { grid, demand, population: baseline.population, candidates: coverage, places, ...(isRelief && { isRelief }) };
}
