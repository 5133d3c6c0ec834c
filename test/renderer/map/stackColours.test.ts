import { describe, expect, it } from 'vitest';
import { colourOf, RELIEF_PALETTE, RSRP_PALETTE, type Palette } from '../../../renderer/map/palettes';
import { compositeCells } from '../../../renderer/map/stackColours';

const unpack = (c: number) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
const ALL = (cols: number, rows: number) => ({ col0: 0, row0: 0, cols, rows });
/** one step, one colour: every value gets `rgba` */
const flat = (rgba: [number, number, number, number]): Palette => ({ id: 'relief', unit: '', steps: [{ min: -Infinity, rgba, labelKey: 'x' }] });

describe('compositeCells', () => {
  it('gives one opaque raster its palette colours, NaN clear', () => {
    const values = Float32Array.from([-120, -110, -100, -90, -80, NaN]);
    const colours = new Uint32Array(6);
    compositeCells([{ values, palette: RSRP_PALETTE, opacity: 1 }], 3, ALL(3, 2), colours);
    for (let i = 0; i < 5; i++) expect(unpack(colours[i])).toEqual([...colourOf(RSRP_PALETTE, values[i])]);
    expect(unpack(colours[5])).toEqual([0, 0, 0, 0]);
  });

  it('folds the opacity into the alpha, as the layer opacity did', () => {
    const colours = new Uint32Array(1);
    compositeCells([{ values: Float32Array.of(0), palette: RELIEF_PALETTE, opacity: 0.6 }], 1, ALL(1, 1), colours);
    const [r, g, b, a] = unpack(colours[0]);
    expect([r, g, b]).toEqual([40, 40, 40]);
    expect(a).toBe(Math.round(150 * 0.6));
  });

  it('blends "source over" bottom first: half-white over opaque black is mid grey, and an opaque top hides the bottom', () => {
    const one = Float32Array.of(1);
    const colours = new Uint32Array(1);
    compositeCells([{ values: one, palette: flat([0, 0, 0, 255]), opacity: 1 }, { values: one, palette: flat([255, 255, 255, 255]), opacity: 0.5 }], 1, ALL(1, 1), colours);
    expect(unpack(colours[0])).toEqual([128, 128, 128, 255]);
    compositeCells([{ values: one, palette: flat([0, 0, 255, 255]), opacity: 1 }, { values: one, palette: flat([255, 0, 0, 255]), opacity: 1 }], 1, ALL(1, 1), colours);
    expect(unpack(colours[0])).toEqual([255, 0, 0, 255]);
  });

  it('combines two translucent layers to the alpha 1 - (1 - a1)(1 - a2), colour weighted by each share', () => {
    const one = Float32Array.of(1);
    const colours = new Uint32Array(1);
    compositeCells([{ values: one, palette: flat([0, 0, 255, 255]), opacity: 0.5 }, { values: one, palette: flat([255, 0, 0, 255]), opacity: 0.5 }], 1, ALL(1, 1), colours);
    // alpha 0.75; red carries 0.5 of it, blue 0.25
    expect(unpack(colours[0])).toEqual([170, 0, 85, 191]);
  });

  it('writes only the cells of the window', () => {
    const values = new Float32Array(16).fill(-80);
    const colours = new Uint32Array(16).fill(7);
    compositeCells([{ values, palette: RSRP_PALETTE, opacity: 1 }], 4, { col0: 1, row0: 2, cols: 2, rows: 1 }, colours);
    const written = [...colours.keys()].filter((i) => colours[i] !== 7);
    expect(written).toEqual([9, 10]);
  });

  it('leaves every cell clear with no raster shown', () => {
    const colours = new Uint32Array(4).fill(7);
    compositeCells([], 2, ALL(2, 2), colours);
    expect([...colours]).toEqual([0, 0, 0, 0]);
  });

  it('draws over `under` as if the rasters under had been composited in the same call (to one 8-bit step)', () => {
    const values = Float32Array.from({ length: 50 }, (_, i) => -130 + i);
    const shade = Float32Array.from({ length: 50 }, (_, i) => (i % 10) / 10);
    const bottom = { values: shade, palette: RELIEF_PALETTE, opacity: 0.6 };
    const top = { values, palette: RSRP_PALETTE, opacity: 0.7 };
    const once = new Uint32Array(50);
    compositeCells([bottom, top], 10, ALL(10, 5), once);
    const under = new Uint32Array(50);
    compositeCells([bottom], 10, ALL(10, 5), under);
    const twice = new Uint32Array(50);
    compositeCells([top], 10, ALL(10, 5), twice, under);
    for (let i = 0; i < 50; i++) unpack(twice[i]).forEach((c, k) => expect(Math.abs(c - unpack(once[i])[k]), `cell ${i}`).toBeLessThanOrEqual(1));
  });
});

describe('no service as its own class (issue 19)', () => {
  it('paints NaN cells in the county with the palette noValue colour and leaves NaN outside clear', () => {
    const values = Float32Array.from([NaN, NaN, -80]);
    const county = Float32Array.from([1, NaN, 1]);
    const colours = new Uint32Array(3);
    compositeCells([{ values, palette: RSRP_PALETTE, opacity: 1, within: county }], 3, { col0: 0, row0: 0, cols: 3, rows: 1 }, colours);
    const [r, g, b] = RSRP_PALETTE.noValue!.rgba;
    expect(colours[0] & 0xffffff).toBe((b << 16) | (g << 8) | r);
    expect(colours[1]).toBe(0);
    const [er, eg, eb] = RSRP_PALETTE.steps[4].rgba;
    expect(colours[2] & 0xffffff).toBe((eb << 16) | (eg << 8) | er);
    // without `within` a NaN stays clear, as before
    compositeCells([{ values, palette: RSRP_PALETTE, opacity: 1 }], 3, { col0: 0, row0: 0, cols: 3, rows: 1 }, colours);
    expect(colours[0]).toBe(0);
  });
});
