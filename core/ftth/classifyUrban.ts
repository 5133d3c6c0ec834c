import type { GridSpec } from '../grid/gridSpec';
import { FAMILY_HOUSEHOLD_POPULATION_SHARE, type HouseholdSet } from './households';

/**
 * Marks households urban (sets `set.isUrban`) when their cell's density is at least `urbanDensityPerKm2`
 * persons/km2 or they lie within `seatTownRadiusM` of the county seat (x, y in the grid CRS).
 * Density comes from `personsPerCell` when given, otherwise from the households per cell x household size /
 * family-household share. The 1,500/km2 default is the urban-centre cell density of the Degree of
 * Urbanisation (European Commission, FAO, ILO, OECD, UN-Habitat, World Bank 2021, "Applying the Degree of
 * Urbanisation"), applied per grid cell rather than per 1 km2 cell and without its 50,000-person
 * cluster rule [EST].
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
  const cellKm2 = (grid.cellSizeM * grid.cellSizeM) / 1e6;
  let persons = options.personsPerCell;
  if (!persons) {
    persons = new Float32Array(grid.cols * grid.rows);
    const perHousehold = options.householdSize / FAMILY_HOUSEHOLD_POPULATION_SHARE;
    for (let k = 0; k < set.households.length; k++) if (set.cellIndex[k] >= 0) persons[set.cellIndex[k]] += set.households[k] * perHousehold;
  }
  const hasSeat = Number.isFinite(options.seatXM) && Number.isFinite(options.seatYM);
  const r2 = options.seatTownRadiusM * options.seatTownRadiusM;
  for (let k = 0; k < set.households.length; k++) {
    const c = set.cellIndex[k];
    const isDense = c >= 0 && persons[c] / cellKm2 >= options.urbanDensityPerKm2;
    const dx = set.xM[k] - (options.seatXM ?? 0);
    const dy = set.yM[k] - (options.seatYM ?? 0);
    set.isUrban[k] = isDense || (hasSeat && dx * dx + dy * dy <= r2) ? 1 : 0;
  }
}
