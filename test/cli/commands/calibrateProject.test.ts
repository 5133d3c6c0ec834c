import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { linksFromProject, predictLinks } from '../../../core/calibration';
import { coverageContextFromProject } from '../../../core/coverage';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Project, type Site } from '../../../core/model';
import { DEFAULT_PROPAGATION_MODEL, type PropagationModel } from '../../../core/propagation';
import { mulberry32 } from '../../../core/random';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';

const proj = makeLocalProjection(106.4, 27.8);
const halfM = 4000;

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out, err };
}

/** An 8 km square county at 50 m: hills, a town in the middle (population), four macro sites with PCIs. */
function county(): Project {
  const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 50, proj.proj4);
  const n = grid.cols * grid.rows;
  const terrain = new Float32Array(n);
  const population = new Float32Array(n);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const x = grid.originXM + (c + 0.5) * 50;
      const y = grid.originYM - (r + 0.5) * 50;
      terrain[r * grid.cols + c] = 1100 + 60 * Math.sin(x / 900) * Math.cos(y / 700);
      population[r * grid.cols + c] = Math.hypot(x, y) < 1200 ? 12 : 0.5; // 4,800 / 200 per km²
    }
  }
  const ring = [[-halfM, -halfM], [halfM, -halfM], [halfM, halfM], [-halfM, halfM], [-halfM, -halfM]].map(([x, y]) => proj.inverse([x, y]));
  const site = (id: string, x: number, y: number, pci0: number): Site => {
    const s = makeSite('macro', proj.inverse([x, y]), id, { status: 'existing', name: `站${id}` });
    return { ...s, sectors: s.sectors.map((sec, k) => ({ ...sec, azimuthDeg: (30 + 120 * k) % 360, pci: pci0 + k })) };
  };
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION, name: 'square', countyCode: '520382', boundary: { type: 'MultiPolygon', coordinates: [[ring]] }, grid,
    settings: defaultProjectSettings(),
    sites: [site('A', -1500, 0, 0), site('B', 1500, 500, 3), site('C', 0, -1800, 6), site('D', 200, 1900, 9)],
    places: [], candidates: [], olts: [],
    terrain: { values: terrain, provenance: 'synthetic', source: 'test' },
    population: { values: population, provenance: 'synthetic', source: 'test' },
    propagationModel: DEFAULT_PROPAGATION_MODEL,
  };
}

/** The "measured" network: the default model 6 dB weaker in town, 4 dB more loss per decade; noise sd ~3 dB. */
const truth: PropagationModel = {
  ...DEFAULT_PROPAGATION_MODEL,
  kFactors: { ...DEFAULT_PROPAGATION_MODEL.kFactors, distanceDbPerDecade: DEFAULT_PROPAGATION_MODEL.kFactors.distanceDbPerDecade + 4 },
  clutterCorrectionDb: { ...DEFAULT_PROPAGATION_MODEL.clutterCorrectionDb, denseUrban: DEFAULT_PROPAGATION_MODEL.clutterCorrectionDb.denseUrban + 6 },
};

function driveTestCsv(project: Project): string {
  const random = mulberry32(3);
  const points = project.sites.flatMap((s, siteIndex) =>
    Array.from({ length: 90 }, (_, k) => {
      const sectorIndex = k % 3;
      const bearing = ((s.sectors[sectorIndex].azimuthDeg + (random() - 0.5) * 100) * Math.PI) / 180;
      const dM = 80 + random() * 1300;
      const [x0, y0] = proj.forward([s.lonDeg, s.latDeg]);
      const [lonDeg, latDeg] = proj.inverse([x0 + dM * Math.sin(bearing), y0 + dM * Math.cos(bearing)]);
      return { siteIndex, sectorIndex, lonDeg, latDeg, rsrpDbm: NaN };
    }),
  );
  const measured = predictLinks(truth, linksFromProject(coverageContextFromProject({ ...project, propagationModel: truth }), project.sites, points));
  const noise = () => (random() + random() + random() - 1.5) * 6; // sd 3 dB
  const rows = ['经度,纬度,服务小区SS-RSRP,服务小区PCI,小区名称'];
  points.forEach((p, i) => {
    const s = project.sites[p.siteIndex];
    const sector = s.sectors[p.sectorIndex];
    const name = i % 2 === 0 ? `${s.id}/${sector.id}` : '';
    rows.push([p.lonDeg.toFixed(7), p.latDeg.toFixed(7), (measured[i] + noise()).toFixed(2), sector.pci, name].join(','));
  });
  const [lon, lat] = proj.inverse([0, 0]);
  rows.push(`${lon},${lat},-95,,Z9`); // a cell the project does not have
  rows.push(`${lon},${lat},,3,A/1`); // no service
  rows.push(`${lon},${lat},-99,777,`); // a PCI no sector has
  return rows.join('\n') + '\n';
}

describe('qcplan calibrate --project', () => {
  it('matches the drive test, reports before and held-out after, and --apply writes the model into the project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcplan-calp-'));
    const project = county();
    writeFileSync(join(dir, 'p.gpkg'), await writeProjectGpkg(project));
    writeFileSync(join(dir, '路测.csv'), driveTestCsv(project));

    const dry = capture(dir);
    expect(await main(['calibrate', '--project', 'p.gpkg', '路测.csv', '--json'], dry.io)).toBe(0);
    const report = JSON.parse(dry.out.join(''));
    expect(report.applied).toBe(false);
    expect(report.matching).toMatchObject({ records: 362, matched: 360, matchedById: 180, matchedByPci: 180, unmatched: 2 });
    expect(report.matching.unmatchedReasons.map((r: { reason: string }) => r.reason).sort()).toEqual(['cell id not in the project (e.g. "Z9")', 'no sector with the PCI within 5000 m']);
    expect(dry.err.join('')).toMatch(/路测\.csv:\d+: 服务小区SS-RSRP: no serving RSRP/);
    // the default model misses the truth's town and slope; the calibration, held out by site, gets near the noise
    expect(report.before.rmseDb).toBeGreaterThan(5);
    expect(report.after.rmseDb).toBeLessThan(report.before.rmseDb);
    expect(report.after.rmseDb).toBeLessThan(4.5);
    expect(Math.abs(report.after.meanErrorDb)).toBeLessThan(1.5);
    expect(report.after.method).toBe('held out, 4-fold by site');
    const unchanged = await readProjectGpkg(new Uint8Array(readFileSync(join(dir, 'p.gpkg'))));
    expect(unchanged.ok && unchanged.value.propagationModel).toEqual(DEFAULT_PROPAGATION_MODEL);

    expect(await main(['calibrate', '--project', 'p.gpkg', '路测.csv', '--apply'], capture(dir).io)).toBe(0);
    expect(existsSync(join(dir, 'p.gpkg.bak'))).toBe(true);
    const applied = await readProjectGpkg(new Uint8Array(readFileSync(join(dir, 'p.gpkg'))));
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const model = applied.value.propagationModel!;
    expect(model.kind).toBe('calibrated');
    expect(model.fit!.heldOut.rmseDb).toBeCloseTo(report.after.rmseDb, 1);
    expect(model.fit!.fittedOn).toContain('路测.csv');
    expect(model.sigmaDb).toBeCloseTo(model.fit!.heldOut.sigmaDb, 6);

    // predict with the project's (now calibrated) model: one row per sample, the unmatched ones empty
    expect(await main(['predict', '--project', 'p.gpkg', '路测.csv', '--out', 'pred.csv'], capture(dir).io)).toBe(0);
    const lines = readFileSync(join(dir, 'pred.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,lon,lat,measured_rsrp_dbm,site_id,sector_id,matched_by,predicted_rsrp_dbm');
    expect(lines).toHaveLength(1 + 362);
    const predicted = lines.slice(1).map((l) => l.split(',').at(-1));
    expect(predicted.filter((v) => v !== '').length).toBe(360);
  });

  it('refuses bad usage and a file it cannot read, changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcplan-calp-bad-'));
    writeFileSync(join(dir, 'p.gpkg'), await writeProjectGpkg(county()));
    writeFileSync(join(dir, 'x.csv'), 'lon,lat,site\n106.4,27.8,A\n');
    const c = capture(dir);
    expect(await main(['calibrate', '--project', 'p.gpkg', 'x.csv', '--apply'], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/x\.csv: no column for rsrp/);
    expect(existsSync(join(dir, 'p.gpkg.bak'))).toBe(false);
    expect(await main(['calibrate', '--project', 'p.gpkg', 'x.csv', '--folds', '1'], capture(dir).io)).toBe(2);
  });
});
