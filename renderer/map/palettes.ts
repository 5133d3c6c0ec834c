/**
 * Colour scales for result rasters, with the legend they draw. RSRP classes follow the NR drive-test
 * classes in ../shared/reference/radio.md section 6 (极好 > -85, 好 -85..-95, 中 -95..-105, 差 -105..-115,
 * 极差 < -115 dBm); SINR and throughput steps likewise.
 */
export interface PaletteStep {
  /** lower bound of the class (inclusive); the first step's bound is -Infinity */
  min: number;
  rgba: [number, number, number, number];
  labelZh: string;
  labelEn: string;
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
    { min: -Infinity, rgba: [203, 32, 39, 170], labelZh: '极差 < -115', labelEn: 'very poor < -115' },
    { min: -115, rgba: [247, 148, 29, 170], labelZh: '差 -115 ~ -105', labelEn: 'poor -115 to -105' },
    { min: -105, rgba: [255, 230, 80, 170], labelZh: '中 -105 ~ -95', labelEn: 'fair -105 to -95' },
    { min: -95, rgba: [120, 198, 121, 170], labelZh: '好 -95 ~ -85', labelEn: 'good -95 to -85' },
    { min: -85, rgba: [35, 132, 67, 170], labelZh: '极好 ≥ -85', labelEn: 'excellent ≥ -85' },
  ],
};

export const SINR_PALETTE: Palette = {
  id: 'sinr',
  unit: 'dB',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelZh: '< 3', labelEn: '< 3' },
    { min: 3, rgba: [247, 148, 29, 170], labelZh: '3 ~ 11', labelEn: '3 to 11' },
    { min: 11, rgba: [255, 230, 80, 170], labelZh: '11 ~ 16', labelEn: '11 to 16' },
    { min: 16, rgba: [120, 198, 121, 170], labelZh: '16 ~ 25', labelEn: '16 to 25' },
    { min: 25, rgba: [35, 132, 67, 170], labelZh: '≥ 25', labelEn: '≥ 25' },
  ],
};

export const THROUGHPUT_PALETTE: Palette = {
  id: 'throughput',
  unit: 'Mbit/s',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelZh: '< 10', labelEn: '< 10' },
    { min: 10, rgba: [247, 148, 29, 170], labelZh: '10 ~ 100', labelEn: '10 to 100' },
    { min: 100, rgba: [255, 230, 80, 170], labelZh: '100 ~ 300', labelEn: '100 to 300' },
    { min: 300, rgba: [120, 198, 121, 170], labelZh: '300 ~ 700', labelEn: '300 to 700' },
    { min: 700, rgba: [35, 132, 67, 170], labelZh: '≥ 700', labelEn: '≥ 700' },
  ],
};

/** The RGBA of `value` on `palette`; NaN (no signal) is transparent. */
export function colourOf(palette: Palette, value: number): [number, number, number, number] {
  if (Number.isNaN(value)) return [0, 0, 0, 0];
  let rgba = palette.steps[0].rgba;
  for (const step of palette.steps) if (value >= step.min) rgba = step.rgba;
  return rgba;
}
