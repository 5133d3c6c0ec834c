import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { buildCountyProject } from '../../../cli/province/buildCountyProject';
import type { CountyResult } from '../../../cli/province/types';
import { PlanEvaluator } from '../../../core/evaluation';
import { writeProjectGpkg } from '../../../geodata/project';

// Two small Guizhou counties at 100 m, both with their 2020 census distributed by GPW as qcplan new makes it:
// 观山湖区 gets two sites from --inputs; 云岩区 none, and a places file with a bad row.
const WITH_POP = '520115';
const NO_POP = '520103';
const SITES_CSV = '站名,经度,纬度,挂高,方位角,频段,类型,状态\n观山湖A,106.6189,26.6051,30,0/120/240,n78,宏站,在网\n观山湖B,106.6350,26.6150,25,90,n78,宏站,规划\n';
const BAD_PLACES_CSV = '名称,经度,纬度,场景类别\n坏点,106.72,,hospital\n';

let dir: string;
let out: string[];
let err: string[];
let exitCode: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qc-province-'));
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in', `${WITH_POP}.sites.csv`), SITES_CSV);
  writeFileSync(path.join(dir, 'in', `${NO_POP}.places.csv`), BAD_PLACES_CSV);
  out = [];
  err = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir };
  exitCode = await main(['province', '--counties', `${WITH_POP},${NO_POP}`, '--grid', '100', '--inputs', 'in', '--workers', '2', '--out', 'out'], io);
}, 120_000);

const countyJson = (code: string): CountyResult => JSON.parse(readFileSync(path.join(dir, 'out', 'counties', `${code}.json`), 'utf8'));

describe('qcplan province', () => {
  it('exits 1 because an input file was left out, and reports its problem with file, row and field', () => {
    expect(exitCode).toBe(1);
    const stderr = err.join('');
    expect(stderr).toMatch(new RegExp(`${NO_POP} ${NO_POP}\\.places\\.csv:2: error \\[纬度\\]`));
    expect(stderr).toContain(`${NO_POP} ${NO_POP}.places.csv: not imported`);
    expect(out.join('')).toContain('scored 2 of 2 counties at 100 m');
  });

  it('imports the sites and gives every county its census population by GPW, so the per-10k KPIs exist', () => {
    const a = countyJson(WITH_POP);
    expect(a.sites).toBe(2);
    expect(a.population.provenance).toBe('modelled');
    expect(Math.abs(a.population.total! - 642_634)).toBeLessThan(1);
    expect(a.population.source).toMatch(/^2020 census total 642,634 distributed by GPW v4\.11 2020/);
    expect(a.terrain).toMatch(/^COARSE: SRTM30_PLUS/);
    expect(a.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value).toBeGreaterThan(0);
    expect(a.kpis.find((k) => k.id === 'sitesPer10k')!.value).toBeCloseTo(2 / 64.2634, 4);
    const b = countyJson(NO_POP);
    expect(Math.abs(b.population.total! - 1_056_819)).toBeLessThan(1);
    expect(b.inputs[0]).toMatchObject({ kind: 'places', isImported: false, imported: 0 });
    expect(b.kpis.find((k) => k.id === 'sitesPer10k')!.value).toBe(0);
    expect(b.kpis.find((k) => k.id === 'popCoverageOutdoor')!.value).toBe(0);
    expect(b.kpis.find((k) => k.id === 'areaCoverageOutdoor')!.value).toBe(0);
  });

  it('gives each county the figures of PlanEvaluator and of qcplan score --json for the same project', async () => {
    const { project } = await buildCountyProject({ code: WITH_POP, cellSizeM: 100, inputs: { sites: path.join(dir, 'in', `${WITH_POP}.sites.csv`) }, acceptGood: false, coverageWorkers: 0 });
    const report = new PlanEvaluator(project).report;
    const batch = countyJson(WITH_POP);
    expect(batch.kpis.map((k) => [k.id, k.value, k.status])).toEqual(report.kpis.map((k) => [k.id, Number.isFinite(k.value) ? k.value : null, k.status]));
    expect(batch.placeScores).toEqual(JSON.parse(JSON.stringify(report.places)));
    expect(batch.gapCount).toBe(report.gaps.length);

    writeFileSync(path.join(dir, 'p.gpkg'), await writeProjectGpkg(project));
    const scoreOut: string[] = [];
    const io = { stdout: (t: string) => scoreOut.push(t), stderr: () => {}, cwd: dir };
    expect(await main(['score', 'p.gpkg', '--json', '--workers', '0'], io)).toBe(0);
    const score = JSON.parse(scoreOut.join(''));
    expect(batch.kpis.map((k) => k.value)).toEqual(score.kpis.map((k: { value: number | null }) => k.value));
    expect(batch.sites).toBe(score.sites);
  }, 60_000);

  it('writes a ranked XLSX with a targets sheet, the same rows as CSV with a BOM, and a self-contained SVG map', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', 'province.xlsx'));
    const sheet = wb.getWorksheet('Counties')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['rank', 'composite', 'KPIs counted', 'code', 'name']);
    const rows = [2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => r[3]).sort()).toEqual([NO_POP, WITH_POP]);
    // 观山湖区 has sites: its composite is above 云岩区's, which has none
    expect(rows[0][3]).toBe(WITH_POP);
    expect(rows[0][0]).toBe(1);
    expect(rows[1][0]).toBe(2);
    expect(rows[0][1] as number).toBeGreaterThan(rows[1][1] as number);
    const popCol = header.indexOf('population provenance');
    expect(rows.map((r) => r[popCol])).toEqual(['modelled', 'modelled']);
    const outdoor = countyJson(WITH_POP).kpis.find((k) => k.id === 'popCoverageOutdoor')!;
    expect(rows[0][header.indexOf('popCoverageOutdoor status')]).toBe(outdoor.status);
    expect(rows[1][header.indexOf('popCoverageOutdoor status')]).toBe('red');
    const targets = wb.getWorksheet('Targets')!;
    expect(targets.getRow(2).getCell(1).value).toBe('popCoverageOutdoor');
    // sources by their public title, the estimate mark in words
    expect(String(targets.getRow(2).getCell(6).value)).toMatch(/Smart Qiancheng.*\(est\.\)$/);

    const csv = readFileSync(path.join(dir, 'out', 'province.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1].split(',')[3]).toBe(WITH_POP);

    const svg = readFileSync(path.join(dir, 'out', 'province-map.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Guizhou county 5G/gigabit KPIs, 100 m grid, 2 counties');
    expect(svg).toContain('n/a or not scored');
    expect(svg).not.toMatch(/(href|src)="https?:/);
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(88);
  });

  it('exits 2 on bad usage', async () => {
    const io = { stdout: () => {}, stderr: () => {}, cwd: dir };
    expect(await main(['province', '--counties', '999999', '--out', 'x'], io)).toBe(2);
    expect(await main(['province', '--grid', '5', '--out', 'x'], io)).toBe(2);
    expect(await main(['province'], io)).toBe(2);
  });
});
