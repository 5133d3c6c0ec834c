import { cellCentreXM, cellCentreYM, type GridSpec } from '../grid/gridSpec';

/**
 * Share of the resident population living in family households, Guizhou 2020 census: 3571.95万 of
 * 3856.21万 (the rest live in collective households: dorms, barracks). ftth.md §5.
 */
export const FAMILY_HOUSEHOLD_POPULATION_SHARE = 3571.95 / 3856.21;

/**
 * Households as flat arrays: one entry per populated grid cell (from a population layer) or per imported
 * household point. Positions are in the grid CRS.
 */
export interface HouseholdSet {
  source: 'population' | 'points';
  xM: Float64Array;
  yM: Float64Array;
  /** households at the entry (fractional for cells: population / size) */
  households: Float64Array;
  /** grid cell holding the entry, -1 outside the grid */
  cellIndex: Int32Array;
  /** 1 where the entry counts as urban (see classifyUrban) */
  isUrban: Uint8Array;
}

/**
 * Households per populated cell: persons x (3571.95 / 3856.21) / householdSize (ftth.md §5: removes the
 * collective-household population before dividing by the family-household size, 2.81 in Guizhou 2020).
 * Cells with NaN or no population are skipped; `isUrban` is left 0 (see classifyUrban).
 * @example householdsFromPopulation(grid, project.population.values, 2.81).households[0] // persons x 0.3296
 */
export function householdsFromPopulation(grid: GridSpec, personsPerCell: Float32Array, householdSize: number): HouseholdSet {
  if (personsPerCell.length !== grid.cols * grid.rows) {
    throw new RangeError(`personsPerCell must have grid.cols * grid.rows = ${grid.cols * grid.rows} values, got ${personsPerCell.length}`);
  }
  if (!(householdSize > 0)) throw new RangeError(`householdSize must be > 0, got ${householdSize}`);
  let n = 0;
  for (let i = 0; i < personsPerCell.length; i++) if (personsPerCell[i] > 0) n++;
  const set = emptyHouseholdSet('population', n);
  const perPerson = FAMILY_HOUSEHOLD_POPULATION_SHARE / householdSize;
  let k = 0;
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const i = row * grid.cols + col;
      const persons = personsPerCell[i];
      if (!(persons > 0)) continue;
      set.xM[k] = cellCentreXM(grid, col);
      set.yM[k] = cellCentreYM(grid, row);
      set.households[k] = persons * perPerson;
      set.cellIndex[k] = i;
      k++;
    }
  }
  return set;
}

/** An empty HouseholdSet of `n` entries, to be filled by a reader. @example emptyHouseholdSet("points", 10).xM.length // 10 */
export function emptyHouseholdSet(source: HouseholdSet['source'], n: number): HouseholdSet {
  return {
    source,
    xM: new Float64Array(n),
    yM: new Float64Array(n),
    households: new Float64Array(n),
    cellIndex: new Int32Array(n),
    isUrban: new Uint8Array(n),
  };
}
