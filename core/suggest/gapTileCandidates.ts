import type { CostTable } from '../costs';
import type { GridSpec } from '../grid/gridSpec';
import type { BandId } from '../model/site';
import type { Gap } from './labelGaps';
import type { GeneratedCandidate } from './proposedSiteAt';
import { proposedSiteAtCell } from './proposedSiteAtCell';

/**
 * Macro candidates inside large gaps: a gap bigger than `minGapAreaKm2` (default 4) has one demand-weighted
 * centre per square tile of `tileSizeM` (default 2,000 m, about one macro footprint [EST]) it touches,
 * snapped to the gap cell nearest that centre. A rural county's gap is often one connected region of
 * hundreds of km², whose single centre (gapCentreCandidates) cannot say where its villages are. Tiles with
 * less than `minDemand` (default 1) are skipped. Reason 'gap-centre', ids `GT-<gap>-<tile>`.
 * @example gapTileCandidates(grid, labels, gaps, demand, DEFAULT_COST_TABLE, { tileSizeM: 2000 })
 */
export function gapTileCandidates(
  grid: GridSpec,
  labels: Int32Array,
  gaps: readonly Gap[],
  demand: Float32Array,
  costTable: CostTable,
  options: { minGapAreaKm2?: number; tileSizeM?: number; minDemand?: number; band?: BandId } = {},
): GeneratedCandidate[] {
  const { cols, rows } = grid;
  const n = cols * rows;
  if (labels.length !== n) throw new RangeError(`labels must have ${n} cells, got ${labels.length}`);
  if (demand.length !== n) throw new RangeError(`demand must have ${n} cells, got ${demand.length}`);
  const minGapAreaKm2 = options.minGapAreaKm2 ?? 4;
  const tileSizeM = options.tileSizeM ?? 2000;
  const minDemand = options.minDemand ?? 1;
  if (!(tileSizeM >= grid.cellSizeM)) throw new RangeError(`tileSizeM must be >= grid.cellSizeM, got ${tileSizeM}`);
  const isLarge = gaps.map((g) => g.areaKm2 >= minGapAreaKm2);
  const t = Math.max(1, Math.round(tileSizeM / grid.cellSizeM));
  const tilesX = Math.ceil(cols / t);
  const tileOf = (cell: number): number => Math.floor(Math.floor(cell / cols) / t) * tilesX + Math.floor((cell % cols) / t);
  // per (gap, tile): demand, demand-weighted col and row sums; then the nearest gap cell to that centre
  const acc = new Map<number, { gapId: number; tile: number; d: number; wc: number; wr: number; best: number; bestD2: number }>();
  const key = (gapId: number, tile: number): number => gapId * tilesX * Math.ceil(rows / t) + tile;
  for (let cell = 0; cell < n; cell++) {
    const g = labels[cell];
    if (g < 0 || !isLarge[g] || !(demand[cell] > 0)) continue;
    const tile = tileOf(cell);
    const k = key(g, tile);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { gapId: g, tile, d: 0, wc: 0, wr: 0, best: -1, bestD2: Infinity }));
    a.d += demand[cell];
    a.wc += demand[cell] * (cell % cols);
    a.wr += demand[cell] * Math.floor(cell / cols);
  }
  for (let cell = 0; cell < n; cell++) {
    const g = labels[cell];
    if (g < 0 || !isLarge[g]) continue;
    const a = acc.get(key(g, tileOf(cell)));
    if (!a || a.d < minDemand) continue;
    const d2 = ((cell % cols) - a.wc / a.d) ** 2 + (Math.floor(cell / cols) - a.wr / a.d) ** 2;
    if (d2 < a.bestD2) {
      a.bestD2 = d2;
      a.best = cell;
    }
  }
  return [...acc.values()]
    .filter((a) => a.best >= 0)
    .sort((x, y) => x.gapId - y.gapId || x.tile - y.tile)
    .map((a) => {
      const source = `generated: demand-weighted centre of gap ${a.gapId} within a ${(t * grid.cellSizeM) / 1000} km tile (demand ${a.d.toFixed(0)})`;
      const site = proposedSiteAtCell(grid, a.best, 'macro', 'new-tower', costTable, `GT-${a.gapId}-${a.tile}`, source, options.band);
      return { site, reason: 'gap-centre' as const, gapId: a.gapId };
    });
}
