import type { Source } from './types';

/**
 * Standards and technical references behind the radio and fibre models (../shared/reference/radio.md, ftth.md).
 * Forum posts and vendor notes are marked weak: they are what the notes found, not a standard.
 */
export const TECHNICAL_SOURCES = {
  tr38901: {
    title: { zh: '3GPP TR 38.901《0.5–100 GHz 频段信道模型研究》', en: '3GPP TR 38.901, Study on channel model for frequencies from 0.5 to 100 GHz' },
    issuer: { zh: '第三代合作伙伴计划（3GPP）', en: '3rd Generation Partnership Project (3GPP)' },
  },
  tr36942: {
    title: { zh: '3GPP TR 36.942《E-UTRA 射频系统场景》V14.0.0', en: '3GPP TR 36.942, E-UTRA radio frequency system scenarios, V14.0.0' },
    issuer: { zh: '第三代合作伙伴计划（3GPP）/ 欧洲电信标准化协会（ETSI）', en: '3GPP / ETSI' },
    year: 2017,
    url: 'https://www.etsi.org/deliver/etsi_tr/136900_136999/136942/14.00.00_60/tr_136942v140000p.pdf',
  },
  ts38101: {
    title: { zh: '3GPP TS 38.101-1《NR 用户设备无线发射与接收 第1部分：FR1》', en: '3GPP TS 38.101-1, NR UE radio transmission and reception, Part 1: Range 1' },
    issuer: { zh: '第三代合作伙伴计划（3GPP）', en: '3GPP' },
  },
  ituG984: {
    title: { zh: 'ITU-T G.984 系列建议书（GPON）', en: 'ITU-T G.984 series (GPON)' },
    issuer: { zh: '国际电信联盟电信标准化部门（ITU-T）', en: 'ITU Telecommunication Standardization Sector (ITU-T)' },
  },
  ituG9807: {
    title: { zh: 'ITU-T G.9807.1 建议书（XGS-PON）', en: 'ITU-T G.9807.1 (XGS-PON)' },
    issuer: { zh: '国际电信联盟电信标准化部门（ITU-T）', en: 'ITU-T' },
    year: 2016,
  },
  ponLinkLoss: {
    title: { zh: 'FTTx 光链路损耗计算（GPON、XGS-PON）厂商技术说明', en: 'Calculating optical link loss in FTTx networks (GPON, XGS-PON), vendor note' },
    issuer: { zh: '光器件厂商技术资料', en: 'fibre equipment vendor' },
    url: 'https://www.jjsats.co.th/en/content/30455/calculating-optical-link-loss-in-fttx-fttr-networks-gpon-fttx-and-xgspon-fttx-systems',
    isWeak: true,
  },
  ftthPlanningCase: {
    title: { zh: 'FTTH 接入网规划案例（端口与分光规划）', en: 'FTTH access network planning case (ports and splitting)' },
    issuer: { zh: '中国移动（论文，公开资料）', en: 'China Mobile (paper, published on the web)' },
    year: 2013,
    url: 'https://www.360docs.net/doc/0d10702978.html',
    isWeak: true,
  },
  degreeOfUrbanisation: {
    title: { zh: '《城乡化程度应用方法手册》（Degree of Urbanisation）', en: 'Applying the Degree of Urbanisation: a methodological manual' },
    issuer: { zh: '欧盟委员会、联合国人居署等', en: 'European Commission, UN-Habitat and others' },
    year: 2021,
    url: 'https://ec.europa.eu/eurostat/web/degree-of-urbanisation/methodology',
  },
  nrSampleClasses: {
    title: { zh: '5G NR 路测采样点分级（SS-RSRP / SS-SINR）', en: 'NR drive-test sample classes (SS-RSRP / SS-SINR)' },
    issuer: { zh: 'C114 通信网论坛', en: 'C114 telecom forum' },
    url: 'http://inholborn.com/forum.php?goto=lastpost&mod=redirect&tid=1244896',
    isWeak: true,
  },
  chinaTelecomLinkBudget: {
    title: { zh: '中国电信 5G 三维城区宏站链路预算', en: 'China Telecom 5G 3D-UMa link budget' },
    issuer: { zh: '中国电信（公开资料）', en: 'China Telecom (published on the web)' },
    url: 'https://mtoou.info/tubiao/585218.html',
    isWeak: true,
  },
  operatorSpectrum: {
    title: { zh: '国内运营商 5G 频率划分（公开报道汇总）', en: 'Chinese operators’ 5G spectrum (press reports)' },
    issuer: { zh: '公开报道', en: 'press reports' },
    url: 'http://nxmr.cn/Finance/336.html',
    isWeak: true,
  },
  aauSpecs: {
    title: { zh: '64T64R 有源天线单元功率与增益（厂商与论坛资料）', en: '64T64R AAU power and gain (vendor and forum notes)' },
    issuer: { zh: '设备厂商与技术论坛', en: 'vendors and technical forums' },
    url: 'https://www.rfessentials.com/resources/rf-glossary/64t64r/',
    isWeak: true,
  },
} satisfies Record<string, Source>;
