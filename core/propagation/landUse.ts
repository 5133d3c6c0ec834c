/**
 * Land-use (clutter) classes of the propagation model: what the bare-earth DEM cannot see. Each class has a
 * representative clutter height that enters the terrain profile (ITU-R P.1812-6 Table 2 form) and a
 * terminal clutter loss at the receiver (ITU-R P.2108-1 §3.1, clutterLossDb). Codes are stored in the
 * project's land-use raster (GridLayer values, NaN = no data).
 */

/** Land-use class codes (0 = unknown). */
export const LAND_USE = {
  unknown: 0,
  water: 1,
  open: 2,
  forest: 3,
  rural: 4,
  suburban: 5,
  urban: 6,
  denseUrban: 7,
} as const;

export type LandUseId = keyof typeof LAND_USE;
export type LandUseCode = (typeof LAND_USE)[LandUseId];

/** Number of codes (0..LAND_USE_CLASS_COUNT - 1): size of per-class tables. */
export const LAND_USE_CLASS_COUNT = 8;

/** One class: names for people, the P.2108 terminal model and the heights the model uses. */
export interface LandUseClassInfo {
  code: LandUseCode;
  id: LandUseId;
  nameZh: string;
  nameEn: string;
  /**
   * P.2108-1 §3.1 equation at the receiver: '2a' (diffraction over the clutter into the street), '2b'
   * (height gain below the clutter height) or 'none' (bare ground: no clutter loss, the reference of the
   * model's line-of-sight form)
   */
  terminalEquation: '2a' | '2b' | 'none';
  /** representative clutter height R of the terminal correction, m (P.2108-1 Table 3) */
  terminalClutterHeightM: number;
  /** clutter height added to the ground in the path profile, m (P.1812-6 Table 2) */
  profileClutterHeightM: number;
}

/**
 * The classes. Heights: P.2108-1 Table 3 (water/sea and open/rural R = 10 m with eq. 2b; suburban 10 m,
 * urban and trees/forest 15 m, dense urban 20 m with eq. 2a) and P.1812-6 Table 2 (profile clutter: water,
 * open and rural 0 m, suburban 10 m, urban and forest 15 m, dense urban 20 m). Open land and water carry no
 * clutter loss here (our choice: the model's line-of-sight form already describes a receiver over bare
 * ground, as ITM does); rural keeps P.2108's open/rural height gain (villages and trees around the receiver).
 * Unknown (no land use, no population) carries no clutter.
 * @example LAND_USE_CLASSES[LAND_USE.urban].terminalClutterHeightM // 15
 */
export const LAND_USE_CLASSES: readonly LandUseClassInfo[] = [
  { code: 0, id: 'unknown', nameZh: '未知', nameEn: 'unknown', terminalEquation: 'none', terminalClutterHeightM: 0, profileClutterHeightM: 0 },
  { code: 1, id: 'water', nameZh: '水体', nameEn: 'water', terminalEquation: 'none', terminalClutterHeightM: 10, profileClutterHeightM: 0 },
  { code: 2, id: 'open', nameZh: '空旷地', nameEn: 'open land', terminalEquation: 'none', terminalClutterHeightM: 10, profileClutterHeightM: 0 },
  { code: 3, id: 'forest', nameZh: '森林', nameEn: 'forest', terminalEquation: '2a', terminalClutterHeightM: 15, profileClutterHeightM: 15 },
  { code: 4, id: 'rural', nameZh: '农村', nameEn: 'rural', terminalEquation: '2b', terminalClutterHeightM: 10, profileClutterHeightM: 0 },
  { code: 5, id: 'suburban', nameZh: '郊区', nameEn: 'suburban', terminalEquation: '2a', terminalClutterHeightM: 10, profileClutterHeightM: 10 },
  { code: 6, id: 'urban', nameZh: '城区', nameEn: 'urban', terminalEquation: '2a', terminalClutterHeightM: 15, profileClutterHeightM: 15 },
  { code: 7, id: 'denseUrban', nameZh: '密集城区', nameEn: 'dense urban', terminalEquation: '2a', terminalClutterHeightM: 20, profileClutterHeightM: 20 },
];

/** Ids in code order (index = code). */
export const LAND_USE_IDS: readonly LandUseId[] = LAND_USE_CLASSES.map((c) => c.id);

/**
 * Population density thresholds, persons/km², of the classes derived from a population layer:
 * dense urban >= 3,000 [EST: the coverage engine's dense-urban threshold, a compact town centre on a 1 km
 * census-shaped raster]; urban >= 1,500 and suburban >= 300 (UN/Eurostat Degree of Urbanisation cell
 * densities of an urban centre and an urban cluster); rural >= 50 (the Degree of Urbanisation level 2 split
 * of rural cells: below 50 "very low density"); open below.
 * Source: https://ec.europa.eu/eurostat/web/degree-of-urbanisation/methodology
 */
export const LAND_USE_DENSITY_THRESHOLDS_PER_KM2 = { denseUrban: 3000, urban: 1500, suburban: 300, rural: 50 } as const;

/**
 * The land-use class of a cell from its population density, persons/km² (LAND_USE_DENSITY_THRESHOLDS_PER_KM2);
 * NaN gives unknown.
 * @example landUseOfDensity(2000) // LAND_USE.urban
 */
export function landUseOfDensity(personsPerKm2: number): LandUseCode {
  const t = LAND_USE_DENSITY_THRESHOLDS_PER_KM2;
  if (!(personsPerKm2 >= 0)) return LAND_USE.unknown;
  if (personsPerKm2 >= t.denseUrban) return LAND_USE.denseUrban;
  if (personsPerKm2 >= t.urban) return LAND_USE.urban;
  if (personsPerKm2 >= t.suburban) return LAND_USE.suburban;
  if (personsPerKm2 >= t.rural) return LAND_USE.rural;
  return LAND_USE.open;
}

/**
 * True when `code` is a land-use class code (an integer 0..7).
 * @example isLandUseCode(6) // true
 */
export function isLandUseCode(code: number): code is LandUseCode {
  return Number.isInteger(code) && code >= 0 && code < LAND_USE_CLASS_COUNT;
}
