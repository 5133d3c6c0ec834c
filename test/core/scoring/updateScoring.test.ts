import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoverageRaster } from '../../../core/model/coverage';
import {
  gapIdAt, prepareScoring, resolveScoringSettings, scoreCoverage, scoringReport, updateScoring, type ScoringPrep, type ScoringState,
} from '../../../core/scoring';
import { makeGrid, makeProject, makeRaster, rectPlace, setCell } from './grids';

function prepFor(project: ReturnType<typeof makeProject>): ScoringPrep {
  return prepareScoring({ grid: project.grid, boundary: project.boundary, places: project.places, population: project.population, settings: resolveScoringSettings(project.settings) });
}

/** A gap's content: id, cells (looked up cell by cell), sums, fix, places, box, centroid. */
function gapsOf(state: ScoringState): string[] {
  const cellsById = new Map<number, number[]>();
  for (let i = 0; i < state.status.length; i++) {
    const id = gapIdAt(state, i);
    if (id) (cellsById.get(id) ?? cellsById.set(id, []).get(id)!).push(i);
  }
  return [...state.gaps.values()]
    .map((g) => JSON.stringify([g.id, cellsById.get(g.id), g.cellCount, g.people.toFixed(6), g.weightedPeople.toFixed(6), g.fix, g.urbanShare.toFixed(9), [...g.placeIds].sort(), g.bbox, g.centroidLonLat]))
    .sort();
}

function expectSame(incremental: ScoringState, full: ScoringState): void {
  expect(gapsOf(incremental)).toEqual(gapsOf(full));
  expect(incremental.placeScores).toEqual(full.placeScores);
  const a = scoringReport(incremental, { siteCount: 3 });
  const b = scoringReport(full, { siteCount: 3 });
  a.kpis.forEach((k, j) => {
    if (Number.isNaN(b.kpis[j].value)) expect(k.value).toBeNaN();
    else expect(k.value, k.id).toBeCloseTo(b.kpis[j].value, 9);
  });
  expect([...incremental.sums.builtUpDlHistogram]).toEqual([...full.sums.builtUpDlHistogram]);
  expect(a.gaps.map((g) => [g.rank, g.cellCount, g.fix])).toEqual(b.gaps.map((g) => [g.rank, g.cellCount, g.fix]));
}

describe('updateScoring', () => {
  it('splits a gap in two when a new site covers its middle, and joins them again when it goes', () => {
    const grid = makeGrid(9, 5);
    const raster = makeRaster(grid, -90);
    for (let row = 0; row < 5; row++) for (let col = 3; col <= 5; col++) setCell(raster, col, row, -120);
    const prep = prepFor(makeProject(grid, []));
    const state = scoreCoverage(prep, raster);
    expect([...state.gaps.values()].map((g) => g.cellCount)).toEqual([15]);

    for (let col = 3; col <= 5; col++) setCell(raster, col, 2, -80);
    updateScoring(state, raster, { col0: 3, row0: 2, cols: 3, rows: 1 });
    expect([...state.gaps.values()].map((g) => g.cellCount).sort()).toEqual([6, 6]);
    expectSame(state, scoreCoverage(prep, raster));

    for (let col = 3; col <= 5; col++) setCell(raster, col, 2, -120);
    updateScoring(state, raster, { col0: 3, row0: 2, cols: 3, rows: 1 });
    expect([...state.gaps.values()].map((g) => g.cellCount)).toEqual([15]);
    expectSame(state, scoreCoverage(prep, raster));
  });

  it('equals a full rescoring after any sequence of window edits (property)', () => {
    const cols = 14;
    const rows = 10;
    const grid = makeGrid(cols, rows);
    const levels = [-120, -100, -90, -80, -60, NaN];
    const cellValue = fc.constantFrom(...levels);
    const edit = fc.record({
      col0: fc.integer({ min: -2, max: cols - 1 }),
      row0: fc.integer({ min: -2, max: rows - 1 }),
      cols: fc.integer({ min: 1, max: 6 }),
      rows: fc.integer({ min: 1, max: 6 }),
      values: fc.array(cellValue, { minLength: 36, maxLength: 36 }),
      dl: fc.array(fc.double({ min: 0, max: 900, noNaN: true }), { minLength: 36, maxLength: 36 }),
    });
    fc.assert(
      fc.property(
        fc.array(cellValue, { minLength: cols * rows, maxLength: cols * rows }),
        fc.array(fc.constantFrom(0, 0, 0.05, 0.5, 2), { minLength: cols * rows, maxLength: cols * rows }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (initial, popValues, edits) => {
          const project = makeProject(grid, [
            rectPlace(grid, 'h', 'hospital', 1, 1, 4, 3, { keyPoints: [] }),
            rectPlace(grid, 's', 'scenic', 6, 2, 12, 8),
            rectPlace(grid, 'b', 'business_district', 3, 6, 7, 9),
          ], Float32Array.from(popValues));
          const raster: CoverageRaster = makeRaster(grid);
          initial.forEach((v, i) => setCell(raster, i % cols, Math.floor(i / cols), v));
          const prep = prepFor(project);
          const state = scoreCoverage(prep, raster);
          for (const e of edits) {
            let m = 0;
            for (let row = Math.max(0, e.row0); row < Math.min(rows, e.row0 + e.rows); row++) {
              for (let col = Math.max(0, e.col0); col < Math.min(cols, e.col0 + e.cols); col++, m++) {
                setCell(raster, col, row, e.values[m]);
                raster.dlThroughputMbps[row * cols + col] = e.dl[m];
              }
            }
            updateScoring(state, raster, e);
          }
          expectSame(state, scoreCoverage(prep, raster));
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });

  it('equals a full rescoring across gap tiles, with gaps spanning several tiles (property)', () => {
    const cols = 150;
    const rows = 140; // 3 x 3 tiles of 64 cells
    const grid = makeGrid(cols, rows);
    const blob = fc.record({ col: fc.integer({ min: 0, max: cols - 1 }), row: fc.integer({ min: 0, max: rows - 1 }), radius: fc.integer({ min: 2, max: 40 }), rsrpDbm: fc.constantFrom(-120, -100, -80, NaN) });
    fc.assert(
      fc.property(fc.array(blob, { minLength: 5, maxLength: 40 }), fc.array(blob, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        const pop = Float32Array.from({ length: cols * rows }, (_, i) => ((i * 7919) % 13) / 4);
        const project = makeProject(grid, [rectPlace(grid, 'a', 'hospital', 60, 60, 70, 70), rectPlace(grid, 'b', 'township', 0, 100, 149, 110)], pop);
        const raster = makeRaster(grid, -120);
        const paint = (b: typeof initial[number]) => {
          for (let row = Math.max(0, b.row - b.radius); row <= Math.min(rows - 1, b.row + b.radius); row++) {
            for (let col = Math.max(0, b.col - b.radius); col <= Math.min(cols - 1, b.col + b.radius); col++) {
              if ((row - b.row) ** 2 + (col - b.col) ** 2 <= b.radius ** 2) setCell(raster, col, row, b.rsrpDbm);
            }
          }
          return { col0: b.col - b.radius, row0: b.row - b.radius, cols: 2 * b.radius + 1, rows: 2 * b.radius + 1 };
        };
        initial.forEach(paint);
        const prep = prepFor(project);
        const state = scoreCoverage(prep, raster);
        for (const e of edits) updateScoring(state, raster, paint(e));
        expectSame(state, scoreCoverage(prep, raster));
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
