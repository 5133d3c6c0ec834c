import type { BuildMethod, SiteKind } from '../model/site';
import { cite, figure, type FigureProvenance } from '../sources/registry';

/** One unit cost: a value in CNY, the range the source gives, where it comes from, and whether it is an estimate. */
export interface CostEntry {
  /** cost of one site built this way, CNY */
  costCny: number;
  /** low and high end of the source's range, CNY */
  rangeCny: [number, number];
  /** indoor systems only: cost per m² of covered floor area, CNY; used when a candidate gives its floor area */
  perFloorAreaCnyPerM2?: number;
  /** where the figure comes from (registry citations) and whether it is an estimate (provenance.isEstimate) */
  provenance: FigureProvenance;
}

/** Unit costs per site kind and build method; a missing pair means that combination is not offered. */
export type CostTable = Record<SiteKind, Partial<Record<BuildMethod, CostEntry>>>;

// The unit costs of ../shared/reference/ftth.md section 4: the reference notes found almost no published Chinese
// unit prices, so each is the tool's own estimate, with the weak web quote it leans on where there is one.
const ESTIMATE = cite('toolEstimate');
const QUOTES = cite('webPriceQuotes');

const macroShared: CostEntry = {
  costCny: 325_000,
  rangeCny: [250_000, 400_000],
  provenance: figure([ESTIMATE], {
    isEstimate: true,
    note: { zh: '共享铁塔站址上的5G宏站（含设备与安装）25-40万元，取中值', en: '5G macro on an existing shared tower site, all-in ¥250k-400k; midpoint' },
  }),
};

const micro: CostEntry = {
  costCny: 50_000,
  rangeCny: [20_000, 100_000],
  provenance: figure([ESTIMATE, QUOTES], {
    isEstimate: true,
    note: { zh: '5G微站报价2-10万元，按安装完成5万元计', en: '5G micro / small cell quoted ¥20k-100k; ¥50k installed' },
  }),
};

/**
 * Default unit costs, CNY. Every figure is an estimate (../shared/reference/ftth.md section 4: almost no published
 * Chinese unit prices); each entry's provenance says so. Projects override them in `settings.costs`
 * (see costTableFromSettings).
 * @example DEFAULT_COST_TABLE.micro['smart-pole']?.costCny // 50000
 */
export const DEFAULT_COST_TABLE: CostTable = {
  macro: {
    'shared-tower': macroShared,
    'new-tower': {
      costCny: 450_000,
      rangeCny: [300_000, 600_000],
      provenance: figure([ESTIMATE, QUOTES], {
        isEstimate: true,
        note: { zh: '共享站址全包25-40万元，加新建铁塔或杆体5-20万元，两者中值相加', en: 'shared-site all-in ¥250k-400k plus a new tower or pole ¥50k-200k; midpoints summed' },
      }),
    },
    rooftop: {
      ...macroShared,
      provenance: figure([ESTIMATE], {
        isEstimate: true,
        note: { zh: '无楼顶站单价，按共享站址全包价计（无需建塔）', en: 'no rooftop figure; priced as the shared-site all-in cost (no tower to build)' },
      }),
    },
  },
  micro: {
    'smart-pole': micro,
    rooftop: micro,
    'shared-tower': micro,
  },
  indoor: {
    'indoor-system': {
      costCny: 200_000,
      rangeCny: [100_000, 300_000],
      perFloorAreaCnyPerM2: 40,
      provenance: figure([ESTIMATE], {
        isEstimate: true,
        note: { zh: '数字化室分每平方米覆盖面积20-60元，取40元；每站按5000平方米建筑计', en: 'digital indoor DAS ¥20-60 per m² covered, ¥40 taken; per site an assumed 5,000 m² building' },
      }),
    },
  },
};
