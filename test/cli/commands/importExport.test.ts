import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { smallProject } from '../../geodata/project/smallProject';

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
    expect(await main(['import', 'p.gpkg', 'olts', 'olts.csv'], io)).toBe(0);
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

describe('qcplan export', () => {
  it('writes every format, naming the CRS', async () => {
    const { dir, io, out } = await setup();
    for (const format of ['xlsx', 'csv', 'geojson', 'kml', 'kmz', 'gpkg']) {
      expect(await main(['export', 'p.gpkg', '--format', format, '--out', `list.${format}`], io)).toBe(0);
      expect(readFileSync(path.join(dir, `list.${format}`)).length).toBeGreaterThan(100);
    }
    expect(out[0]).toBe('wrote 3 rows (2 sites, 1 fibre) to list.xlsx (xlsx, WGS-84)\n');
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--crs', 'gcj02', '--out', 'gcj.csv'], io)).toBe(0);
    const csv = strFromU8(readFileSync(path.join(dir, 'gcj.csv')));
    expect(csv).toContain('经度(GCJ-02)');
    expect(csv).toContain('仁怀市');
  });

  it('exits 2 on bad usage', async () => {
    const { io } = await setup();
    expect(await main(['export', 'p.gpkg', '--format', 'shp', '--out', 'x'], io)).toBe(2);
    expect(await main(['export', 'p.gpkg', '--format', 'csv'], io)).toBe(2);
    expect(await main(['export', 'p.gpkg', '--format', 'csv', '--out', 'x', '--bogus'], io)).toBe(2);
  });
});
