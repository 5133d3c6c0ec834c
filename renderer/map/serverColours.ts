import type { CellWindow } from '../../core/coverage';

/**
 * Categorical colours for best-server areas: twelve saturated mid-tone hues after ColorBrewer "Set1" and
 * "Dark2" (colorbrewer2.org, Cynthia Brewer), distinct from each other and from the light base map under
 * the layer's transparency.
 */
export const SERVER_COLOURS_RGB: readonly (readonly [number, number, number])[] = [
  [228, 26, 28], [55, 126, 184], [77, 175, 74], [152, 78, 163], [255, 127, 0], [166, 86, 40],
  [247, 129, 191], [27, 158, 119], [217, 95, 2], [117, 112, 179], [231, 41, 138], [102, 166, 30],
];

const PAIR_KEY_BASE = 2 ** 26;

/** A server's bounding box in grid cells, inclusive. */
interface Box {
  row0: number;
  row1: number;
  col0: number;
  col1: number;
}

/**
 * Which colour slot (index into SERVER_COLOURS_RGB) each best server gets, so that servers whose areas
 * touch differ. New servers take the first slot none of their neighbours has, starting at their own index
 * so that equal choices spread over the palette. A server keeps its slot unless an edit makes it touch a
 * server of the same colour (a site moved next to another): then one of the two takes a free slot, the one
 * whose area lies within the changed window if either does, so that usually only that window repaints.
 * @example const c = new ServerColouring(); const extra = c.assign(rasters.bestServer, grid.cols, grid.rows, changed); c.slotOf(7)
 */
export class ServerColouring {
  private slots = new Int16Array(0);

  /** The colour slot of `server` (an index into the cell ids), -1 when it has none (yet). */
  slotOf(server: number): number {
    return server >= 0 && server < this.slots.length ? this.slots[server] : -1;
  }

  /** Forgets every slot (a full recompute renumbers the servers). */
  clear(): void {
    this.slots = new Int16Array(0);
  }

  /**
   * Gives a slot to every server in `window` of `bestServer` (row-major, `cols` x `rows`, -1 = none) that
   * has none, avoiding the slots of the servers it borders (4-neighbours, a one-cell margin around the
   * window), then settles clashes of touching servers there. Returns the boxes beyond `window` whose colours
   * changed too (the areas of recoloured servers that reach out of it), for the caller to repaint.
   */
  assign(bestServer: Int32Array, cols: number, rows: number, window: CellWindow): CellWindow[] {
    if (bestServer.length !== cols * rows) throw new RangeError(`bestServer has ${bestServer.length} cells, expected ${cols} x ${rows}`);
    const box: Box = {
      row0: Math.max(0, window.row0 - 1), row1: Math.min(rows - 1, window.row0 + window.rows),
      col0: Math.max(0, window.col0 - 1), col1: Math.min(cols - 1, window.col0 + window.cols),
    };
    const neighbours = new Map<number, Set<number>>();
    const pairs: [number, number][] = [];
    const seenPairs = new Set<number>();
    forEachTouch(bestServer, cols, box, (s, t) => {
      for (const [a, b] of t < 0 ? [[s, -1]] : [[s, t], [t, s]]) {
        if (this.slotOf(a) >= 0) continue;
        let set = neighbours.get(a);
        if (!set) neighbours.set(a, (set = new Set()));
        if (b >= 0) set.add(b);
      }
      // one number per unordered pair (server indices stay far below 2^26)
      const key = s < t ? s * PAIR_KEY_BASE + t : t * PAIR_KEY_BASE + s;
      if (t >= 0 && !seenPairs.has(key)) {
        seenPairs.add(key);
        pairs.push([s, t]);
      }
    });
    let maxServer = -1;
    for (const s of neighbours.keys()) maxServer = Math.max(maxServer, s);
    this.grow(maxServer + 1);
    for (const s of [...neighbours.keys()].sort((a, b) => a - b)) this.slots[s] = freeSlot(s, new Set([...neighbours.get(s)!].map((t) => this.slotOf(t))));
    return this.settleClashes(bestServer, cols, rows, window, pairs.filter(([a, b]) => this.slotOf(a) === this.slotOf(b)));
  }

  /** Recolours one server of each clashing pair; returns the boxes of those whose area reaches beyond `window`. */
  private settleClashes(bestServer: Int32Array, cols: number, rows: number, window: CellWindow, clashes: [number, number][]): CellWindow[] {
    if (clashes.length === 0) return [];
    // rare (an edit brought two same-coloured areas together): one pass over the grid for the boxes involved
    const boxes = new Map<number, Box>();
    for (const [a, b] of clashes) for (const s of [a, b]) boxes.set(s, { row0: rows, row1: -1, col0: cols, col1: -1 });
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const b = boxes.get(bestServer[row * cols + col]);
        if (!b) continue;
        b.row0 = Math.min(b.row0, row);
        b.row1 = Math.max(b.row1, row);
        b.col0 = Math.min(b.col0, col);
        b.col1 = Math.max(b.col1, col);
      }
    }
    const isInside = (b: Box) => b.row0 >= window.row0 && b.row1 < window.row0 + window.rows && b.col0 >= window.col0 && b.col1 < window.col0 + window.cols;
    const area = (b: Box) => (b.row1 - b.row0 + 1) * (b.col1 - b.col0 + 1);
    const beyond: CellWindow[] = [];
    for (const [a, b] of clashes) {
      if (this.slotOf(a) !== this.slotOf(b)) continue;
      const [boxA, boxB] = [boxes.get(a)!, boxes.get(b)!];
      const victim = isInside(boxA) || (!isInside(boxB) && area(boxA) <= area(boxB)) ? a : b;
      const victimBox = boxes.get(victim)!;
      const margin: Box = { row0: Math.max(0, victimBox.row0 - 1), row1: Math.min(rows - 1, victimBox.row1 + 1), col0: Math.max(0, victimBox.col0 - 1), col1: Math.min(cols - 1, victimBox.col1 + 1) };
      const taken = new Set<number>();
      forEachTouch(bestServer, cols, margin, (s, t) => {
        if (s === victim && t >= 0) taken.add(this.slotOf(t));
        if (t === victim) taken.add(this.slotOf(s));
      });
      const slot = freeSlot(victim, taken);
      if (taken.has(slot)) continue; // every colour is taken around it: the borders still tell the areas apart
      this.slots[victim] = slot;
      if (!isInside(victimBox)) beyond.push({ row0: victimBox.row0, col0: victimBox.col0, rows: victimBox.row1 - victimBox.row0 + 1, cols: victimBox.col1 - victimBox.col0 + 1 });
    }
    return beyond;
  }

  private grow(length: number): void {
    if (length <= this.slots.length) return;
    const next = new Int16Array(Math.max(length, this.slots.length * 2)).fill(-1);
    next.set(this.slots);
    this.slots = next;
  }
}

/** Calls `visit(s, t)` for every served cell of `box` (t = -1) and every pair of touching cells of different servers s, t. */
function forEachTouch(bestServer: Int32Array, cols: number, box: Box, visit: (s: number, t: number) => void): void {
  for (let row = box.row0; row <= box.row1; row++) {
    for (let col = box.col0; col <= box.col1; col++) {
      const s = bestServer[row * cols + col];
      if (s < 0) continue;
      visit(s, -1);
      const right = col < box.col1 ? bestServer[row * cols + col + 1] : -1;
      const below = row < box.row1 ? bestServer[(row + 1) * cols + col] : -1;
      if (right >= 0 && right !== s) visit(s, right);
      if (below >= 0 && below !== s) visit(s, below);
    }
  }
}

/** The first slot from `server`'s own (server mod palette size) on that is not `taken`; its own when all are. */
function freeSlot(server: number, taken: ReadonlySet<number>): number {
  const n = SERVER_COLOURS_RGB.length;
  for (let j = 0; j < n; j++) if (!taken.has((server + j) % n)) return (server + j) % n;
  return server % n;
}
