import { sectorLoadOf, type CapacityState } from '../capacity';
import type { CostTable } from '../costs';
import type { BandId } from '../model/site';
import type { GeneratedCandidate } from './proposedSiteAt';
import { proposedSiteAtCell } from './proposedSiteAtCell';

/** A micro site at a hot spot of an overloaded sector. */
export interface CapacityCandidate extends Omit<GeneratedCandidate, 'reason'> {
  reason: 'capacity';
  /** the sector it would relieve (`${siteId}/${sectorId}`) */
  sectorCellId: string;
}

/**
 * Micro-site candidates (smart poles) where overloaded sectors' demand is: for each sector over the target
 * load, most excess first, up to its microSitesNeeded (at most `maxPerSector`, default 4) of its busiest
 * served cells, each at least `spacingM` (default 300 m, about a micro cell's reach in a town) from the ones
 * before. At most `maxCandidates` (default 300) in all. Costs from the cost table ([EST] defaults).
 * @example capacityCandidates(capacityState, DEFAULT_COST_TABLE, { band: 'n78' })
 */
export function capacityCandidates(
  state: CapacityState,
  costTable: CostTable,
  options: { band?: BandId; maxPerSector?: number; spacingM?: number; maxCandidates?: number } = {},
): CapacityCandidate[] {
  const maxPerSector = options.maxPerSector ?? 4;
  const spacingM = options.spacingM ?? 300;
  const maxCandidates = options.maxCandidates ?? 300;
  const grid = state.prep.scoring.grid;
  const over = [];
  for (let k = 0; k < state.sectors.count; k++) {
    const s = sectorLoadOf(state, k);
    if (s.isOverTarget && s.microSitesNeeded > 0) over.push({ k, s });
  }
  if (over.length === 0) return [];
  over.sort((a, b) => b.s.excessMbps - a.s.excessMbps);
  const wanted = new Map(over.map(({ k }) => [k, [] as number[]]));
  const { server } = state;
  const demand = state.prep.demandMbps;
  for (let i = 0; i < server.length; i++) {
    const list = server[i] >= 0 ? wanted.get(server[i]) : undefined;
    if (list && demand[i] > 0) list.push(i);
  }
  const spacingCells = spacingM / grid.cellSizeM;
  const out: CapacityCandidate[] = [];
  for (const { k, s } of over) {
    const cells = wanted.get(k)!.sort((a, b) => demand[b] - demand[a]);
    const picked: number[] = [];
    const count = Math.min(maxPerSector, s.microSitesNeeded);
    for (const cell of cells) {
      if (picked.length >= count || out.length >= maxCandidates) break;
      const col = cell % grid.cols;
      const row = (cell - col) / grid.cols;
      const isClear = picked.every((p) => Math.hypot((p % grid.cols) - col, Math.floor(p / grid.cols) - row) >= spacingCells);
      if (!isClear) continue;
      picked.push(cell);
      const id = `CAP-${s.siteId}-${s.sectorId}-${picked.length}`;
      const source = `generated: hot spot of sector ${s.cellId} (load ${(s.load * 100).toFixed(0)} %, ${s.excessMbps.toFixed(1)} Mbit/s over the target)`;
      const site = proposedSiteAtCell(grid, cell, 'micro', 'smart-pole', costTable, id, source, options.band);
      out.push({ site, reason: 'capacity', sectorCellId: s.cellId });
    }
    if (out.length >= maxCandidates) break;
  }
  return out;
}
