import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  SERVICE_CLASS, gapLocation, scoreProject, scoringReport, serviceClassRaster, updateScoring, type Landmark,
} from '../../../core/scoring';
import { at, makeGrid, makeProject, makeRaster, setCell } from './grids';

/** An unserved county: 800 x 600 cells of 25 m (20 x 15 km, 300 km2), no site anywhere, the seat in the middle. */
function unserved() {
  const grid = makeGrid(800, 600, 25);
  const pop = new Float32Array(800 * 600).fill(0.01);
  // a village of 5,000 people in the north-east corner, 2 x 2 km
  for (let row = 20; row < 100; row++) for (let col = 700; col < 780; col++) pop[row * 800 + col] = 5000 / 6400;
  const raster = makeRaster(grid, NaN);
  raster.sinrDb.fill(NaN);
  raster.dlThroughputMbps.fill(NaN);
  raster.bestServer.fill(-1);
  const project = makeProject(grid, [], pop);
  project.seat = { lonLat: at(grid, 400, 300), nameZh: '县城', nameEn: 'the county seat' };
  return { grid, raster, project };
}

describe('gaps a planner can act on', () => {
  it('splits an unserved 300 km2 county into six pieces of about 50 km2, each named by direction and distance from the seat', () => {
    const { grid, raster, project } = unserved();
    const { report, state } = scoreProject(project, raster, { outlineCount: 10 });
    expect(report.gaps).toHaveLength(6);
    const km2 = report.gaps.map((g) => g.areaM2 / 1e6);
    expect(km2.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 6);
    // pieces are made of 64 x 64-cell tiles (2.56 km2 at 25 m): at most 50 km2 plus part of one tile
    for (const a of km2) expect(a).toBeLessThan(50 + 2.56);
    for (const a of km2) expect(a).toBeGreaterThan(40);
    expect(new Set(report.gaps.map((g) => g.id)).size).toBe(6);
    expect(new Set(report.gaps.map((g) => g.regionId)).size).toBe(1);
    for (const g of report.gaps) {
      expect(g).toMatchObject({ pieceCount: 6, regionAreaM2: 300e6, noServiceShare: 1, fix: 'macro', isIndoorOnly: false });
      expect(g.location!.isSeat).toBe(true);
      expect(g.location!.zh).toMatch(/^县城(北|东北|东|东南|南|西南|西|西北) \d+(\.\d)? km$/);
      expect(g.location!.en).toMatch(/^\d+(\.\d)? km (N|NE|E|SE|S|SW|W|NW) of the county seat$/);
    }
    // the piece with the village ranks first and lies north-east of the seat
    expect(report.gaps[0].people).toBeGreaterThan(5000);
    expect(report.gaps[0].location!.zh).toMatch(/^县城东北 /);
    expect(report.gaps[0].location!.distanceM).toBeGreaterThan(5000);
    // an outline covers its piece
    const outlined = report.gaps[0];
    expect(area({ type: 'Feature', properties: {}, geometry: outlined.outline! }) / outlined.areaM2).toBeCloseTo(1, 1);
    // no service is counted apart and drawn as its own class
    expect(report.noService).toMatchObject({ cells: 480_000, areaKm2: 300, areaShare: 1, peopleShare: 1 });
    expect(serviceClassRaster(state).every((c) => c === SERVICE_CLASS.noService)).toBe(true);
    expect(grid.cols * grid.rows).toBe(480_000);
  });

  it('tells no service from poor coverage, in the classes, the report and the gaps, and keeps both current after an edit', () => {
    const grid = makeGrid(40, 20, 100);
    const raster = makeRaster(grid, -120); // reached, but far below -105 dBm
    for (let row = 0; row < 20; row++) for (let col = 20; col < 40; col++) setCell(raster, col, row, NaN);
    const project = makeProject(grid, [], new Float32Array(800).fill(2));
    const { report, state } = scoreProject(project, raster);
    expect(report.noService).toMatchObject({ cells: 400, people: 800, areaShare: 0.5, peopleShare: 0.5 });
    const classes = serviceClassRaster(state);
    expect(classes[5 * 40 + 5]).toBe(SERVICE_CLASS.belowTarget);
    expect(classes[5 * 40 + 30]).toBe(SERVICE_CLASS.noService);
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0].noServiceShare).toBe(0.5);
    // a site now reaches the east half, weakly: poor coverage, no longer no service
    for (let row = 0; row < 20; row++) for (let col = 20; col < 40; col++) setCell(raster, col, row, -115);
    updateScoring(state, raster, { col0: 20, row0: 0, cols: 20, rows: 20 });
    const after = scoringReport(state, { siteCount: 1 });
    expect(after.noService.cells).toBe(0);
    expect(after.gaps[0].noServiceShare).toBe(0);
    expect(serviceClassRaster(state)[5 * 40 + 30]).toBe(SERVICE_CLASS.belowTarget);
  });

  it('keeps a region of 50 km2 or less whole, with its own id', () => {
    const grid = makeGrid(40, 20, 100); // 8 km2
    const raster = makeRaster(grid, -120);
    const { report } = scoreProject(makeProject(grid, [], new Float32Array(800).fill(1)), raster);
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]).toMatchObject({ id: report.gaps[0].regionId, pieceCount: 1, noServiceShare: 0 });
    expect(report.gaps[0].location).toBeUndefined(); // no seat, no places: nothing to name it by
  });
});

describe('gapLocation', () => {
  const seat: Landmark = { nameZh: '县城', nameEn: 'the county seat', isSeat: true, xM: 0, yM: 0 };
  const airport: Landmark = { nameZh: '遵义茅台机场 WMT/ZUMT', nameEn: '遵义茅台机场 WMT/ZUMT', isSeat: false, xM: 20_000, yM: 0 };
  it('names a point by the nearest landmark, with an 8-point direction and the distance', () => {
    expect(gapLocation([seat, airport], 8485, 8485)).toMatchObject({ zh: '县城东北 12 km', en: '12 km NE of the county seat', isSeat: true });
    expect(gapLocation([seat, airport], -3000, -200)).toMatchObject({ zh: '县城西 3.0 km', en: '3.0 km W of the county seat' });
    expect(gapLocation([seat, airport], 20_000, -4200)).toMatchObject({ zh: '遵义茅台机场 WMT/ZUMT 南 4.2 km', en: '4.2 km S of 遵义茅台机场 WMT/ZUMT', isSeat: false });
    expect(gapLocation([seat], 300, 400)).toMatchObject({ zh: '县城附近', en: 'near the county seat', distanceM: 500 });
    expect(gapLocation([], 1, 1)).toBeUndefined();
  });
});
