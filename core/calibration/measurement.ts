/**
 * Measured-RSRP data for model calibration, in planar metres (x east, y north). Readers in
 * geodata/measurements produce it from the Huawei 2019 contest layout or a plain drive-test CSV.
 */
import { LAND_USE, type LandUseCode } from '../propagation/landUse';

/** One transmitting cell (sector) and the map values at its site. */
export interface CalibrationCell {
  cellId: string;
  /** site position, m */
  xM: number;
  yM: number;
  /** antenna height above the ground (or above the roof when `buildingHeightM` > 0, as in the Huawei data), m */
  heightM: number;
  /** degrees clockwise from north */
  azimuthDeg: number;
  electricalTiltDeg: number;
  mechanicalTiltDeg: number;
  /** carrier centre frequency, MHz */
  freqMhz: number;
  /** reference-signal power per resource element, dBm */
  rsPowerDbm: number;
  /** ground altitude at the site, m (NaN if unknown) */
  altitudeM: number;
  /** building height at the site, m (0 if none, NaN if unknown) */
  buildingHeightM: number;
  /** land-cover class at the site (0 if unknown) */
  clutter: number;
  /** where the record came from (file and row) */
  source: string;
}

/** One measured (or to-be-predicted) point; `rsrpDbm` is NaN when unknown. */
export interface MeasuredPoint {
  /** index into MeasurementSet.cells */
  cellIndex: number;
  xM: number;
  yM: number;
  /** ground altitude, m (NaN if unknown) */
  altitudeM: number;
  /** building height, m (0 if none, NaN if unknown) */
  buildingHeightM: number;
  /** land-cover class (Huawei classes 1-20; 0 if unknown) */
  clutter: number;
  rsrpDbm: number;
}

/** Cells plus points, points in input order. */
export interface MeasurementSet {
  cells: CalibrationCell[];
  points: MeasuredPoint[];
}

/**
 * Land-cover classes of the Huawei 2019 data (../shared/data/README.md).
 */
export const HUAWEI_CLUTTER_CLASSES: Record<number, string> = {
  1: 'sea', 2: 'inland lake', 3: 'wetland', 4: 'suburban open', 5: 'urban open', 6: 'road open', 7: 'vegetation',
  8: 'shrub', 9: 'forest', 10: 'urban super-high-rise (>60 m)', 11: 'urban high-rise (40-60 m)',
  12: 'urban mid-high-rise (20-40 m)', 13: 'urban dense <20 m', 14: 'urban multi-storey <20 m',
  15: 'low-density industrial', 16: 'high-density industrial', 17: 'suburban', 18: 'developed suburban', 19: 'rural', 20: 'CBD',
};

/**
 * Land-use class (core/propagation/landUse.ts) of each Huawei 2019 class: water (1-3), open (4 suburban open,
 * 8 shrub), forest (7 vegetation, 9 forest), rural (19), suburban (15 low-density industrial, 17, 18), urban
 * (5 urban open, 6 road open: streets and squares between buildings; 13, 14, 16), dense urban (10-12, 20).
 * Our reading of the class names; 0 and unlisted codes are unknown.
 */
export const HUAWEI_CLUTTER_TO_LAND_USE: Readonly<Record<number, LandUseCode>> = {
  1: LAND_USE.water, 2: LAND_USE.water, 3: LAND_USE.water, 4: LAND_USE.open, 5: LAND_USE.urban, 6: LAND_USE.urban,
  7: LAND_USE.forest, 8: LAND_USE.open, 9: LAND_USE.forest, 10: LAND_USE.denseUrban, 11: LAND_USE.denseUrban,
  12: LAND_USE.denseUrban, 13: LAND_USE.urban, 14: LAND_USE.urban, 15: LAND_USE.suburban, 16: LAND_USE.urban,
  17: LAND_USE.suburban, 18: LAND_USE.suburban, 19: LAND_USE.rural, 20: LAND_USE.denseUrban,
};

/**
 * Concatenates measurement sets (e.g. one per file); cells with the same id and position are merged.
 * @example mergeMeasurementSets([a, b]).points.length === a.points.length + b.points.length
 */
export function mergeMeasurementSets(sets: readonly MeasurementSet[]): MeasurementSet {
  const cells: CalibrationCell[] = [];
  const points: MeasuredPoint[] = [];
  const byKey = new Map<string, number>();
  for (const set of sets) {
    const remap = set.cells.map((c) => {
      const key = `${c.cellId}@${c.xM},${c.yM}`;
      let idx = byKey.get(key);
      if (idx === undefined) {
        idx = cells.length;
        cells.push(c);
        byKey.set(key, idx);
      }
      return idx;
    });
    for (const p of set.points) points.push({ ...p, cellIndex: remap[p.cellIndex] });
  }
  return { cells, points };
}
