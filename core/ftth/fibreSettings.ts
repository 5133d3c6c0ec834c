import { z } from 'zod';
import { cite, figure, type FigureProvenance } from '../sources/registry';
import { BUDGET_CLASSES, SPLIT_SCHEMES, type BudgetClass, type SplitScheme } from './ponTables';

/**
 * Unit costs for fibre upgrades, CNY. All are estimates ([EST], ../shared/reference/ftth.md §4: the corpus
 * has almost no published Chinese unit prices); the defaults are the middle of each published range.
 */
export interface FibreCostTable {
  /** one XGS-PON (10G-PON combo) OLT port incl. chassis share (ftth.md §4: ¥3k-8k) */
  xgsPonPortCny: number;
  /** ODN per home passed, urban multi-dwelling (ftth.md §4: ¥150-400) */
  odnUrbanPerHomeCny: number;
  /** ODN per home passed, rural Guizhou village (ftth.md §4: ¥600-2,000) */
  odnRuralPerHomeCny: number;
}

/** The project's `fibre` settings section (Project.settings.fibre); every field optional there. */
export interface FibreSettings {
  /** optics class of GPON ports (default C+, ftth.md §1: 1:64 at ~20 km needs C+) */
  gponClass: BudgetClass;
  /** optics class of XGS-PON ports (default N2) */
  xgsPonClass: BudgetClass;
  /** splitting scheme assumed for the existing ODN (default 1:4x1:16, the ftth.md worked example) */
  splitScheme: SplitScheme;
  fibreDbPerKm: number;
  connectorCount: number;
  spliceCount: number;
  marginDb: number;
  /** fibre route / straight line when no roads are loaded (default 1.3) */
  detourFactor: number;
  /** road vertices closer than this become one node, m */
  snapToleranceM: number;
  /** share of households that subscribe, 0..1 (default 0.3, the ftth.md §2 China Mobile example) */
  takeRate: number;
  /**
   * persons per km2 above which a cell counts as urban (default 1,500: the urban-centre cell density of the
   * EU/OECD/UN-Habitat "Degree of Urbanisation" method, 2021)
   */
  urbanDensityPerKm2: number;
  /** cells within this distance of the county seat count as urban, m (default 3,000 [EST]) */
  seatTownRadiusM: number;
  /** uncovered cells closer than this join one distribution area (DBSCAN eps), m (default 300 [EST]) */
  areaLinkDistanceM: number;
  /** a distribution area larger than this is split by k-means (default 512 households [EST]) */
  maxHouseholdsPerArea: number;
  costs: FibreCostTable;
}

/** Defaults of the `fibre` settings section; costs are [EST] mid-range figures from ftth.md §4. */
export const DEFAULT_FIBRE_SETTINGS: Readonly<FibreSettings> = Object.freeze({
  gponClass: 'C+',
  xgsPonClass: 'N2',
  splitScheme: '1:4x1:16',
  fibreDbPerKm: 0.4,
  connectorCount: 6,
  spliceCount: 4,
  marginDb: 0,
  detourFactor: 1.3,
  snapToleranceM: 2,
  takeRate: 0.3,
  urbanDensityPerKm2: 1500,
  seatTownRadiusM: 3000,
  areaLinkDistanceM: 300,
  maxHouseholdsPerArea: 512,
  costs: Object.freeze({ xgsPonPortCny: 5500, odnUrbanPerHomeCny: 275, odnRuralPerHomeCny: 1300 }),
}) as FibreSettings;

/**
 * Where the fibre defaults come from (../shared/reference/ftth.md), by setting: the unit costs are estimates
 * (ftth.md §4), the take rate the China Mobile planning example (§2), the density rule the Degree of
 * Urbanisation (2021), the budget classes ITU-T G.984 / G.9807.1 via the vendor note of §1.
 */
export const FIBRE_SETTINGS_PROVENANCE = {
  xgsPonPortCny: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '每个10G-PON端口（含机框分摊）3000-8000元，取中值5500元', en: 'one 10G-PON port incl. chassis share ¥3k-8k; midpoint ¥5,500' } }),
  odnUrbanPerHomeCny: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '城镇多层住宅每户ODN 150-400元，取中值', en: 'ODN per home passed, urban multi-dwelling ¥150-400; midpoint' } }),
  odnRuralPerHomeCny: figure([cite('toolEstimate')], { isEstimate: true, note: { zh: '贵州农村每户ODN 600-2000元，取中值', en: 'ODN per home passed, rural Guizhou village ¥600-2,000; midpoint' } }),
  takeRate: figure([cite('ftthPlanningCase')], { note: { zh: '800户覆盖、30%开通率的规划案例', en: 'planning example: 800 homes passed at a 30 % take rate' } }),
  urbanDensityPerKm2: figure([cite('degreeOfUrbanisation', { zh: '城市中心格网密度 1500人/km²', en: 'urban centre cell density 1,500 per km²' })]),
  budgetClasses: figure([cite('ituG984'), cite('ituG9807'), cite('ponLinkLoss')]),
  fibreDbPerKm: figure([cite('ponLinkLoss')], { isEstimate: true, note: { zh: '设计余量取 0.4 dB/km', en: '0.4 dB/km taken for design margin' } }),
  seatTownRadiusM: figure([cite('toolEstimate')], { isEstimate: true }),
  areaLinkDistanceM: figure([cite('toolEstimate')], { isEstimate: true }),
  maxHouseholdsPerArea: figure([cite('toolEstimate')], { isEstimate: true }),
} satisfies Record<string, FigureProvenance>;

const classes = Object.keys(BUDGET_CLASSES) as [BudgetClass, ...BudgetClass[]];
const schemes = SPLIT_SCHEMES as unknown as [SplitScheme, ...SplitScheme[]];
const nonNeg = z.number().finite().nonnegative();
const settingsSchema = z
  .object({
    gponClass: z.enum(classes),
    xgsPonClass: z.enum(classes),
    splitScheme: z.enum(schemes),
    fibreDbPerKm: z.number().finite().positive(),
    connectorCount: nonNeg,
    spliceCount: nonNeg,
    marginDb: nonNeg,
    detourFactor: z.number().finite().min(1),
    snapToleranceM: nonNeg,
    takeRate: z.number().gt(0).max(1),
    urbanDensityPerKm2: nonNeg,
    seatTownRadiusM: nonNeg,
    areaLinkDistanceM: z.number().finite().positive(),
    maxHouseholdsPerArea: z.number().finite().min(1),
    costs: z.object({ xgsPonPortCny: nonNeg, odnUrbanPerHomeCny: nonNeg, odnRuralPerHomeCny: nonNeg }).partial(),
  })
  .partial();

/**
 * The effective fibre settings: `Project.settings.fibre` (any subset of FibreSettings) over the defaults.
 * Throws RangeError naming the first bad field (e.g. `settings.fibre.takeRate`).
 * @example resolveFibreSettings({ takeRate: 0.5 }).splitScheme // '1:4x1:16'
 */
export function resolveFibreSettings(section: unknown): FibreSettings {
  if (section === undefined) return { ...DEFAULT_FIBRE_SETTINGS, costs: { ...DEFAULT_FIBRE_SETTINGS.costs } };
  const parsed = settingsSchema.safeParse(section);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`settings.fibre.${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  const merged = { ...DEFAULT_FIBRE_SETTINGS, ...s, costs: { ...DEFAULT_FIBRE_SETTINGS.costs, ...s.costs } };
  if (BUDGET_CLASSES[merged.gponClass].technology !== 'gpon') throw new RangeError(`settings.fibre.gponClass must be a GPON class, got ${merged.gponClass}`);
  if (BUDGET_CLASSES[merged.xgsPonClass].technology !== 'xgspon') throw new RangeError(`settings.fibre.xgsPonClass must be an XGS-PON class, got ${merged.xgsPonClass}`);
  return merged;
}
