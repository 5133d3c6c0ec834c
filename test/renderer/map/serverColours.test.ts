import { describe, expect, it } from 'vitest';
import { SERVER_COLOURS_RGB, ServerColouring } from '../../../renderer/map/serverColours';

const ALL = (cols: number, rows: number) => ({ col0: 0, row0: 0, cols, rows });

/** 5x5 grid from rows of server indices ('.' = no server). */
function grid(rows: string[]): Int32Array {
  return Int32Array.from(rows.join('').split(''), (c) => (c === '.' ? -1 : Number(c)));
}

/** Pairs of servers whose cells touch (4-neighbours). */
function touching(bs: Int32Array, cols: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < bs.length; i++) {
    const right = i % cols < cols - 1 ? bs[i + 1] : -1;
    const below = i + cols < bs.length ? bs[i + cols] : -1;
    for (const t of [right, below]) if (bs[i] >= 0 && t >= 0 && t !== bs[i]) pairs.push([bs[i], t]);
  }
  return pairs;
}

describe('ServerColouring', () => {
  it('gives touching servers different colours, even when their indices are a palette length apart', () => {
    const n = SERVER_COLOURS_RGB.length;
    // server 0 and server n would share a colour by index alone; here they touch
    const bs = grid(['00112', '00112', '3344.', '3344.', '.....']).map((v) => (v === 4 ? n : v));
    const c = new ServerColouring();
    c.assign(bs, 5, 5, ALL(5, 5));
    for (const [a, b] of touching(bs, 5)) expect(c.slotOf(a), `${a}/${b}`).not.toBe(c.slotOf(b));
    for (const s of [0, 1, 2, 3, n]) expect(c.slotOf(s)).toBeGreaterThanOrEqual(0);
    expect(c.slotOf(-1)).toBe(-1);
    expect(c.slotOf(99)).toBe(-1);
  });

  it('keeps the slots it gave and colours new servers of a changed window against their neighbours', () => {
    const bs = grid(['00111', '00111', '22111', '22...', '.....']);
    const c = new ServerColouring();
    c.assign(bs, 5, 5, ALL(5, 5));
    const before = [0, 1, 2].map((s) => c.slotOf(s));
    // a new server 5 (an added site) takes cells at the bottom right, touching 1 and 2
    bs.set([5, 5, 5], 3 * 5 + 2);
    bs.set([2, 5, 5], 4 * 5 + 2);
    c.assign(bs, 5, 5, { col0: 2, row0: 3, cols: 3, rows: 2 });
    expect([0, 1, 2].map((s) => c.slotOf(s))).toEqual(before);
    expect(c.slotOf(5)).toBeGreaterThanOrEqual(0);
    for (const t of [1, 2]) expect(c.slotOf(5)).not.toBe(c.slotOf(t));
  });

  it('forgets every slot on clear, and checks the raster size', () => {
    const c = new ServerColouring();
    c.assign(grid(['0....', '.....', '.....', '.....', '.....']), 5, 5, ALL(5, 5));
    expect(c.slotOf(0)).toBe(0);
    c.clear();
    expect(c.slotOf(0)).toBe(-1);
    expect(() => c.assign(new Int32Array(3), 5, 5, ALL(5, 5))).toThrow(RangeError);
  });

  it('settles a clash an edit made: the server inside the changed window takes a new colour, nothing beyond repaints', () => {
    const n = SERVER_COLOURS_RGB.length;
    const at = (rows: string[]) => grid(rows).map((v) => (v === 9 ? n : v));
    // 0 and n share slot 0 while apart; a move brings n (9 below) next to 0
    const bs = at(['00...', '00...', '.....', '...99', '...99']);
    const c = new ServerColouring();
    c.assign(bs, 5, 5, ALL(5, 5));
    expect(c.slotOf(n)).toBe(c.slotOf(0));
    bs.set(at(['00...', '0099.', '..99.', '.....', '.....']));
    expect(c.assign(bs, 5, 5, { col0: 2, row0: 1, cols: 3, rows: 4 })).toEqual([]);
    expect(c.slotOf(n)).not.toBe(c.slotOf(0));
    expect(c.slotOf(0)).toBe(0);
  });

  it('when both clashing areas reach beyond the window, recolours the smaller and returns its box to repaint', () => {
    const n = SERVER_COLOURS_RGB.length;
    const at = (rows: string[]) => grid(rows).map((v) => (v === 9 ? n : v));
    const bs = at(['0000.', '000..', '.....', '..999', '..999']);
    const c = new ServerColouring();
    c.assign(bs, 5, 5, ALL(5, 5));
    expect(c.slotOf(n)).toBe(c.slotOf(0));
    // n grows by a row, touching 0: only that row changed
    bs.set(at(['0000.', '000..', '..999', '..999', '..999']));
    expect(c.assign(bs, 5, 5, { col0: 2, row0: 2, cols: 3, rows: 1 })).toEqual([{ row0: 0, col0: 0, rows: 2, cols: 4 }]);
    expect(c.slotOf(0)).not.toBe(c.slotOf(n));
  });
});
