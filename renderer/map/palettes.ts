/**
 * Colour scales for result rasters, with the legend they draw. RSRP classes follow the NR drive-test
 * classes in ../shared/reference/radio.md section 6 (极好 > -85, 好 -85..-95, 中 -95..-105, 差 -105..-115,
 * 极差 < -115 dBm); SINR and throughput steps likewise.
 */
export interface PaletteStep {
  /** lower bound of the class (inclusive); the first step's bound is -Infinity */
  min: number;
  rgba: [number, number, number, number];
  /** i18n key of the class label (legend.*) */
  labelKey: string;
}

export interface Palette {
  id: 'rsrp' | 'sinr' | 'throughput';
  unit: string;
  steps: PaletteStep[];
}

export const RSRP_PALETTE: Palette = {
  id: 'rsrp',
  unit: 'dBm',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelKey: 'legend.rsrp.veryPoor' },
    { min: -115, rgba: [247, 148, 29, 170], labelKey: 'legend.rsrp.poor' },
    { min: -105, rgba: [255, 230, 80, 170], labelKey: 'legend.rsrp.fair' },
    { min: -95, rgba: [120, 198, 121, 170], labelKey: 'legend.rsrp.good' },
    { min: -85, rgba: [35, 132, 67, 170], labelKey: 'legend.rsrp.excellent' },
  ],
};

export const SINR_PALETTE: Palette = {
  id: 'sinr',
  unit: 'dB',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelKey: 'legend.sinr.s0' },
    { min: 3, rgba: [247, 148, 29, 170], labelKey: 'legend.sinr.s1' },
    { min: 11, rgba: [255, 230, 80, 170], labelKey: 'legend.sinr.s2' },
    { min: 16, rgba: [120, 198, 121, 170], labelKey: 'legend.sinr.s3' },
    { min: 25, rgba: [35, 132, 67, 170], labelKey: 'legend.sinr.s4' },
  ],
};

export const THROUGHPUT_PALETTE: Palette = {
  id: 'throughput',
  unit: 'Mbit/s',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelKey: 'legend.throughput.t0' },
    { min: 10, rgba: [247, 148, 29, 170], labelKey: 'legend.throughput.t1' },
    { min: 100, rgba: [255, 230, 80, 170], labelKey: 'legend.throughput.t2' },
    { min: 300, rgba: [120, 198, 121, 170], labelKey: 'legend.throughput.t3' },
    { min: 700, rgba: [35, 132, 67, 170], labelKey: 'legend.throughput.t4' },
  ],
};

/** The RGBA of `value` on `palette`; NaN (no signal) is transparent. */
export function colourOf(palette: Palette, value: number): [number, number, number, number] {
  if (Number.isNaN(value)) return [0, 0, 0, 0];
  let rgba = palette.steps[0].rgba;
  for (const step of palette.steps) if (value >= step.min) rgba = step.rgba;
  return rgba;
}
