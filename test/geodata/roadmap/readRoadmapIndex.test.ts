import { describe, expect, it } from 'vitest';
import { readRoadmapIndex } from '../../../geodata/roadmap';

const enc = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));

const county = {
  code: '520115', name: '观山湖区', prefecture: '贵阳市', isPilot: true,
  population: { total: 1000, provenance: 'modelled', source: 'test' },
  network: { basis: 'from-zero', existingSites: 0, plannedSites: 0 },
  proposed: { macro: 1, micro: 0, indoor: 0, total: 1, costCny: 450000 },
  proposedPer10k: 10, costPerResidentCny: 450, sitesPer10kAfter: 10,
  before: { kpis: [], targets: [] }, after: { kpis: [], targets: [] }, targets: [],
  curve: { costCny: [0, 450000], peopleCovered: [0, 900] },
  files: { project: 'counties/520115.gpkg', detail: 'counties/520115.json' },
};
const index = {
  format: 'qiancheng-roadmap', version: 1, generatedAtMs: 0, year: 2025, cellSizeM: 50, band: 'n78', counties: [county], failed: [],
  province: { counties: 1, sitesAfter: 1, planTargetBaseStations: 160000, fromZeroCounties: 1 }, files: { workbook: 'roadmap.xlsx', report: 'roadmap.html' },
};

describe('readRoadmapIndex', () => {
  it('reads an index and keeps the figures the province view uses', () => {
    const r = readRoadmapIndex(enc(index), 'roadmap.json');
    expect(r.ok && r.value.counties[0].files.project).toBe('counties/520115.gpkg');
  });

  it('refuses what is not a roadmap, naming the field, and paths out of the folder', () => {
    const bad = (x: unknown) => {
      const r = readRoadmapIndex(enc(x), 'roadmap.json');
      return r.ok ? 'ok' : r.message;
    };
    expect(bad('{')).toMatch(/^roadmap\.json: not JSON/);
    expect(bad({ ...index, version: 2 })).toMatch(/version/);
    expect(bad({ ...index, counties: [{ ...county, files: { ...county.files, project: '/etc/passwd' } }] })).toMatch(/counties\.0\.files\.project/);
    expect(bad({ ...index, counties: [{ ...county, files: { ...county.files, project: 'counties/../../x.gpkg' } }] })).toMatch(/files\.project/);
  });
});
