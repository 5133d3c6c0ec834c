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

/**
 * Which colour slot (index into SERVER_COLOURS_RGB) each best server gets, so that servers whose areas
 * touch differ. A server keeps its slot once given, so an edit never recolours areas outside the window
 * it changed (only those tiles repaint); new servers take the first slot none of their neighbours has,
 * starting at their own index so that equal choices spread over the palette.
 * @example const c = new ServerColouring(); c.assign(rasters.bestServer, grid.cols, grid.rows, changed); c.slotOf(7)
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
   * has none, avoiding the slots of the servers it borders (4-neighbours, a one-cell margin around the window).
   */
  assign(bestServer: Int32Array, cols: number, rows: number, window: CellWindow): void {
    if (bestServer.length !== cols * rows) throw new RangeError(`bestServer has ${bestServer.length} cells, expected ${cols} x ${rows}`);
    const row0 = Math.max(0, window.row0 - 1);
    const row1 = Math.min(rows - 1, window.row0 + window.rows);
    const col0 = Math.max(0, window.col0 - 1);
    const col1 = Math.min(cols - 1, window.col0 + window.cols);
    const neighbours = new Map<number, Set<number>>();
    const touch = (s: number, t: number) => {
      if (this.slotOf(s) >= 0) return;
      let set = neighbours.get(s);
      if (!set) neighbours.set(s, (set = new Set()));
      if (t >= 0 && t !== s) set.add(t);
    };
    for (let row = row0; row <= row1; row++) {
      for (let col = col0; col <= col1; col++) {
        const s = bestServer[row * cols + col];
        if (s < 0) continue;
        touch(s, -1);
        const right = col < col1 ? bestServer[row * cols + col + 1] : -1;
        const below = row < row1 ? bestServer[(row + 1) * cols + col] : -1;
        for (const t of [right, below]) {
          if (t < 0 || t === s) continue;
          touch(s, t);
          touch(t, s);
        }
      }
    }
    if (neighbours.size === 0) return;
    let maxServer = 0;
    for (const s of neighbours.keys()) maxServer = Math.max(maxServer, s);
    this.grow(maxServer + 1);
    const n = SERVER_COLOURS_RGB.length;
    for (const s of [...neighbours.keys()].sort((a, b) => a - b)) {
      const taken = new Set([...neighbours.get(s)!].map((t) => this.slotOf(t)));
      let slot = s % n;
      for (let j = 0; j < n; j++) {
        if (!taken.has((s + j) % n)) {
          slot = (s + j) % n;
          break;
        }
      }
      this.slots[s] = slot;
    }
  }

  private grow(length: number): void {
    if (length <= this.slots.length) return;
    const next = new Int16Array(Math.max(length, this.slots.length * 2)).fill(-1);
    next.set(this.slots);
    this.slots = next;
  }
}
