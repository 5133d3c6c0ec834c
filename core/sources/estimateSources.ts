import type { Source } from './types';

/**
 * Where a figure is the tool's own or the planner's: estimates made for this tool (always shown with the
 * estimate mark), prices quoted on the web (weak), and the project settings a planner fills in.
 */
export const ESTIMATE_SOURCES = {
  toolEstimate: {
    title: { zh: '本工具估算', en: 'estimate made for this tool' },
    issuer: { zh: '黔城覆盖规划', en: 'Qiancheng Planner' },
  },
  webPriceQuotes: {
    title: { zh: '网络公开的设备与建设报价', en: 'equipment and construction prices quoted on the web' },
    issuer: { zh: '网络问答资料', en: 'web Q&A pages' },
    url: 'https://www.aiboce.com/ask/304652.html',
    isWeak: true,
  },
  guizhou5gInvestment: {
    title: { zh: '《关于加快推进全省5G建设发展的通知》（2019-2022年投资与建站目标）', en: 'Notice on speeding up 5G construction in Guizhou (2019-2022 investment and site targets)' },
    issuer: { zh: '贵州省', en: 'Guizhou Province' },
    year: 2019,
    url: 'https://investchn.com/home/news/detail/id/59006.html',
  },
  projectSettings: {
    title: { zh: '项目设置（规划人员填写）', en: 'project settings (entered by the planner)' },
    issuer: { zh: '本项目', en: 'this project' },
  },
} satisfies Record<string, Source>;
