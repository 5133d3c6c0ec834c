// `npm run bench -- --only scoring [--seed N] [--edits N]`: scoring of a generated county.
// Synthetic inputs, labelled so: a 2,000 km2 county (squircle boundary) on a 25 m grid; population from
// Gaussian settlements plus simplex noise; ~500 omni sites placed by population, SS-RSRP from the TR 38.901
// UMa NLOS path loss (core/radio) with a simplex-noise shadow field, indoor via the mean O2I low-loss,
// SINR at load 0.5, DL by attenuated Shannon; 200 places of every category. Times: prepareScoring (once per
// project), full scoring (3 runs after a warm-up run), report; then single-site additions, each changing a
// 5 km-radius window, timed for updateScoring and the report without outlines (2 warm-up edits reported
// apart), and checked against a full rescoring at the end.
// Latest (2026-11-24, 2 cores shared with other jobs, load ~4-6, so under contention; seed 1): 3.45 M grid
// cells, 3.20 M county cells, 2,185 gaps, the largest 1.65 M cells. prepareScoring 150 ms; scoreCoverage
// 882 / 293 / 210 ms; report with 50 outlines 187 / 205 / 107 ms. Single-site edit (160,801-cell window):
// updateScoring median 7.5 ms, p90 15.3, max 20.4; with the report median 10.3, p90 20.8, max 23.6; the
// two cold edits 44 and 43 ms. Incremental equals full: KPIs, gaps, places.
import { createNoise2D } from 'simplex-noise';
import { makeLocalProjection } from '../../core/geo/localProjection';
import { gridForBoundsM } from '../../core/grid/gridSpec';
import type { CoverageRaster } from '../../core/model/coverage';
import type { Place, PlaceCategory } from '../../core/model/place';
import type { Project } from '../../core/model/project';
import { defaultProjectSettings, PROJECT_SCHEMA_VERSION } from '../../core/model/project';
import { BAND_PRESETS } from '../../core/radio/bands';
import { attenuatedShannonMbps, epreDbm, thermalNoisePerReDbm } from '../../core/radio/linkBudget';
import { O2I_MEAN_INDOOR_DISTANCE_M, o2iPenetrationLossDb } from '../../core/radio/o2i';
import { pathLossUmaDb } from '../../core/radio/pathLoss38901';
import { gapIdAt, gapOutline, prepareScoring, resolveScoringSettings, scoreCoverage, scoringReport, updateScoring } from '../../core/scoring';
import { capacityReport, createCapacityState, prepareCapacity, resolveCapacitySettings, takeTouchedSectors, updateCapacity } from '../../core/capacity';
import { mulberry32 } from '../../core/random';

const arg = (args: string[], name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

const AREA_KM2 = 2000;
const CELL_M = 25;
const RANGE_M = 5000;
const band = BAND_PRESETS.n78;
const freqGhz = band.freqMhz / 1000;
const eirpPerReDbm = epreDbm(band.txPowerDbm, band.prbCount) + band.antennaGainDbi;
const noiseMw = 10 ** (thermalNoisePerReDbm(band.scsKhz, band.ueNoiseFigureDb) / 10);
const o2iDb = o2iPenetrationLossDb(freqGhz, 'low', { indoorDistanceM: O2I_MEAN_INDOOR_DISTANCE_M.UMa });
const LOAD = defaultProjectSettings().radio.loadFactor;
// path loss by whole metre up to 5 km, so a site stamp costs a table look-up per cell
const plTableDb = Float64Array.from({ length: RANGE_M + 1 }, (_, d) => pathLossUmaDb(Math.max(d, 10), 30, 1.5, freqGhz, false));

interface County {
  project: Project;
  raster: CoverageRaster;
  sumMw: Float64Array;
  shadowDb: Float32Array;
  sampleCell: () => number;
  siteCount: number;
}

function generate(seed: number): County {
  const rand = mulberry32(seed);
  const noise = createNoise2D(rand);
  // squircle |x/a|^4 + |y/a|^4 <= 1 has area 4 a^2 Γ(1.25)^2 / Γ(1.5) = 3.7081 a^2
  const aM = Math.sqrt((AREA_KM2 * 1e6) / 3.7081);
  const proj = makeLocalProjection(106.9, 26.9);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 256; k++) {
    const th = (2 * Math.PI * (k % 256)) / 256;
    const c = Math.cos(th);
    const s = Math.sin(th);
    const r = aM / Math.pow(c ** 4 + s ** 4, 0.25);
    ring.push(proj.inverse([r * c, r * s]));
  }
  const grid = gridForBoundsM([-aM, -aM, aM, aM], CELL_M, proj.proj4);
  const { cols, rows } = grid;
  const n = cols * rows;
  const xOf = (col: number) => grid.originXM + (col + 0.5) * CELL_M;
  const yOf = (row: number) => grid.originYM - (row + 0.5) * CELL_M;

  // settlements: a county seat and 20 townships (Gaussian), villages from noise
  const towns = [{ x: 0.1 * aM, y: -0.05 * aM, sigmaM: 1500, people: 150_000 }];
  for (let k = 0; k < 20; k++) towns.push({ x: (rand() * 1.6 - 0.8) * aM, y: (rand() * 1.6 - 0.8) * aM, sigmaM: 300 + rand() * 300, people: 4000 + rand() * 8000 });
  const pop = new Float32Array(n);
  const shadowDb = new Float32Array(n);
  const cellKm2 = (CELL_M * CELL_M) / 1e6;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x = xOf(col);
      const y = yOf(row);
      let p = Math.max(0, noise(x / 4000, y / 4000) - 0.3) * 150 * cellKm2; // villages up to ~100/km2
      for (const t of towns) {
        const d2 = (x - t.x) ** 2 + (y - t.y) ** 2;
        if (d2 < 16 * t.sigmaM ** 2) p += (t.people * CELL_M * CELL_M * Math.exp(-d2 / (2 * t.sigmaM ** 2))) / (2 * Math.PI * t.sigmaM ** 2);
      }
      pop[row * cols + col] = p;
      shadowDb[row * cols + col] = 8 * noise(x / 700 + 100, y / 700) + 3 * noise(x / 150, y / 150 + 100);
    }
  }
  const cdf = new Float64Array(n);
  for (let i = 0, acc = 0; i < n; i++) cdf[i] = acc += pop[i];
  const sampleCell = () => {
    const v = rand() * cdf[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  };

  const raster: CoverageRaster = {
    grid,
    rsrpDbm: new Float32Array(n).fill(NaN),
    indoorRsrpDbm: new Float32Array(n).fill(NaN),
    sinrDb: new Float32Array(n).fill(NaN),
    dlThroughputMbps: new Float32Array(n).fill(NaN),
    bestServer: new Int32Array(n).fill(-1),
    cellIds: [],
  };
  const county: County = { project: undefined as unknown as Project, raster, sumMw: new Float64Array(n), shadowDb, sampleCell, siteCount: 0 };
  // sites: 70 % by population, 30 % anywhere (rural coverage)
  for (let k = 0; k < 500; k++) {
    const i = rand() < 0.7 ? sampleCell() : Math.floor(rand() * n);
    addSite(county, i % cols, Math.floor(i / cols));
  }

  const cats: [PlaceCategory, number, number][] = [
    ['community', 40, 200], ['business_district', 20, 400], ['business_building', 15, 50], ['transport_hub', 10, 200],
    ['hospital', 15, 100], ['school', 25, 150], ['government', 10, 80], ['dev_zone', 5, 1500], ['scenic', 5, 2000],
    ['township', 45, 500],
  ];
  const places: Place[] = [];
  for (const [category, count, sizeM] of cats) {
    for (let k = 0; k < count; k++) {
      const i = category === 'scenic' ? Math.floor(rand() * n) : sampleCell();
      const x = xOf(i % cols);
      const y = yOf(Math.floor(i / cols));
      const id = `${category}-${k}`;
      const keyPoints = ['hospital', 'government', 'transport_hub'].includes(category)
        ? Array.from({ length: 3 }, () => proj.inverse([x + (rand() - 0.5) * sizeM, y + (rand() - 0.5) * sizeM]))
        : undefined;
      if (sizeM >= 400) {
        const h = sizeM / 2;
        const sq = [[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]].map(([dx, dy]) => proj.inverse([x + dx, y + dy]));
        places.push({ id, name: id, category, geometry: { type: 'Polygon', coordinates: [sq] }, keyPoints, isIllustrative: true, source: 'synthetic' });
      } else {
        places.push({ id, name: id, category, geometry: { type: 'Point', coordinates: proj.inverse([x, y]) }, radiusM: sizeM, keyPoints, isIllustrative: true, source: 'synthetic' });
      }
    }
  }
  for (let k = 0; k < 10; k++) {
    let x = (rand() * 1.4 - 0.7) * aM;
    let y = (rand() * 1.4 - 0.7) * aM;
    let heading = rand() * 2 * Math.PI;
    const line: [number, number][] = [proj.inverse([x, y])];
    for (let s = 0; s < 20; s++) {
      heading += (rand() - 0.5) * 0.6;
      x += 1000 * Math.cos(heading);
      y += 1000 * Math.sin(heading);
      line.push(proj.inverse([x, y]));
    }
    places.push({ id: `line-${k}`, name: `line-${k}`, category: 'line', geometry: { type: 'LineString', coordinates: line }, isIllustrative: true, source: 'synthetic' });
  }
  county.project = {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'synthetic bench county',
    countyCode: '000000',
    boundary: { type: 'MultiPolygon', coordinates: [[ring]] },
    grid,
    settings: defaultProjectSettings(),
    sites: [],
    places,
    candidates: [],
    olts: [],
    population: { values: pop, provenance: 'synthetic', source: 'scoring.bench.ts: Gaussian settlements + simplex noise' },
  };
  return county;
}

/** Adds an omni site at a cell and recomposes best server RSRP, SINR and DL inside its 5 km window. */
function addSite(county: County, col: number, row: number): { col0: number; row0: number; cols: number; rows: number } {
  const { raster, sumMw, shadowDb } = county;
  const { cols, rows } = raster.grid;
  const r = Math.ceil(RANGE_M / CELL_M);
  const col0 = Math.max(0, col - r);
  const row0 = Math.max(0, row - r);
  const col1 = Math.min(cols - 1, col + r);
  const row1 = Math.min(rows - 1, row + r);
  const id = county.raster.cellIds.length;
  raster.cellIds.push(`s${id}/1`);
  county.siteCount++;
  for (let rr = row0; rr <= row1; rr++) {
    for (let cc = col0; cc <= col1; cc++) {
      const dM = Math.round(Math.hypot(cc - col, rr - row) * CELL_M);
      if (dM > RANGE_M) continue;
      const i = rr * cols + cc;
      const rx = eirpPerReDbm - plTableDb[dM] + shadowDb[i];
      const mw = 10 ** (rx / 10);
      sumMw[i] += mw;
      if (!(rx <= raster.rsrpDbm[i])) { raster.rsrpDbm[i] = rx; raster.bestServer[i] = id; }
      const best = raster.rsrpDbm[i];
      const bestMw = 10 ** (best / 10);
      const sinr = best - 10 * Math.log10(Math.max(0, sumMw[i] - bestMw) * LOAD + noiseMw);
      raster.indoorRsrpDbm[i] = best - o2iDb;
      raster.sinrDb[i] = sinr;
      raster.dlThroughputMbps[i] = attenuatedShannonMbps(sinr, band);
    }
  }
  return { col0, row0, cols: col1 - col0 + 1, rows: row1 - row0 + 1 };
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 100) / 100;
// CPU time of this process, ms: less distorted than wall time when other jobs share the cores
const cpuMs = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return Math.round((c.user + c.system) / 10) / 100; };
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function run(args: string[]): Promise<object> {
  const seed = arg(args, 'seed', 1);
  const editCount = arg(args, 'edits', 20);
  let t0 = performance.now();
  const county = generate(seed);
  const generateMs = ms(t0);
  const { project, raster } = county;
  const settings = resolveScoringSettings(project.settings);

  t0 = performance.now();
  const prep = prepareScoring({ grid: project.grid, boundary: project.boundary, places: project.places, population: project.population, settings });
  const prepareMs = ms(t0);
  const fullRuns: { scoreMs: number; scoreCpuMs: number; reportMs: number; reportCpuMs: number }[] = [];
  let state = scoreCoverage(prep, raster);
  for (let k = 0; k < 3; k++) {
    t0 = performance.now();
    let c0 = process.cpuUsage();
    state = scoreCoverage(prep, raster);
    const scoreMs = ms(t0);
    const scoreCpuMs = cpuMs(c0);
    t0 = performance.now();
    c0 = process.cpuUsage();
    scoringReport(state, { siteCount: county.siteCount, outlineCount: 50 });
    fullRuns.push({ scoreMs, scoreCpuMs, reportMs: ms(t0), reportCpuMs: cpuMs(c0) });
  }
  let report = scoringReport(state, { siteCount: county.siteCount, outlineCount: 50 });
  const before = report;
  // the traffic model over the same raster (core/capacity): all sites omni macros with the n78 layers
  const capSettings = resolveCapacitySettings(project.settings);
  t0 = performance.now();
  const capPrep = prepareCapacity(prep, capSettings, 'n78');
  const cap = createCapacityState(capPrep, raster, () => capSettings.macroLayers.n78.value);
  const capacityCreateMs = ms(t0);
  takeTouchedSectors(cap);
  t0 = performance.now();
  const capBefore = capacityReport(cap);
  const capacityReportMs = ms(t0);
  const capUpdateMs: number[] = [];
  const capUpdateCpuMs: number[] = [];
  const capReportMs: number[] = [];
  const capTouched: number[] = [];

  const updateMs: number[] = [];
  const updateAndReportMs: number[] = [];
  const updateCpuMs: number[] = [];
  const updateAndReportCpuMs: number[] = [];
  const windowCells: number[] = [];
  const gapCellsTouched: number[] = [];
  // the first edits run before the JIT has compiled the update path: timed apart, not in the statistics
  const coldEditsMs: number[] = [];
  for (let k = 0; k < 2; k++) {
    const i = county.sampleCell();
    const win = addSite(county, i % project.grid.cols, Math.floor(i / project.grid.cols));
    t0 = performance.now();
    updateScoring(state, raster, win);
    updateCapacity(cap, raster, win);
    takeTouchedSectors(cap);
    report = scoringReport(state, { siteCount: county.siteCount, outlineCount: 0, previous: report });
    coldEditsMs.push(ms(t0));
  }
  for (let k = 0; k < editCount; k++) {
    const i = county.sampleCell();
    const win = addSite(county, i % project.grid.cols, Math.floor(i / project.grid.cols));
    windowCells.push(win.cols * win.rows);
    const touched = new Set<number>();
    for (let row = win.row0; row < win.row0 + win.rows; row++) for (let col = win.col0; col < win.col0 + win.cols; col++) touched.add(gapIdAt(state, row * project.grid.cols + col));
    touched.delete(0);
    gapCellsTouched.push([...touched].reduce((a, id) => a + state.gaps.get(id)!.cellCount, 0));
    t0 = performance.now();
    const c0 = process.cpuUsage();
    updateScoring(state, raster, win);
    updateMs.push(ms(t0));
    updateCpuMs.push(cpuMs(c0));
    report = scoringReport(state, { siteCount: county.siteCount, outlineCount: 0, previous: report });
    updateAndReportMs.push(ms(t0));
    updateAndReportCpuMs.push(cpuMs(c0));
    t0 = performance.now();
    const c1 = process.cpuUsage();
    updateCapacity(cap, raster, win);
    capUpdateMs.push(ms(t0));
    capUpdateCpuMs.push(cpuMs(c1));
    capTouched.push(takeTouchedSectors(cap).length);
    t0 = performance.now();
    capacityReport(cap);
    capReportMs.push(ms(t0));
  }
  const capFull = capacityReport(createCapacityState(capPrep, raster, () => capSettings.macroLayers.n78.value));
  const capNow = capacityReport(cap);
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-9, Math.abs(b));
  t0 = performance.now();
  for (const g of report.gaps.slice(0, 10)) gapOutline(state, g.id);
  const outlineTop10Ms = ms(t0);

  const full = scoringReport(scoreCoverage(prep, raster), { siteCount: county.siteCount, outlineCount: 0 });
  const sameKpis = full.kpis.every((k, j) => (Number.isNaN(k.value) ? Number.isNaN(report.kpis[j].value) : Math.abs(k.value - report.kpis[j].value) <= 1e-9 * Math.max(1, Math.abs(k.value))));
  const sameGaps = full.gaps.length === report.gaps.length && full.gaps.every((g, j) => g.cellCount === report.gaps[j].cellCount && g.fix === report.gaps[j].fix);
  const samePlaces = JSON.stringify(full.places) === JSON.stringify(report.places);
  const kpiSummary = (r: typeof report) => Object.fromEntries(r.kpis.map((k) => [k.id, Number.isFinite(k.value) ? Math.round(k.value * 1000) / 1000 : null]));
  return {
    note: 'synthetic county and coverage (labelled); measured on a 2-core machine shared with other engineers, so times are under contention',
    county: {
      gridCells: project.grid.cols * project.grid.rows,
      countyCells: state.sums.cells,
      countyAreaKm2: Math.round((state.sums.cells * CELL_M * CELL_M) / 1e4) / 100,
      people: Math.round(state.sums.people),
      sites: county.siteCount - editCount - 2,
      places: project.places.length,
      generateMs,
    },
    full: {
      prepareMs,
      scoreMs: fullRuns.map((r) => r.scoreMs),
      scoreCpuMs: fullRuns.map((r) => r.scoreCpuMs),
      reportWithTop50OutlinesMs: fullRuns.map((r) => r.reportMs),
      reportWithTop50OutlinesCpuMs: fullRuns.map((r) => r.reportCpuMs),
      targetMs: 1000,
      gaps: before.gaps.length,
      largestGapCells: Math.max(...before.gaps.map((g) => g.cellCount)),
      kpis: kpiSummary(before),
      placesMet: before.places.filter((p) => p.isMet).length,
    },
    singleSiteEdit: {
      coldEditsUpdateAndReportMs: coldEditsMs,
      edits: editCount,
      windowCellsMedian: quantile(windowCells, 0.5),
      gapCellsTouchedMedian: quantile(gapCellsTouched, 0.5),
      gapCellsTouchedMax: Math.max(...gapCellsTouched),
      updateMs: { median: quantile(updateMs, 0.5), p90: quantile(updateMs, 0.9), max: Math.max(...updateMs) },
      updateAndReportMs: { median: quantile(updateAndReportMs, 0.5), p90: quantile(updateAndReportMs, 0.9), max: Math.max(...updateAndReportMs) },
      updateCpuMs: { median: quantile(updateCpuMs, 0.5), p90: quantile(updateCpuMs, 0.9), max: Math.max(...updateCpuMs) },
      updateAndReportCpuMs: { median: quantile(updateAndReportCpuMs, 0.5), p90: quantile(updateAndReportCpuMs, 0.9), max: Math.max(...updateAndReportCpuMs) },
      targetMs: 20,
      outlineTop10GapsMs: outlineTop10Ms,
      kpisAfter: kpiSummary(report),
    },
    incrementalEqualsFull: { kpis: sameKpis, gaps: sameGaps, places: samePlaces },
    capacity: {
      note: 'core/capacity over the same synthetic raster: full count once, then per single-site edit the window recount (updateCapacity) and the report',
      createMs: capacityCreateMs,
      reportMs: capacityReportMs,
      busyHourDemandMbps: Math.round(capBefore.totalDemandMbps),
      overloadedSectorsBefore: capBefore.overloadedSectors,
      overloadedSectorsAfter: capNow.overloadedSectors,
      updateMs: { median: quantile(capUpdateMs, 0.5), p90: quantile(capUpdateMs, 0.9), max: Math.max(...capUpdateMs) },
      updateCpuMs: { median: quantile(capUpdateCpuMs, 0.5), p90: quantile(capUpdateCpuMs, 0.9), max: Math.max(...capUpdateCpuMs) },
      reportPerEditMs: { median: quantile(capReportMs, 0.5), p90: quantile(capReportMs, 0.9), max: Math.max(...capReportMs) },
      sectorsTouchedPerEdit: { median: quantile(capTouched, 0.5), max: Math.max(...capTouched) },
      incrementalEqualsFull:
        capNow.overloadedSectors === capFull.overloadedSectors &&
        rel(capNow.servedDemandMbps, capFull.servedDemandMbps) < 1e-6 &&
        rel(capNow.demandWithinTargetMbps, capFull.demandWithinTargetMbps) < 1e-6,
    },
  };
}
