import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { PlanEvaluator } from '../../../core/evaluation';
import { smallProject } from '../../geodata/project/smallProject';
import { site, squareCounty } from '../../core/evaluation/squareCounty';

async function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-cli-'));
  writeFileSync(path.join(dir, 'p.gpkg'), await writeProjectGpkg(smallProject()));
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir };
  return { dir, io, out, err };
}

const SITES_CSV = '站名,经度,纬度,挂高,方位角,频段,类型,状态\n新站A,106.43,27.79,30,0/120/240,n78,宏站,规划\n坏站,106.43,,30,0,n78,宏站,规划\n';

describe('qcplan import', () => {
  it('prints every problem and changes nothing when a row has errors', async () => {
    const { dir, io, out } = await setup();
    writeFileSync(path.join(dir, 'sites.csv'), SITES_CSV);
    const before = readFileSync(path.join(dir, 'p.gpkg'));
    expect(await main(['import', 'p.gpkg', 'sites', 'sites.csv'], io)).toBe(1);
    expect(out.join('')).toContain('sites.csv:3: error [纬度]: is required');
    expect(out.join('')).toContain('nothing imported');
    expect(readFileSync(path.join(dir, 'p.gpkg')).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'p.gpkg.bak'))).toBe(false);
  });

  it('--accept-good imports the good rows, saves atomically with a .bak and logs the edit', async () => {
    const { dir, io, out } = await setup();
    writeFileSync(path.join(dir, 'sites.csv'), SITES_CSV);
    expect(await main(['import', 'p.gpkg', 'sites', 'sites.csv', '--accept-good'], io)).toBe(0);
    expect(out.join('')).toContain('imported 1 sites from sites.csv (1 added, 0 replaced, 1 rows with errors skipped)');
    const r = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'p.gpkg'))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sites.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', '新站A']);
    expect(r.value.history!.at(-1)).toMatchObject({ action: 'import.sites', detail: { file: 'sites.csv', added: 1, replaced: 0 } });
    const bak = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'p.gpkg.bak'))));
    expect(bak.ok && bak.value.sites.length).toBe(3);
  });

  it('imports places from GCJ-02 GeoJSON and replaces OLTs by id', async () => {
    const { dir, io } = await setup();
    writeFileSync(path.join(dir, 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '仁怀一中', 类别: '学校' }, geometry: { type: 'Point', coordinates: [106.42, 27.81] } }] }));
    writeFileSync(path.join(dir, 'olts.csv'), 'id,name,lon,lat,gpon_ports,xgs_pon_ports\nO1,中枢局(扩容),106.41,27.805,64,48\n');
    expect(await main(['import', 'p.gpkg', 'places', 'places.geojson', '--crs', 'gcj02'], io)).toBe(0);
    expect(await main(['import', 'p.gpkg', 'olts', 'olts.csv', '--default-status', 'existing'], io)).toBe(0);
    const r = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'p.gpkg'))));
    if (!r.ok) throw new Error(r.message);
    expect(r.value.places.at(-1)).toMatchObject({ name: '仁怀一中', category: 'school', sourceCrs: 'GCJ-02' });
    expect(r.value.olts.map((o) => [o.id, o.xgsPonPorts])).toEqual([['O1', 48], ['O2', 8]]);
  });

  it('exits 2 on bad usage and 1 on a file that is not a project', async () => {
    const { dir, io, err } = await setup();
    expect(await main(['import', 'p.gpkg', 'towers', 'x.csv'], io)).toBe(2);
    expect(await main(['import', 'p.gpkg', 'sites', 'x.csv', '--crs', 'bd09'], io)).toBe(2);
    writeFileSync(path.join(dir, 'x.csv'), SITES_CSV);
    expect(await main(['import', 'x.csv', 'sites', 'x.csv'], io)).toBe(1);
    expect(err.join('')).toContain('not a Qiancheng project file');
  });
});

describe('qcplan import: statuses, the county, hostile files', () => {
  it('asks what rows without a status are, says how many took the answer, and reports sites outside the county by name and distance', async () => {
    const { dir, io, out } = await setup();
    writeFileSync(path.join(dir, 's.csv'), '站名,经度,纬度\n甲,106.41,27.78\n乙,106.42,27.78\n远站,116.40,39.90\n');
    expect(await main(['import', 'p.gpkg', 'sites', 's.csv'], io)).toBe(1);
    const text = out.join('');
    expect(text).toContain('s.csv:2: error [状态]: no status');
    expect(text).toContain('s.csv:4: error [经度]: site \'远站\' is 1,614.8 km outside 仁怀市 (distance to the county boundary)');
    expect(text).toContain('3 rows have no status (状态): say what they are with --default-status existing|planned|proposed');
    out.length = 0;
    expect(await main(['import', 'p.gpkg', 'sites', 's.csv', '--default-status', 'planned', '--keep-outside'], io)).toBe(0);
    expect(out.join('')).toContain('3 rows had no status and were imported as planned');
    expect(out.join('')).toContain('kept outside 仁怀市, left out of the coverage until moved in: 远站 (1614.8 km from the boundary)');
    const r = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'p.gpkg'))));
    if (!r.ok) throw new Error(r.message);
    expect(r.value.sites.filter((x) => x.status === 'planned').map((x) => [x.name, !!x.outsideCounty])).toEqual([['仁怀中枢宏站', false], ['甲', false], ['乙', false], ['远站', true]]);
    expect(await main(['import', 'p.gpkg', 'sites', 's.csv', '--default-status', 'built'], io)).toBe(2);
  });

  it('refuses a named pipe and /dev/zero by their type in seconds, and saves through a symbolic link to its target', async () => {
    const { dir, io, err } = await setup();
    execFileSync('mkfifo', [path.join(dir, 'pipe.gpkg')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.csv'));
    const t0 = performance.now();
    expect(await main(['import', 'pipe.gpkg', 'sites', 'zero.csv'], io)).toBe(1);
    expect(await main(['import', 'p.gpkg', 'sites', 'zero.csv'], io)).toBe(1);
    expect(await main(['score', 'pipe.gpkg'], io)).toBe(1);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(err.join('')).toContain('pipe.gpkg: a named pipe, not a regular file; nothing was read');
    expect(err.join('')).toContain('zero.csv: a character device (such as /dev/zero), not a regular file; nothing was read');
    renameSync(path.join(dir, 'p.gpkg'), path.join(dir, 'real.gpkg'));
    symlinkSync('real.gpkg', path.join(dir, 'p.gpkg'));
    writeFileSync(path.join(dir, 's.csv'), '站名,经度,纬度,状态\n新,106.41,27.78,规划\n');
    expect(await main(['import', 'p.gpkg', 'sites', 's.csv'], io)).toBe(0);
    expect(lstatSync(path.join(dir, 'p.gpkg')).isSymbolicLink()).toBe(true);
    const r = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'real.gpkg'))));
    expect(r.ok && r.value.sites.map((x) => x.name)).toContain('新');
    expect(existsSync(path.join(dir, 'real.gpkg.bak'))).toBe(true);
  });
});

describe('qcplan export', () => {
  it('never writes over the project, through a link neither, nor over another project', async () => {
    const { dir, io, err } = await setup();
    const before = readFileSync(path.join(dir, 'p.gpkg'));
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--out', 'p.gpkg'], io)).toBe(1);
    symlinkSync('p.gpkg', path.join(dir, 'alias.csv'));
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--out', 'alias.csv'], io)).toBe(1);
    writeFileSync(path.join(dir, 'other.gpkg'), before);
    expect(await main(['export', 'p.gpkg', '--format', 'gpkg', '--out', 'other.gpkg'], io)).toBe(1);
    expect(readFileSync(path.join(dir, 'p.gpkg')).equals(before)).toBe(true);
    expect(readFileSync(path.join(dir, 'other.gpkg')).equals(before)).toBe(true);
    expect(err.join('')).toContain('p.gpkg is the input p.gpkg: writing there would destroy it; choose another output file');
    expect(err.join('')).toContain('alias.csv is the input p.gpkg (the same file through a link)');
    expect(err.join('')).toContain('other.gpkg is a Qiancheng project file: an export never replaces a project');
    expect(await main(['suggest', 'p.gpkg', '--budget', '1', '--apply', 'alias.csv'], io)).toBe(1);
  });

  it('writes every format, naming the CRS', async () => {
    const { dir, io, out } = await setup();
    for (const format of ['xlsx', 'csv', 'geojson', 'kml', 'kmz', 'gpkg']) {
      // the gains' coverage (worker threads) once; the formats do not depend on it
      const gains = format === 'xlsx' ? [] : ['--no-gains'];
      expect(await main(['export', 'p.gpkg', '--format', format, ...gains, '--out', `list.${format}`], io)).toBe(0);
      expect(readFileSync(path.join(dir, `list.${format}`)).length).toBeGreaterThan(100);
    }
    expect(out[0]).toBe('wrote 3 rows (2 sites, 1 fibre) to list.xlsx (xlsx, WGS-84)\n');
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--crs', 'gcj02', '--no-gains', '--out', 'gcj.csv'], io)).toBe(0);
    const csv = strFromU8(readFileSync(path.join(dir, 'gcj.csv')));
    expect(csv).toContain('经度(GCJ-02)');
    expect(csv).toContain('仁怀市');
  });

  it("fills each site's modelled gains as the app's build list does (PlanEvaluator.siteGains); --no-gains leaves them empty", async () => {
    const { dir, io } = await setup();
    const sites = [site('A', -2000, 0), { ...site('B', 1500, 800), status: 'planned' as const }, { ...site('C', 0, -2200, 'micro'), status: 'proposed' as const }];
    const project = squareCounty(sites);
    writeFileSync(path.join(dir, 'sq.gpkg'), await writeProjectGpkg(project));
    const expected = await new PlanEvaluator(project).siteGains(['B', 'C']);
    expect(expected.B.newPeopleCovered).toBeGreaterThan(100);
    const columnsOf = (file: string) => {
      const [head, ...lines] = strFromU8(readFileSync(path.join(dir, file))).replace(/^\uFEFF/, '').trim().split('\n');
      const names = head.split(',');
      return Object.fromEntries(lines.map((l) => l.split(',')).map((cells) => [cells[1], Object.fromEntries(names.map((n, k) => [n, cells[k]]))]));
    };
    expect(await main(['export', 'sq.gpkg', '--format', 'csv', '--workers', '0', '--out', 'gains.csv'], io)).toBe(0);
    const rows = columnsOf('gains.csv');
    for (const id of ['B', 'C']) {
      expect(Number(rows[id]['新增覆盖人口（模型）'])).toBe(Math.round(expected[id].newPeopleCovered));
      expect(Number(rows[id]['新增覆盖面积(平方公里，模型)'])).toBeCloseTo(expected[id].newAreaKm2, 2);
    }
    expect(await main(['export', 'sq.gpkg', '--format', 'csv', '--no-gains', '--out', 'plain.csv'], io)).toBe(0);
    expect(columnsOf('plain.csv').B['新增覆盖人口（模型）']).toBe('');
  });

  it('exits 2 on bad usage', async () => {
    const { io } = await setup();
    expect(await main(['export', 'p.gpkg', '--format', 'shp', '--out', 'x'], io)).toBe(2);
    expect(await main(['export', 'p.gpkg', '--format', 'csv'], io)).toBe(2);
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--out', 'x', '--bogus'], io)).toBe(2);
  });
});
