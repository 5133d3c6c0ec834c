import type { GridLayer, PopulationDetails, TerrainDetails } from '../../core/model';
import { SHIPPED_POPULATION, SHIPPED_TERRAIN } from './shippedData';

/** How the UI shows what a layer rests on: a label for the layer switcher, what it cannot show, what to do. */
export interface LayerLabel {
  /** one line: '人口：2020年七普常住人口按 GPW 分布（模型估算）' */
  label: string;
  /** the numbers behind it, for a tooltip */
  detail: string;
  /** what the layer cannot show, when that matters for the results */
  caveat?: string;
  /** the step that would make it better, for a button or link */
  action?: string;
  /** the attribution the data's licence asks for, for the map's attribution control */
  attribution?: string;
}

type Lang = 'zh' | 'en';
/** loadDemTiles' reasons for leaving a tile out, in Chinese */
const IGNORED_ZH: Record<string, string> = { 'does not reach the county': '不在县域内', 'covered wholly by finer tiles': '已被更精细的瓦片覆盖' };
const fmt = (lang: Lang, x: number) => Math.round(x).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * The words for a project's population layer in Chinese or English, from its details (core/model/layerDetails);
 * a layer without details is named by its source.
 * @example populationLayerLabel(project.population, 'zh').label // '人口：2020年七普常住人口 1,280,116 人，按 GPW v4.11 2020 分布（模型估算）'
 */
export function populationLayerLabel(layer: GridLayer | undefined, lang: Lang): LayerLabel {
  const zh = lang === 'zh';
  if (!layer) {
    return zh
      ? { label: '人口：无', detail: '本项目没有人口数据，与人口相关的指标无法计算。', action: '加载 WorldPop 或 GPW 人口栅格，或填写县人口总数' }
      : { label: 'Population: none', detail: 'This project has no population; the KPIs that need one cannot be computed.', action: 'Load a WorldPop or GPW population raster, or enter the county total' };
  }
  const d = layer.details?.kind === 'population' ? (layer.details as PopulationDetails) : undefined;
  // a layer made before layers carried their details (the sample, older projects): its source as recorded, in
  // whatever language it was written, goes in the detail under a label in the UI's language
  if (!d) return zh ? { label: '人口：项目文件自带（来源见详情）', detail: `来源记录：${layer.source}` } : { label: 'Population: from the project file (source in the details)', detail: `Source as recorded: ${layer.source}` };
  const census = d.censusTotal !== undefined ? fmt(lang, d.censusTotal) : '';
  if (d.method === 'raster-file') {
    return zh
      ? { label: `人口：${d.raster?.name ?? '加载的栅格'}（文件数据）`, detail: `县内 ${fmt(lang, d.totalPersons)} 人，按面积权重重采样到网格，总数守恒。` }
      : { label: `Population: ${d.raster?.name ?? 'loaded raster'} (from file)`, detail: `${fmt(lang, d.totalPersons)} people in the county, areal-weighted to the grid, total preserved.` };
  }
  if (d.method === 'census-model') {
    return zh
      ? {
        label: `人口：2020年七普常住人口 ${census} 人，按县城、乡镇和农村底数模型分布（模型估算）`,
        detail: `来源：${d.censusSource ?? '未记录'}。分布为模型假设，不是实测。`,
        caveat: '人口集中在县城附近，乡村分布是均匀的假设。',
        action: '加载 WorldPop 或 GPW 人口栅格',
      }
      : {
        label: `Population: 2020 census ${census}, spread over the seat, towns and a rural floor (modelled)`,
        detail: `Source: ${d.censusSource ?? 'not recorded'}. The spread is a model assumption, not a measurement.`,
        caveat: 'People are concentrated around the seat; the countryside is an even floor.',
        action: 'Load a WorldPop or GPW population raster',
      };
  }
  const scaleText = d.scale !== undefined ? (zh ? `GPW 县内 ${fmt(lang, d.rasterPersonsInCounty ?? 0)} 人，乘以 ${d.scale.toFixed(3)} 与普查一致。` : `GPW's ${fmt(lang, d.rasterPersonsInCounty ?? 0)} people in the county scaled by ${d.scale.toFixed(3)} to the census.`) : '';
  const coreText = d.core
    ? zh
      ? `随软件提供的 GPW 数据密度上限为 4,096 人/平方公里，城市核心区数值不可靠：其余网格保留 GPW 人数，普查余数 ${fmt(lang, d.core.remainderPersons)} 人按到县城和核心区中心的距离分配给 ${d.core.clusters} 个核心区（${d.core.areaKm2.toFixed(1)} 平方公里）${d.core.isCeilingReached ? `，每平方公里不超过 ${fmt(lang, d.core.ceilingPerKm2)} 人` : ''}。`
      : `The shipped GPW copy stops at 4,096 people/km2, so city cores are unreliable: the other cells keep GPW's people and the census remainder of ${fmt(lang, d.core.remainderPersons)} goes to ${d.core.clusters} dense core(s) (${d.core.areaKm2.toFixed(1)} km2) by distance to the seat and core centres${d.core.isCeilingReached ? `, at most ${fmt(lang, d.core.ceilingPerKm2)}/km2` : ''}.`
    : '';
  return zh
    ? {
      label: `人口：2020年七普常住人口 ${census} 人，按 ${d.raster?.name ?? 'GPW'} 分布（模型估算）`,
      detail: `普查来源：${d.censusSource ?? '未记录'}。${d.raster?.name ?? ''}（约1公里）按面积权重分配到网格，总数与普查一致。${scaleText}${coreText}`,
      caveat: '1公里的人口栅格分不出村庄和街区；城市核心区的分布是按距离的模型。',
      action: '加载更精细的人口栅格（如 WorldPop 100 米）',
      attribution: SHIPPED_POPULATION.attributionZh,
    }
    : {
      label: `Population: 2020 census ${census}, distributed by ${d.raster?.name ?? 'GPW'} (modelled)`,
      detail: `Census source: ${d.censusSource ?? 'not recorded'}. ${d.raster?.name ?? ''} (~1 km) areal-weighted to the grid, total equal to the census. ${scaleText} ${coreText}`.trim(),
      caveat: 'A 1 km raster cannot tell villages or blocks apart; the spread within city cores is a distance model.',
      action: 'Load a finer population raster (e.g. WorldPop 100 m)',
      attribution: SHIPPED_POPULATION.attributionEn,
    };
}

/**
 * The words for a project's terrain layer in Chinese or English: the coarse default says what it cannot show
 * and asks for a finer DEM; a loaded DEM names its tiles, resolution and the voids filled.
 * @example terrainLayerLabel(project.terrain, 'zh').caveat // '看不到约2公里以下的山谷和山脊…'
 */
export function terrainLayerLabel(layer: GridLayer | undefined, lang: Lang): LayerLabel {
  const zh = lang === 'zh';
  const load = zh ? '加载更精细的DEM（SRTM 1″/3″ .hgt 或 GeoTIFF，可一次选多个瓦片或 .zip）' : 'Load a finer DEM (SRTM 1"/3" .hgt or GeoTIFF; several tiles or a .zip at once)';
  if (!layer) {
    return zh
      ? { label: '地形：无（按平地计算）', detail: '没有地形数据，传播计算按平地进行，山体遮挡全部缺失。', caveat: '山区的覆盖会被严重高估。', action: load }
      : { label: 'Terrain: none (flat ground)', detail: 'No terrain: propagation is computed over flat ground, with no shadowing by hills.', caveat: 'Coverage in the mountains is badly overestimated.', action: load };
  }
  const d = layer.details?.kind === 'terrain' ? (layer.details as TerrainDetails) : undefined;
  if (layer.provenance === 'synthetic') {
    return zh
      ? { label: '地形：合成示意（非真实）', detail: layer.source, caveat: '示意地形，不是真实山体。', action: load }
      : { label: 'Terrain: synthetic (illustrative)', detail: layer.source, caveat: 'Illustrative terrain, not the real hills.', action: load };
  }
  if (!d) return zh ? { label: '地形：项目文件自带（来源见详情）', detail: `来源记录：${layer.source}` } : { label: 'Terrain: from the project file (source in the details)', detail: `Source as recorded: ${layer.source}` };
  const range = Number.isFinite(d.minM) && Number.isFinite(d.maxM) ? (zh ? `县内海拔 ${Math.round(d.minM)}–${Math.round(d.maxM)} 米。` : `Heights in the county ${Math.round(d.minM)}-${Math.round(d.maxM)} m.`) : '';
  if (d.method === 'shipped-coarse') {
    return zh
      ? {
        label: `地形：SRTM30_PLUS，约${(d.resolutionM / 1000).toFixed(1)}公里分辨率（较粗）`,
        detail: `${SHIPPED_TERRAIN.citation}。${range}`,
        caveat: '只反映县域的大起伏，看不到约2公里以下的山谷和山脊，因此算不出局部山体的遮挡，山区覆盖会偏乐观。',
        action: load,
        attribution: SHIPPED_TERRAIN.attributionZh,
      }
      : {
        label: `Terrain: SRTM30_PLUS, about ${(d.resolutionM / 1000).toFixed(1)} km (coarse)`,
        detail: `${SHIPPED_TERRAIN.citation}. ${range}`.trim(),
        caveat: 'Shows the broad relief only: no valleys or ridges under about 2 km, so no shadowing by local hills; coverage in the mountains comes out optimistic.',
        action: load,
        attribution: SHIPPED_TERRAIN.attributionEn,
      };
  }
  const tiles = d.tiles ?? [];
  const res = d.coarsestResolutionM ? `${d.resolutionM}–${d.coarsestResolutionM}` : `${d.resolutionM}`;
  const voids = d.voids
    ? zh
      ? `空洞 ${(d.voids.shareOfCounty * 100).toFixed(2)}%（${d.voids.areaKm2InCounty.toFixed(2)} 平方公里）已填补。`
      : `Voids ${(d.voids.shareOfCounty * 100).toFixed(2)} % (${d.voids.areaKm2InCounty.toFixed(2)} km2) filled.`
    : zh ? '无空洞。' : 'No voids.';
  const ignored = d.ignoredTiles?.length
    ? zh ? `未使用：${d.ignoredTiles.map((t) => `${t.name}（${IGNORED_ZH[t.reason] ?? t.reason}）`).join('、')}。` : `Not used: ${d.ignoredTiles.map((t) => `${t.name} (${t.reason})`).join(', ')}.`
    : '';
  return zh
    ? {
      label: `地形：${tiles.length} 个DEM瓦片，约${res}米分辨率`,
      detail: `${tiles.map((t) => t.name).join('、')}，镶嵌后双线性重采样到网格。${voids}${range}${ignored}`,
      ...(d.voids && d.voids.shareOfCounty > 0.01 && { caveat: `县域 ${(d.voids.shareOfCounty * 100).toFixed(1)}% 的地形是填补的，不是实测。` }),
    }
    : {
      label: `Terrain: ${tiles.length} DEM tile${tiles.length === 1 ? '' : 's'}, about ${res} m`,
      detail: `${tiles.map((t) => t.name).join(', ')}, mosaicked and bilinear to the grid. ${voids} ${range} ${ignored}`.replace(/\s+/g, ' ').trim(),
      ...(d.voids && d.voids.shareOfCounty > 0.01 && { caveat: `${(d.voids.shareOfCounty * 100).toFixed(1)} % of the county's terrain is filled, not measured.` }),
    };
}
