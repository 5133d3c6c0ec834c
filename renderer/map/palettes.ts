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
  id: 'rsrp' | 'sinr' | 'throughput' | 'load' | 'population' | 'relief' | 'uncovered' | 'county';
  unit: string;
  steps: PaletteStep[];
  /**
   * the colour of a county cell without a value (no site reaches it: 'no service', status bit 16 of the scoring),
   * drawn as its own class rather than left clear, which looked better than poor coverage (issue 19)
   */
  noValue?: { rgba: [number, number, number, number]; labelKey: string };
}

/** No service: darker than 极差 so an unserved county never looks better than a poorly served one. */
const NO_SERVICE = { rgba: [72, 56, 96, 170] as [number, number, number, number], labelKey: 'countyLayers.noService' };

export const RSRP_PALETTE: Palette = {
  id: 'rsrp',
  noValue: NO_SERVICE,
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
  noValue: NO_SERVICE,
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
  noValue: NO_SERVICE,
  unit: 'Mbit/s',
  steps: [
    { min: -Infinity, rgba: [203, 32, 39, 170], labelKey: 'legend.throughput.t0' },
    { min: 10, rgba: [247, 148, 29, 170], labelKey: 'legend.throughput.t1' },
    { min: 100, rgba: [255, 230, 80, 170], labelKey: 'legend.throughput.t2' },
    { min: 300, rgba: [120, 198, 121, 170], labelKey: 'legend.throughput.t3' },
    { min: 700, rgba: [35, 132, 67, 170], labelKey: 'legend.throughput.t4' },
  ],
};

/**
 * Busy-hour load of the serving sector (demand / capacity, modelled by core/capacity): light to dark blue up to
 * the full sector, overloaded cells (over 100 %) in magenta so they stand out from every coverage colour.
 */
export const LOAD_PALETTE: Palette = {
  id: 'load',
  unit: '%',
  steps: [
    { min: -Infinity, rgba: [222, 235, 247, 150], labelKey: 'capacityUi.legend.l0' },
    { min: 0.3, rgba: [158, 202, 225, 170], labelKey: 'capacityUi.legend.l1' },
    { min: 0.5, rgba: [66, 146, 198, 180], labelKey: 'capacityUi.legend.l2' },
    { min: 0.7, rgba: [8, 81, 156, 190], labelKey: 'capacityUi.legend.l3' },
    { min: 1, rgba: [214, 0, 150, 220], labelKey: 'capacityUi.legend.l4' },
  ],
};

/** Persons per grid cell (25 m cells: 1 person/cell = 1,600 per km2). Purple ramp, empty cells transparent. */
export const POPULATION_PALETTE: Palette = {
  id: 'population',
  unit: 'persons/cell',
  steps: [
    { min: -Infinity, rgba: [0, 0, 0, 0], labelKey: 'legend.population.p0' },
    { min: 0.05, rgba: [218, 218, 235, 120], labelKey: 'legend.population.p1' },
    { min: 0.5, rgba: [188, 189, 220, 150], labelKey: 'legend.population.p2' },
    { min: 2, rgba: [158, 154, 200, 170], labelKey: 'legend.population.p3' },
    { min: 8, rgba: [117, 107, 177, 190], labelKey: 'legend.population.p4' },
    { min: 25, rgba: [84, 39, 143, 210], labelKey: 'legend.population.p5' },
  ],
};

/** Households without gigabit fibre per grid cell: an orange ramp; cells with none stay clear. */
export const UNCOVERED_HOUSEHOLDS_PALETTE: Palette = {
  id: 'uncovered',
  unit: 'households/cell',
  steps: [
    { min: -Infinity, rgba: [253, 208, 162, 150], labelKey: 'legend.uncovered.u1' },
    { min: 2, rgba: [253, 141, 60, 180], labelKey: 'legend.uncovered.u2' },
    { min: 10, rgba: [217, 72, 1, 210], labelKey: 'legend.uncovered.u3' },
  ],
};

/** Relief shading (0 = shadow .. 1 = lit): dark translucent shadows over the base map, lit slopes clear. */
export const RELIEF_PALETTE: Palette = {
  id: 'relief',
  unit: '',
  steps: Array.from({ length: 10 }, (_, k) => ({
    min: k === 0 ? -Infinity : k / 10,
    rgba: [40, 40, 40, Math.round(150 * (1 - k / 9))] as [number, number, number, number],
    labelKey: 'legend.relief',
  })),
};

/** The county's area (any value; NaN outside): a light wash under the other rasters, so the county reads apart. */
export const COUNTY_WASH_PALETTE: Palette = {
  id: 'county',
  unit: '',
  steps: [{ min: -Infinity, rgba: [247, 250, 252, 255], labelKey: 'legend.county' }],
};

/** The RGBA of `value` on `palette`; NaN (no signal) is transparent. */
export function colourOf(palette: Palette, value: number): [number, number, number, number] {
  if (Number.isNaN(value)) return [0, 0, 0, 0];
  let rgba = palette.steps[0].rgba;
  for (const step of palette.steps) if (value >= step.min) rgba = step.rgba;
  return rgba;
}
