import type { CellWindow } from '../../core/coverage';
import type { Palette } from './palettes';

/** One raster of a stack: its values per grid cell, their palette, and the layer's opacity (0-1). */
export interface StackRaster {
  values: Float32Array;
  palette: Palette;
  opacity: number;
  /** where a NaN takes the palette's noValue colour (cells that are not NaN here: the county), else NaN stays clear */
  within?: Float32Array;
}

/** A palette's steps as flat arrays, the opacity folded into the alpha (0-1). */
interface Steps {
  mins: Float64Array;
  rgb: Float64Array;
  alphas: Float64Array;
  /** index of the noValue colour (after the steps), -1 without one */
  noValue: number;
}

function stepsOf({ palette, opacity, within }: StackRaster): Steps {
  const colours = palette.noValue && within ? [...palette.steps, { min: NaN, rgba: palette.noValue.rgba }] : palette.steps;
  const n = colours.length;
  const steps = { mins: new Float64Array(n), rgb: new Float64Array(3 * n), alphas: new Float64Array(n), noValue: colours.length > palette.steps.length ? n - 1 : -1 };
  colours.forEach((s, k) => {
    steps.mins[k] = s.min;
    steps.rgb.set(s.rgba.slice(0, 3), 3 * k);
    steps.alphas[k] = (s.rgba[3] / 255) * opacity;
  });
  return steps;
}

/**
 * Composites the rasters, bottom first, into one colour per cell of `window` ("source over", straight alpha,
 * as the browser would blend separate layers): `colours[i]` is the cell's RGBA packed little-endian, ready to
 * copy into ImageData through a Uint32Array view. A cell takes a raster's colour from the last palette step
 * whose `min` it reaches (colourOf); NaN leaves the raster clear there, or takes the palette's noValue colour
 * where `within` has a value (no service in the county). The map then draws one canvas
 * instead of one per raster: the browser composites each extra layer at every frame, also while a site is dragged.
 * With `under` (colours composited before, same packing) the rasters are drawn over those instead of over nothing.
 * @example compositeCells([{ values: shade, palette: RELIEF_PALETTE, opacity: 0.6 }, { values: rsrpDbm, palette: RSRP_PALETTE, opacity: 0.7 }], grid.cols, window, colours)
 */
export function compositeCells(rasters: readonly StackRaster[], cols: number, window: CellWindow, colours: Uint32Array, under?: Uint32Array): void {
  const steps = rasters.map(stepsOf);
  for (let row = window.row0; row < window.row0 + window.rows; row++) {
    for (let i = row * cols + window.col0, end = i + window.cols; i < end; i++) {
      const u = under ? under[i] : 0;
      let r = u & 255;
      let g = (u >>> 8) & 255;
      let b = (u >>> 16) & 255;
      let a = (u >>> 24) / 255;
      for (let l = 0; l < rasters.length; l++) {
        const v = rasters[l].values[i];
        const { mins, rgb, alphas, noValue } = steps[l];
        let k: number;
        if (v !== v) {
          // NaN: no value here; in the county that is a class of its own (no service), elsewhere clear
          const w = rasters[l].within;
          if (noValue < 0 || !w || w[i] !== w[i]) continue;
          k = noValue;
        } else {
          k = noValue < 0 ? mins.length - 1 : mins.length - 2;
          while (k > 0 && !(v >= mins[k])) k--;
        }
        const alpha = alphas[k];
        if (alpha <= 0) continue;
        const under = a * (1 - alpha);
        const outA = alpha + under;
        r = (rgb[3 * k] * alpha + r * under) / outA;
        g = (rgb[3 * k + 1] * alpha + g * under) / outA;
        b = (rgb[3 * k + 2] * alpha + b * under) / outA;
        a = outA;
      }
      colours[i] = ((Math.round(a * 255) << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
    }
  }
}
