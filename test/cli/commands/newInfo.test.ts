import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { ProjectInfo } from '../../../cli/project/projectInfo';
import { importSites } from '../../../geodata/import';
import { readProjectGpkg } from '../../../geodata/project';
import { makeGeoTiff } from '../../geodata/geoTiffFixture';

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-new-'));
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir };
  return { dir, io, out, err };
}

/** A 3" SRTM tile of smooth relief (900-1300 m) around 仁怀. */
function hgt(lat: number, lon: number): Uint8Array {
  const size = 1201;
  const bytes = new Uint8Array(2 * size * size);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const lo = lon + c / 1200;
      const la = lat + 1 - r / 1200;
      view.setInt16(2 * (r * size + c), Math.round(1100 + 150 * Math.sin(lo * 20) + 50 * Math.cos(la * 30)), false);
    }
  }
  return bytes;
}

async function info(io: ReturnType<typeof setup>['io'], out: string[], file: string): Promise<ProjectInfo> {
  out.length = 0;
  expect(await main(['info', file, '--json'], io)).toBe(0);
  return JSON.parse(out.join(''));
}

// each test builds and saves a county project at 100 m, twice under load on this machine's shared cores
describe('qcplan new and info', { timeout: 120_000 }, () => {
  it('makes the project the app makes: census people by GPW, coarse terrain labelled, the catalogue places; info says so', async () => {
    const { dir, io, out } = setup();
    expect(await main(['new', '520382', '--out', 'p.gpkg', '--grid', '100'], io)).toBe(0);
    expect(out.join('')).toMatch(/^仁怀市 \(520382, 遵义市, Renhuai City\): p\.gpkg/);
    const i = await info(io, out, 'p.gpkg');
    expect(i.county).toMatchObject({ code: '520382', name: '仁怀市' });
    expect(i.grid).toMatchObject({ cellSizeM: 100 });
    expect(i.grid.cols * i.grid.rows).toBe(i.grid.cells);
    expect(Math.abs(i.population!.total - 655_300)).toBeLessThan(1);
    expect(i.population).toMatchObject({ provenance: 'modelled', method: 'census-raster', censusTotal: 655_300 });
    expect(i.population!.source).toMatch(/GPW v4\.11 2020 \(CIESIN, CC BY 4\.0/);
    expect(i.terrain).toMatchObject({ method: 'shipped-coarse', isCoarse: true, provenance: 'file' });
    expect(i.terrain!.minM).toBeGreaterThan(300);
    expect(i.terrain!.maxM).toBeLessThan(2000);
    expect(i.sites).toMatchObject({ existing: 0, planned: 0, proposed: 0 });
    expect(i.places.located).toBe(1);
    out.length = 0;
    expect(await main(['info', 'p.gpkg'], io)).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/Population: 655,300 people: 2020 census 655,300, distributed by GPW v4\.11 2020 \(modelled\)/);
    expect(text).toMatch(/Terrain: .*coarse.*no shadowing by local hills/);
    expect(text).toMatch(/load a finer DEM/);
    expect(existsSync(path.join(dir, 'p.gpkg'))).toBe(true);
    // the same name finds the same county; the file is not replaced without --force
    expect(await main(['new', '仁怀', '--out', 'p.gpkg', '--grid', '100'], io)).toBe(1);
  });

  it('loads DEM tiles and the operator\'s site list in the same step, with the voids and the ignored tile reported', async () => {
    const { dir, io, out, err } = setup();
    writeFileSync(path.join(dir, 'N27E106.hgt'), hgt(27, 106));
    writeFileSync(path.join(dir, 'N28E106.hgt'), hgt(28, 106));
    writeFileSync(path.join(dir, 'N30E110.hgt'), hgt(30, 110));
    expect(await main(['template', 'sites', '--out', 't.xlsx'], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 't.xlsx')) as never);
    wb.worksheets[0].addRow(['RH-1', '仁怀中枢宏站', '106.41', '27.80', '宏站', '', '', '35', 'n78', '0/120/240', '3', '6']);
    wb.worksheets[0].addRow(['RH-2', '坛厂规划站', '106.45', '27.85', '宏站', '规划']);
    writeFileSync(path.join(dir, 'sites.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));

    expect(await main(['new', '仁怀市', '--out', 'p.gpkg', '--grid', '100', '--dem', 'N27E106.hgt', 'N28E106.hgt', 'N30E110.hgt', '--sites', 'sites.xlsx', '--default-status', 'existing'], io)).toBe(0);
    expect(err.join('')).toMatch(/terrain: DEM 2 tiles N27E106\.hgt \(3"\), N28E106\.hgt \(3"\).*not used: N30E110\.hgt \(does not reach the county\)/);
    const i = await info(io, out, 'p.gpkg');
    expect(i.terrain).toMatchObject({ method: 'loaded-tiles', isCoarse: false, tiles: ['N27E106.hgt', 'N28E106.hgt'] });
    expect(i.terrain!.resolutionM).toBeGreaterThan(80);
    // 仁怀 reaches 170 m west of 106E, where no tile was given: filled from the coarse relief and reported
    expect(i.terrain!.voids!.cellsInCounty).toBeGreaterThan(0);
    expect(i.terrain!.voids!.method).toMatch(/SRTM30_PLUS/);
    expect(i.terrain!.minM).toBeGreaterThan(850);
    expect(i.terrain!.maxM).toBeLessThan(1350);
    expect(i.sites).toMatchObject({ existing: 1, planned: 1, proposed: 0, total: 2 });
    const p = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'p.gpkg'))));
    if (!p.ok) throw new Error(p.message);
    expect(p.value.history!.map((h) => h.action)).toEqual(['project.new', 'import.sites']);
    expect(p.value.terrain!.values.every(Number.isFinite)).toBe(true);
    // the site list imports the same through qcplan import as here
    const direct = await importSites(new Uint8Array(readFileSync(path.join(dir, 'sites.xlsx'))), { fileName: 'sites.xlsx', defaultStatus: 'existing' });
    expect(direct.ok && direct.value.records.map((s) => s.id)).toEqual(p.value.sites.map((s) => s.id));
  });

  it('writes nothing on a DEM in a wrong coordinate system, a site list with errors or an unknown county', async () => {
    const { dir, io, out, err } = setup();
    writeFileSync(path.join(dir, 'lambert.tif'), makeGeoTiff({ width: 2, height: 2, values: [1, 2, 3, 4], origin: [700000, 6600000], pixelSize: [30, 30], epsg: 2154, geographic: false }));
    expect(await main(['new', '520382', '--out', 'a.gpkg', '--grid', '100', '--dem', 'lambert.tif'], io)).toBe(1);
    expect(err.join('')).toMatch(/lambert\.tif: unsupported coordinate system EPSG:2154[^\n]*\nnothing written/);
    expect(existsSync(path.join(dir, 'a.gpkg'))).toBe(false);

    writeFileSync(path.join(dir, 'sites.csv'), '站名,经度,纬度\n好站,106.41,27.80\n坏站,106.41,\n');
    expect(await main(['new', '520382', '--out', 'b.gpkg', '--grid', '100', '--sites', 'sites.csv', '--default-status', 'planned'], io)).toBe(1);
    expect(out.join('')).toMatch(/sites\.csv:3: error \[纬度\]: is required\n1 of 2 rows of sites\.csv have errors; nothing written/);
    expect(existsSync(path.join(dir, 'b.gpkg'))).toBe(false);
    expect(await main(['new', '520382', '--out', 'b.gpkg', '--grid', '100', '--sites', 'sites.csv', '--accept-good', '--default-status', 'planned'], io)).toBe(0);
    expect((await info(io, out, 'b.gpkg')).sites).toMatchObject({ existing: 0, planned: 1 });

    expect(await main(['new', '北京', '--out', 'c.gpkg'], io)).toBe(2);
    expect(err.join('')).toMatch(/no Guizhou county is called '北京'/);
    expect(await main(['new', '南', '--out', 'c.gpkg'], io)).toBe(2);
    expect(err.join('')).toMatch(/'南' names \d+ counties: 520102 南明区/);
    expect(await main(['new', '520382'], io)).toBe(2);
    expect(await main(['info', 'missing.gpkg'], io)).toBe(1);
  });
});
