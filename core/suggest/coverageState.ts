import type { CandidateCoverage } from './types';

/**
 * A selection of candidates and how often each cell is covered by it, with the marginal gain and loss of a
 * candidate in O(its cells). The optimisers share it; demand is summed in float64.
 */
export class CoverageState {
  /** chosen candidates covering each cell */
  readonly counts: Uint16Array;
  readonly isChosen: Uint8Array;
  demand = 0;
  costCny = 0;
  size = 0;

  constructor(
    readonly candidates: readonly CandidateCoverage[],
    readonly cellDemand: Float32Array,
  ) {
    this.counts = new Uint16Array(cellDemand.length);
    this.isChosen = new Uint8Array(candidates.length);
  }

  /** demand candidate `c` would add now */
  gain(c: number): number {
    const cells = this.candidates[c].cellIndices;
    const counts = this.counts;
    const d = this.cellDemand;
    let g = 0;
    for (let k = 0; k < cells.length; k++) if (counts[cells[k]] === 0) g += d[cells[k]];
    return g;
  }

  /** demand lost if chosen candidate `c` were dropped */
  loss(c: number): number {
    const cells = this.candidates[c].cellIndices;
    let g = 0;
    for (let k = 0; k < cells.length; k++) if (this.counts[cells[k]] === 1) g += this.cellDemand[cells[k]];
    return g;
  }

  add(c: number): void {
    const cells = this.candidates[c].cellIndices;
    for (let k = 0; k < cells.length; k++) {
      if (this.counts[cells[k]]++ === 0) this.demand += this.cellDemand[cells[k]];
    }
    this.isChosen[c] = 1;
    this.costCny += this.candidates[c].costCny;
    this.size++;
  }

  remove(c: number): void {
    const cells = this.candidates[c].cellIndices;
    for (let k = 0; k < cells.length; k++) {
      if (--this.counts[cells[k]] === 0) this.demand -= this.cellDemand[cells[k]];
    }
    this.isChosen[c] = 0;
    this.costCny -= this.candidates[c].costCny;
    this.size--;
  }

  chosen(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.isChosen.length; c++) if (this.isChosen[c]) out.push(c);
    return out;
  }
}
