/**
 * Measured-RSRP data for model calibration, in planar metres (x east, y north). Readers in
 * geodata/measurements produce it from the Huawei 2019 contest layout or a plain drive-test CSV.
 */

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
