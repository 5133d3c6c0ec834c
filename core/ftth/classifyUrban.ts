import type { GridSpec } from '../grid/gridSpec';
import { FAMILY_HOUSEHOLD_POPULATION_SHARE, type HouseholdSet } from './households';

/** Side of the square blocks urban density is measured over, m (the Degree of Urbanisation's 1 km2 cells). */
export const URBAN_DENSITY_BLOCK_M = 1000;

/**
 * Marks households urban (sets `set.isUrban`) when the density of their ~1 km2 block of grid cells is at
 * least `urbanDensityPerKm2` persons/km2, or they lie within `seatTownRadiusM` of the county seat (x, y in
 * the grid CRS). Blocks are round(1000 m / cellSizeM) cells square. Persons come from `personsPerCell` when
 * given, otherwise from households x household size / family-household share. The 1,500/km2 default is the
 * urban-centre cell density of the Degree of Urbanisation (European Commission, FAO, ILO, OECD, UN-Habitat,
 * World Bank 2021, "Applying the Degree of Urbanisation"), without its 50,000-person cluster rule [EST].
 * @example classifyUrban(set, grid, { urbanDensityPerKm2: 1500, seatTownRadiusM: 3000, seatXM: 0, seatYM: 0, householdSize: 2.81 })
 */
export function classifyUrban(
  set: HouseholdSet,
  grid: GridSpec,
  options: {
    urbanDensityPerKm2: number;
    seatTownRadiusM: number;
    seatXM?: number;
    seatYM?: number;
    householdSize: number;
    personsPerCell?: Float32Array;
  },
): void {
  const b = Math.max(1, Math.round(URBAN_DENSITY_BLOCK_M / grid.cellSizeM));
  const blockCols = Math.ceil(grid.cols / b);
  const blockOf = (cell: number) => Math.floor(Math.floor(cell / grid.cols) / b) * blockCols + Math.floor((cell % grid.cols) / b);
  const blockPersons = new Float64Array(blockCols * Math.ceil(grid.rows / b));
  if (options.personsPerCell) {
    const p = options.personsPerCell;
    for (let c = 0; c < p.length; c++) if (p[c] > 0) blockPersons[blockOf(c)] += p[c];
  } else {
    const perHousehold = options.householdSize / FAMILY_HOUSEHOLD_POPULATION_SHARE;
    for (let k = 0; k < set.households.length; k++) {
      if (set.cellIndex[k] >= 0) blockPersons[blockOf(set.cellIndex[k])] += set.households[k] * perHousehold;
    }
  }
  const blockKm2 = (b * grid.cellSizeM) ** 2 / 1e6;
  const hasSeat = Number.isFinite(options.seatXM) && Number.isFinite(options.seatYM);
  const r2 = options.seatTownRadiusM * options.seatTownRadiusM;
  for (let k = 0; k < set.households.length; k++) {
    const c = set.cellIndex[k];
    const isDense = c >= 0 && blockPersons[blockOf(c)] / blockKm2 >= options.urbanDensityPerKm2;
    const dx = set.xM[k] - (options.seatXM ?? 0);
    const dy = set.yM[k] - (options.seatYM ?? 0);
    set.isUrban[k] = isDense || (hasSeat && dx * dx + dy * dy <= r2) ? 1 : 0;
  }
}
