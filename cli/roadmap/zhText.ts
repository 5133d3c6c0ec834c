import type { KpiId } from '../../core/scoring';
import type { RoadmapNetworkBasis, RoadmapTargetId, TargetOutcome } from '../../core/roadmap';
import type { BandId } from '../../core/model';
import { KPI_LABELS } from '../format/kpiLabels';

/** 估: an estimate (a planning assumption or a cost from the unit-cost table); 待核实: a figure or target no citable source confirms. */
export const ESTIMATE_MARK = '估';
export const UNVERIFIED_MARK = '待核实';
export const MARK_LEGEND = `“${ESTIMATE_MARK}”：估算值（单价表估算的投资，或无公开数据支撑的规划假设）；“${UNVERIFIED_MARK}”：目标值或口径未见可引用的正式出处，使用前需核实。`;

/**
 * A moment as local time the way Chinese documents write it: 2026年12月7日 11:58 (never an ISO timestamp).
 * @example localTimeZh(Date.now())
 */
export function localTimeZh(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm}`;
}

/** CNY as 万元 with one decimal. @example wanYuan(1_138_500) // '113.9' */
export function wanYuan(cny: number): string {
  return (cny / 1e4).toFixed(1);
}

/** CNY as 亿元 with two decimals. */
export function yiYuan(cny: number): string {
  return (cny / 1e8).toFixed(2);
}

/** A share as a percentage with one decimal, '–' when missing. */
export function pctZh(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}

/** The Chinese name of a KPI (the planners' term of KPI_LABELS). */
export function kpiNameZh(id: KpiId): string {
  return KPI_LABELS[id].split(' ')[0];
}

export const TARGET_NAMES_ZH: Record<RoadmapTargetId, string> = {
  outdoorPopulation: '室外人口覆盖',
  towns: '城镇覆盖',
  keyPlaces: '重点场所深度覆盖',
  capacity: '忙时容量',
};

/** The network a band stands for (radio.md §5.1). */
export const BAND_NETWORK_ZH: Record<BandId, string> = {
  n78: 'n78 3.5GHz（中国电信、中国联通共建共享）',
  n41: 'n41 2.6GHz（中国移动）',
  n79: 'n79 4.9GHz（中国移动）',
  n28: 'n28 700MHz（中国广电、中国移动共建共享）',
};

/** What a county's figures rest on, in one sentence for every output. */
export function networkBasisZh(n: RoadmapNetworkBasis): string {
  if (n.basis === 'from-zero') return '从零测算：未提供运营商现网站点表，现网按零计，所有站点均按新建测算';
  const when = n.fileModifiedMs === undefined ? '' : `，文件时间${localTimeZh(n.fileModifiedMs)}`;
  return `基于运营商站点表“${n.file}”${when}：现网站点${n.existingSites}个，已规划${n.plannedSites}个`;
}

/** Why a target stays unmet, in a sentence. */
export function reasonZh(t: TargetOutcome): string {
  const d = t.detail ?? {};
  const people = (n: number | undefined) => Math.round(n ?? 0).toLocaleString('zh-CN');
  switch (t.reason) {
    case 'no-population':
      return '无人口数据：该县没有人口图层，按人口计的目标无法评估';
    case 'terrain':
      return `地形遮挡：约${people(d.noSignalPeople)}人所在区域，任何候选站址在地形上都覆盖不到（另有约${people(d.lowSinrPeople)}人有信号但SINR不足）`;
    case 'no-candidate':
      return `无可用候选站址：约${people(d.noSignalPeople)}人所在区域没有能覆盖的候选站址（另有约${people(d.lowSinrPeople)}人有信号但SINR不足）`;
    case 'interference':
      return `干扰受限：约${people(d.lowSinrPeople)}人有信号但SINR不足，继续加站同时增加干扰（另有约${people(d.noSignalPeople)}人无信号）`;
    case 'indoor':
      return '室内深度覆盖不足：场所室外已达标，室内关键点位未达标；本工具的室分候选未能使其达标，需现场室分设计';
    case 'sector-capacity':
      return `需扩容：仍有${d.overloadedSectors ?? 0}个小区超过目标负荷，约需新增${d.extraSectorsNeeded ?? 0}个扇区或载波（未计价）`;
    case 'budget':
      return '投资上限：已达该县投资上限';
    case 'diminishing-returns':
      return `边际收益递减：下一个站点每万元仅新增约${(d.nextGainPer10kCny ?? 0).toFixed(1)}个加权人口（门限${d.minGainPer10kCny ?? 0}个/万元）`;
    case 'rounds':
      return '轮次上限：仍在改善时已达建议轮数上限';
    default:
      return '';
  }
}
