import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { ROADMAP_SHEETS } from '../../../cli/roadmap/roadmapWorkbook';
import { PLAN_2025_BASE_STATIONS } from '../../../core/roadmap';
import { readProjectGpkg } from '../../../geodata/project';
import { readRoadmapIndex } from '../../../geodata/roadmap';

// Two small Guizhou counties at 100 m: 观山湖区 (sourced census total) with the operator's site list from
// --inputs, 云岩区 without (and, in this data, without population).
const WITH_SITES = '520115';
const FROM_ZERO = '520103';
const SITES_CSV = '站名,经度,纬度,挂高,方位角,频段,类型,状态\n观山湖A,106.6189,26.6051,30,0/120/240,n78,宏站,在网\n观山湖B,106.6350,26.6150,25,90,n78,宏站,规划\n';

let dir: string;
let out: string[];
let err: string[];
let exitCode: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qc-roadmap-'));
  mkdirSync(path.join(dir, 'in'));
  const sites = path.join(dir, 'in', `${WITH_SITES}.sites.csv`);
  writeFileSync(sites, SITES_CSV);
  // the file's time, as the outputs must say it (local time)
  const when = new Date(2026, 10, 3, 9, 5);
  utimesSync(sites, when, when);
  out = [];
  err = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir };
  exitCode = await main(['roadmap', '--counties', `${WITH_SITES},${FROM_ZERO}`, '--grid', '100', '--inputs', 'in', '--workers', '2', '--out', 'out'], io);
}, 300_000);

const readIndex = () => {
  const r = readRoadmapIndex(new Uint8Array(readFileSync(path.join(dir, 'out', 'roadmap.json'))), 'roadmap.json');
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('qcplan roadmap', () => {
  it('plans both counties and writes the index the province view reads', () => {
    expect(exitCode).toBe(0);
    // progress only: no problem with the input file
    expect(err.join('').replace(/\rroadmap \(2 counties\): \d+ %/g, '').trim()).toBe('');
    expect(out.join('')).toMatch(/roadmap 2025: 2 of 2 counties at 100 m/);
    const index = readIndex();
    expect(index.counties.map((c) => c.code)).toEqual([FROM_ZERO, WITH_SITES]);
    const withSites = index.counties.find((c) => c.code === WITH_SITES)!;
    expect(withSites.network).toMatchObject({ basis: 'operator-file', file: `${WITH_SITES}.sites.csv`, existingSites: 1, plannedSites: 1 });
    expect(withSites.network.fileModifiedMs).toBe(statSync(path.join(dir, 'in', `${WITH_SITES}.sites.csv`)).mtimeMs);
    expect(withSites.proposed.total).toBeGreaterThan(0);
    expect(withSites.proposed.costCny).toBeGreaterThan(0);
    expect(withSites.proposedPer10k).toBeGreaterThan(0);
    // every target met, or open with its reason
    for (const t of withSites.targets) if (t.after.isMet === false) expect(t.reason).toBeTruthy();
    const fromZero = index.counties.find((c) => c.code === FROM_ZERO)!;
    expect(fromZero.network.basis).toBe('from-zero');
    if (fromZero.population.total === null) expect(fromZero.targets.find((t) => t.id === 'outdoorPopulation')!.reason).toBe('no-population');
    expect(index.province.planTargetBaseStations).toBe(PLAN_2025_BASE_STATIONS);
    expect(index.province.sitesAfter).toBe(2 + withSites.proposed.total + fromZero.proposed.total);
    expect(index.province.fromZeroCounties).toBe(1);
  });

  it('writes each county\'s project with the operator\'s sites and the proposals as proposed sites', async () => {
    const index = readIndex();
    const c = index.counties.find((x) => x.code === WITH_SITES)!;
    const project = await readProjectGpkg(new Uint8Array(readFileSync(path.join(dir, 'out', c.files.project))));
    if (!project.ok) throw new Error(project.message);
    expect(project.value.name).toBe('观山湖区 2025年5G建设路线图（基于运营商站点表）');
    const byStatus = (s: string) => project.value.sites.filter((x) => x.status === s).length;
    expect([byStatus('existing'), byStatus('planned'), byStatus('proposed')]).toEqual([1, 1, c.proposed.total]);
    const detail = JSON.parse(readFileSync(path.join(dir, 'out', c.files.detail), 'utf8'));
    expect(detail.proposedSites).toHaveLength(c.proposed.total);
    expect(detail.basis).toContain('2026年11月3日 09:05');
  });

  it('writes the workbook in Chinese: one row per county, the province against 16万, sources and marks', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', 'roadmap.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(ROADMAP_SHEETS));
    const sheet = wb.getWorksheet(ROADMAP_SHEETS.counties)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toContain('现网依据');
    expect(header).toContain('估算投资（万元，估）');
    expect(header).toContain('未达目标及原因');
    const rows = [2, 3].map((r) => Object.fromEntries(header.map((h, k) => [h, sheet.getRow(r).getCell(k + 1).value])));
    const basis = rows.map((r) => String(r['现网依据']));
    expect(basis.some((b) => b.startsWith('从零测算'))).toBe(true);
    expect(basis.some((b) => b.includes(`基于运营商站点表“${WITH_SITES}.sites.csv”，文件时间2026年11月3日 09:05`))).toBe(true);
    const province = wb.getWorksheet(ROADMAP_SHEETS.province)!;
    const target = province.getColumn(1).values.findIndex((v) => v === '“智慧黔城”2025年目标');
    expect(province.getRow(target).getCell(2).value).toBe(160_000);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(text).toContain('待核实');
    expect(text).toContain('贵州省通信管理局《2024年1-10月贵州信息通信业发展情况通报》');
    for (const bad of [/\[EST/, /UNVERIFIED/, /\.md\b/, /\d{4}-\d{2}-\d{2}T\d{2}:/]) expect(text).not.toMatch(bad);
  });

  it('writes a self-contained Chinese report: maps, ranking, curve, sources, marks, local time', () => {
    const html = readFileSync(path.join(dir, 'out', 'roadmap.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('从零测算');
    expect(html).toContain('每万人需新增站点');
    expect(html).toContain('估算投资（万元）');
    expect(html).toContain('全省室外人口覆盖率与累计投资');
    expect(html).toContain('县区排名');
    expect(html).toMatch(/生成时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(html).toContain('“估”：估算值');
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
    for (const bad of [/<script/i, /src="http/, /\[EST/, /UNVERIFIED/, /\.md\b/, /\d{4}-\d{2}-\d{2}T\d{2}:/]) expect(html).not.toMatch(bad);
  });

  it('refuses bad usage', async () => {
    const io = { stdout: () => {}, stderr: () => {}, cwd: dir };
    expect(await main(['roadmap'], io)).toBe(2);
    expect(await main(['roadmap', '--out', 'x', '--year', '1999'], io)).toBe(2);
    expect(await main(['roadmap', '--out', 'x', '--counties', '999999'], io)).toBe(2);
    expect(await main(['roadmap', '--out', 'x', '--rounds', '0'], io)).toBe(2);
  });
});
