import type { BuildMethod, SiteKind } from '../model/site';

/** One unit cost: a value in CNY, the range the source gives, where it comes from, and whether it is an estimate. */
export interface CostEntry {
  /** cost of one site built this way, CNY */
  costCny: number;
  /** low and high end of the source's range, CNY */
  rangeCny: [number, number];
  /** indoor systems only: cost per m² of covered floor area, CNY; used when a candidate gives its floor area */
  perFloorAreaCnyPerM2?: number;
  /** true when the figure is an estimate ([EST] in the reference), shown as "estimate" in the UI */
  isEstimate: boolean;
  /** reference and URL behind the figure, and how it was derived */
  source: string;
}

/** Unit costs per site kind and build method; a missing pair means that combination is not offered. */
export type CostTable = Record<SiteKind, Partial<Record<BuildMethod, CostEntry>>>;

const FTTH4 = '../shared/reference/ftth.md section 4';
const AIBOCE = 'https://www.aiboce.com/ask/304652.html (weak source)';

const macroShared: CostEntry = {
  costCny: 325_000,
  rangeCny: [250_000, 400_000],
  isEstimate: true,
  source: `${FTTH4}: 5G macro all-in on an existing shared 铁塔 site ¥250k-400k [EST]; midpoint`,
};

const micro: CostEntry = {
  costCny: 50_000,
  rangeCny: [20_000, 100_000],
  isEstimate: true,
  source: `${FTTH4}: 5G micro / small cell ¥20k-100k (${AIBOCE}); ¥50k installed [EST]`,
};

/**
 * Default unit costs, CNY. Every figure is an estimate: ../shared/reference/ftth.md section 4 notes that the
 * corpus has almost no published Chinese unit prices. Projects override them in `settings.costs`
 * (see costTableFromSettings).
 * @example DEFAULT_COST_TABLE.micro['smart-pole']?.costCny // 50000
 */
export const DEFAULT_COST_TABLE: CostTable = {
  macro: {
    'shared-tower': macroShared,
    'new-tower': {
      costCny: 450_000,
      rangeCny: [300_000, 600_000],
      isEstimate: true,
      source: `${FTTH4}: shared-site all-in ¥250k-400k [EST] plus a new tower / pole ¥50k-200k (${AIBOCE}); midpoints summed [EST derived]`,
    },
    rooftop: {
      ...macroShared,
      source: `${FTTH4}: no rooftop figure; priced as the shared-site all-in ¥250k-400k (no tower to build) [EST, assumption]`,
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
      isEstimate: true,
      source: `${FTTH4}: digital indoor DAS ¥20-60 per m² of covered floor [EST]; ¥40/m² midpoint, per site an assumed 5,000 m² building [EST, assumption]`,
    },
  },
};
