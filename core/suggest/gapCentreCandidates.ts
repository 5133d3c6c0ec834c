import type { CostTable } from '../costs';
import type { GridSpec } from '../grid/gridSpec';
import type { BandId } from '../model/site';
import type { GeneratedCandidate } from './proposedSiteAt';
import { proposedSiteAtCell } from './proposedSiteAtCell';
import type { Gap } from './labelGaps';

/**
 * One candidate per gap at its demand-weighted centre (the gap cell nearest the centroid, labelGaps):
 * a macro on a new tower for gaps of at least `macroMinAreaKm2`, a micro on a smart pole for smaller
 * ones. Gaps with less than `minDemand` are skipped.
 * @example gapCentreCandidates(grid, labelGaps(grid, misses, demand).gaps, DEFAULT_COST_TABLE)
 */
export function gapCentreCandidates(
  grid: GridSpec,
  gaps: readonly Gap[],
  costTable: CostTable,
  options: { macroMinAreaKm2?: number; minDemand?: number; band?: BandId } = {},
): GeneratedCandidate[] {
  const macroMinAreaKm2 = options.macroMinAreaKm2 ?? 0.5;
  const minDemand = options.minDemand ?? 0;
  if (!(macroMinAreaKm2 >= 0)) throw new RangeError(`macroMinAreaKm2 must be >= 0, got ${macroMinAreaKm2}`);
  return gaps
    .filter((g) => g.demand >= minDemand)
    .map((g) => {
      const isMacro = g.areaKm2 >= macroMinAreaKm2;
      const source = `generated: demand-weighted centre of gap ${g.id} (${g.areaKm2.toFixed(2)} km², demand ${g.demand.toFixed(0)})`;
      const site = isMacro
        ? proposedSiteAtCell(grid, g.centreCell, 'macro', 'new-tower', costTable, `GC-${g.id}`, source, options.band)
        : proposedSiteAtCell(grid, g.centreCell, 'micro', 'smart-pole', costTable, `GC-${g.id}`, source, options.band);
      return { site, reason: 'gap-centre' as const, gapId: g.id };
    });
}
