import type { Source } from './types';

/**
 * Policy documents behind the targets (../shared/reference/kpis.md, plan.md): the MIIT programmes and
 * Guizhou's plans. Titles as the documents name themselves; a year only where the notes give it.
 */
export const POLICY_SOURCES = {
  dualGigabitPlan: {
    title: { zh: '《“双千兆”网络协同发展行动计划（2021-2023年）》', en: '“Dual Gigabit” Network Coordinated Development Action Plan (2021-2023)' },
    issuer: { zh: '工业和信息化部', en: 'Ministry of Industry and Information Technology (MIIT)' },
    year: 2021,
    url: 'https://www.itaiwannews.cn/2021-03-26/a1868da2-2e2a-ba12-ee21-8ea326f57e95.html',
  },
  gigabitCityBulletin2022: {
    title: { zh: '千兆城市建设情况通报（工信厅通信函〔2022〕327号）', en: 'Bulletin on Gigabit City construction (MIIT [2022] No. 327)' },
    issuer: { zh: '工业和信息化部办公厅', en: 'General Office of MIIT' },
    year: 2022,
    docNumber: '工信厅通信函〔2022〕327号',
    url: 'https://ahchanye.com/zc/24767.html',
  },
  signalUpgrade: {
    title: { zh: '《关于开展“信号升格”专项行动的通知》', en: 'Notice on the “Signal Upgrade” Special Action' },
    issuer: { zh: '工业和信息化部等十一部门', en: 'MIIT and ten other ministries' },
    year: 2024,
    docNumber: '工信部联通信〔2023〕257号',
    url: 'https://gb.crntt.com/doc/7_0_106855161_1.html',
  },
  ictPlan14: {
    title: { zh: '《“十四五”信息通信行业发展规划》', en: '14th Five-Year Plan for the Information and Communication Industry' },
    issuer: { zh: '工业和信息化部', en: 'MIIT' },
    year: 2021,
    url: 'http://cguiw.com/rd/2021111723336.html',
  },
  guizhouIctPlan14: {
    title: { zh: '《贵州省信息通信行业“十四五”发展规划》', en: 'Guizhou Information and Communication Industry 14th Five-Year Plan' },
    issuer: { zh: '贵州省通信管理局', en: 'Guizhou Communications Administration' },
    year: 2021,
    url: 'http://m.ipma-canada.com/redian/20210928/26401.html',
  },
  smartQiancheng: {
    title: { zh: '《贵州省“十四五”“智慧黔城”建设发展规划》', en: 'Guizhou 14th Five-Year “Smart Qiancheng” Development Plan' },
    issuer: {
      zh: '贵州省发展和改革委员会、住房和城乡建设厅、大数据发展管理局、通信管理局',
      en: 'Guizhou Development and Reform Commission, Department of Housing, Big Data Bureau and Communications Administration',
    },
    url: 'http://www1.indianrestaurantgz.com/zcmbhl/4231.html',
  },
} satisfies Record<string, Source>;
