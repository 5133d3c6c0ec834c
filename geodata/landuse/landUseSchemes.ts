import { LAND_USE, type LandUseCode } from '../../core/propagation/landUse';

/** Class codes of the land-cover rasters the planner can load, each mapped to the model's land-use classes. */
export type LandUseScheme = 'qcplan' | 'worldcover' | 'globeland30' | 'clcd';

/** Built-up pixels: split by population density when the project has a population layer (readLandUseLayer). */
export const BUILT_UP = -1;

/**
 * Each scheme's codes -> land-use class (BUILT_UP for "built-up / impervious"; unlisted codes are no data):
 * - qcplan: our own codes 1-7 (core/propagation/landUse.ts: water, open, forest, rural, suburban, urban, dense urban);
 * - worldcover: ESA WorldCover 10 m v200 (10 tree cover, 20 shrubland, 30 grassland, 40 cropland, 50 built-up,
 *   60 bare / sparse vegetation, 70 snow and ice, 80 permanent water, 90 herbaceous wetland, 95 mangroves,
 *   100 moss and lichen; https://esa-worldcover.org/en/data-access, product user manual);
 * - globeland30: GlobeLand30 (NGCC China, 30 m; 10 cultivated land, 20 forest, 30 grassland, 40 shrubland,
 *   50 wetland, 60 water bodies, 70 tundra, 80 artificial surfaces, 90 bare land, 100 permanent snow and ice);
 * - clcd: China Land Cover Dataset (Yang & Huang 2021, ESSD 13, 3907; 30 m annual: 1 cropland, 2 forest, 3 shrub,
 *   4 grassland, 5 water, 6 snow and ice, 7 barren, 8 impervious, 9 wetland).
 * Cropland, grassland, shrub, bare land and wetland are open land (no clutter: a low-vegetation receiver); tree
 * cover is forest; built-up is urban unless the population says denser or sparser.
 */
export const LAND_USE_SCHEMES: Record<LandUseScheme, Readonly<Record<number, LandUseCode | typeof BUILT_UP>>> = {
  qcplan: { 1: LAND_USE.water, 2: LAND_USE.open, 3: LAND_USE.forest, 4: LAND_USE.rural, 5: LAND_USE.suburban, 6: LAND_USE.urban, 7: LAND_USE.denseUrban },
  worldcover: {
    10: LAND_USE.forest, 20: LAND_USE.open, 30: LAND_USE.open, 40: LAND_USE.open, 50: BUILT_UP, 60: LAND_USE.open, 70: LAND_USE.open,
    80: LAND_USE.water, 90: LAND_USE.open, 95: LAND_USE.forest, 100: LAND_USE.open,
  },
  globeland30: {
    10: LAND_USE.open, 20: LAND_USE.forest, 30: LAND_USE.open, 40: LAND_USE.open, 50: LAND_USE.open, 60: LAND_USE.water, 70: LAND_USE.open,
    80: BUILT_UP, 90: LAND_USE.open, 100: LAND_USE.open,
  },
  clcd: { 1: LAND_USE.open, 2: LAND_USE.forest, 3: LAND_USE.open, 4: LAND_USE.open, 5: LAND_USE.water, 6: LAND_USE.open, 7: LAND_USE.open, 8: BUILT_UP, 9: LAND_USE.open },
};

export const LAND_USE_SCHEME_IDS = Object.keys(LAND_USE_SCHEMES) as LandUseScheme[];
