import { DEFAULT_COST_TABLE } from '../../core/costs';
import { DEFAULT_FIBRE_SETTINGS, resolveFibreSettings, SPLIT_SCHEMES, type SplitScheme } from '../../core/ftth';
import { DEFAULT_LOCATION_PROBABILITY } from '../../core/propagation';
import { projectSettingsSchema } from '../../geodata/project/projectSettingsSchema';
import { BAND_IDS, DEFAULT_RADIO_SETTINGS, defaultProjectSettings, type BandId, type BuildMethod, type ProjectSettings, type SiteKind } from '../../core/model';
import { DEFAULT_SCORING_SETTINGS, resolveScoringSettings, type KpiId, type ScoringOverrides } from '../../core/scoring';
import { costTableFromSettings, type CostSettings } from '../../core/costs';

/** A unit cost of the site table, by kind and build method: 'macro:shared-tower'. */
export type CostKey = `${SiteKind}:${BuildMethod}`;
/** Fibre unit costs, CNY. */
export type FibreCostKey = 'xgsPonPortCny' | 'odnUrbanPerHomeCny' | 'odnRuralPerHomeCny';

/** Every KPI's unit, for the form: shares are edited in %, the others as they are. */
const KPI_UNIT: Record<KpiId, 'share' | 'per10k' | 'mbps'> = Object.fromEntries(
  (Object.keys(DEFAULT_SCORING_SETTINGS.kpis) as KpiId[]).map((id) => [id, id === 'sitesPer10k' ? 'per10k' : id.endsWith('Mbps') ? 'mbps' : 'share']),
) as Record<KpiId, 'share' | 'per10k' | 'mbps'>;

/**
 * The project settings as the settings screen edits them, in the units a planner reads: shares in %, costs of
 * sites in 万元 and of ports and homes in 元. Text, so a half-typed value survives until it is checked.
 */
export interface SettingsForm {
  band: BandId;
  loadFactorPct: string;
  /** coverage location probability, % of locations (50 = the median) */
  locationProbabilityPct: string;
  householdSize: string;
  baselineRsrpDbm: string;
  baselineSinrDb: string;
  kpiTargets: Record<KpiId, string>;
  siteCostsWan: Record<CostKey, string>;
  fibreCosts: Record<FibreCostKey, string>;
  splitScheme: SplitScheme;
  takeRatePct: string;
}

/** The field of a form that is wrong, and the allowed range. */
export interface SettingsError {
  field: string;
  min: number;
  max: number;
}

/** Every cost the site table offers, in table order. */
export const COST_KEYS: readonly CostKey[] = (Object.keys(DEFAULT_COST_TABLE) as SiteKind[])
  .flatMap((kind) => (Object.keys(DEFAULT_COST_TABLE[kind]) as BuildMethod[]).map((m): CostKey => `${kind}:${m}`));
export const FIBRE_COST_KEYS: readonly FibreCostKey[] = ['xgsPonPortCny', 'odnUrbanPerHomeCny', 'odnRuralPerHomeCny'];
export const KPI_IDS = Object.keys(DEFAULT_SCORING_SETTINGS.kpis) as KpiId[];

export function kpiUnit(id: KpiId): 'share' | 'per10k' | 'mbps' {
  return KPI_UNIT[id];
}

const num = (x: number, digits = 4) => String(Number(x.toFixed(digits)));

/**
 * The form of a project's settings: its resolved values (the defaults where the project sets nothing).
 * @example formFromSettings(project.settings).kpiTargets.popCoverageOutdoor // '95'
 */
export function formFromSettings(settings: ProjectSettings): SettingsForm {
  const scoring = resolveScoringSettings(settings);
  const costs = costTableFromSettings({ costs: settings.costs });
  const fibre = resolveFibreSettings(settings.fibre);
  return {
    band: settings.radio.band,
    loadFactorPct: num(settings.radio.loadFactor * 100),
    locationProbabilityPct: num((settings.radio.locationProbability ?? DEFAULT_LOCATION_PROBABILITY) * 100),
    householdSize: num(settings.householdSize),
    baselineRsrpDbm: num(scoring.baseline.rsrpDbm),
    baselineSinrDb: num(scoring.baseline.sinrDb),
    kpiTargets: Object.fromEntries(KPI_IDS.map((id) => [id, num(KPI_UNIT[id] === 'share' ? scoring.kpis[id].target * 100 : scoring.kpis[id].target)])) as Record<KpiId, string>,
    siteCostsWan: Object.fromEntries(COST_KEYS.map((k) => {
      const [kind, method] = k.split(':') as [SiteKind, BuildMethod];
      return [k, num(costs[kind][method]!.costCny / 1e4, 2)];
    })) as Record<CostKey, string>,
    fibreCosts: Object.fromEntries(FIBRE_COST_KEYS.map((k) => [k, num(fibre.costs[k], 0)])) as Record<FibreCostKey, string>,
    splitScheme: fibre.splitScheme,
    takeRatePct: num(fibre.takeRate * 100),
  };
}

/**
 * Ranges the form accepts, in the form's units. Where the project reader bounds a figure (readProjectGpkg's settings
 * schema, resolveFibreSettings, costTableFromSettings, SITE_LIMITS.costCny) the form keeps within it, so a saved
 * project always reopens: load factor 0..1, location probability strictly between 0 and 1, take rate above 0 up to 1,
 * household size up to 100 (the form asks 1..10, Guizhou's census figure is 2.81), a site cost positive up to 1e9 CNY.
 * The thresholds keep within what the radio engine predicts (RSRP -140..-60 dBm, SINR -20..30 dB, radio.md section 6).
 */
export const RANGES = {
  loadFactorPct: [0, 100], locationProbabilityPct: [1, 99], householdSize: [1, 10], baselineRsrpDbm: [-140, -60], baselineSinrDb: [-20, 30],
  share: [0, 100], per10k: [0, 1000], mbps: [0, 10_000], siteCostWan: [0.01, 100_000], fibreCost: [0, 1e6], takeRatePct: [1, 100],
} as const;

/**
 * The project settings a form stands for, or the first wrong field. Only what differs from the defaults is written as
 * an override, so an unchanged figure keeps citing its source and a changed one cites the project settings. A new
 * baseline threshold applies to every place category too (they share it by default).
 * @example const r = settingsFromForm(settings, form); if ('settings' in r) store.dispatch(updateSettings, r)
 */
export function settingsFromForm(settings: ProjectSettings, form: SettingsForm): { settings: ProjectSettings } | { error: SettingsError } {
  const read = (field: string, text: string, [min, max]: readonly [number, number]): number | SettingsError => {
    const v = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max ? v : { field, min, max };
  };
  const isError = (x: unknown): x is SettingsError => typeof x === 'object';
  const values: Record<string, number> = {};
  const checks: [string, string, readonly [number, number]][] = [
    ['loadFactorPct', form.loadFactorPct, RANGES.loadFactorPct],
    ['locationProbabilityPct', form.locationProbabilityPct, RANGES.locationProbabilityPct],
    ['takeRatePct', form.takeRatePct, RANGES.takeRatePct],
    ['householdSize', form.householdSize, RANGES.householdSize],
    ['baselineRsrpDbm', form.baselineRsrpDbm, RANGES.baselineRsrpDbm],
    ['baselineSinrDb', form.baselineSinrDb, RANGES.baselineSinrDb],
    ...KPI_IDS.map((id): [string, string, readonly [number, number]] => [`kpi.${id}`, form.kpiTargets[id], RANGES[KPI_UNIT[id]]]),
    ...COST_KEYS.map((k): [string, string, readonly [number, number]] => [`cost.${k}`, form.siteCostsWan[k], RANGES.siteCostWan]),
    ...FIBRE_COST_KEYS.map((k): [string, string, readonly [number, number]] => [`fibre.${k}`, form.fibreCosts[k], RANGES.fibreCost]),
  ];
  for (const [field, text, range] of checks) {
    const v = read(field, text, range);
    if (isError(v)) return { error: v };
    values[field] = v;
  }
  if (!BAND_IDS.includes(form.band)) return { error: { field: 'band', min: 0, max: 0 } };
  if (!SPLIT_SCHEMES.includes(form.splitScheme)) return { error: { field: 'splitScheme', min: 0, max: 0 } };

  const defaults = defaultProjectSettings();
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const next: ProjectSettings = {
    ...settings,
    radio: { ...settings.radio, band: form.band, loadFactor: values.loadFactorPct / 100 },
    householdSize: values.householdSize,
  };

  const scoring: ScoringOverrides = { ...((settings.scoring as ScoringOverrides | undefined) ?? {}) };
  const base = DEFAULT_SCORING_SETTINGS.baseline;
  const baselineChanged = !same(values.baselineRsrpDbm, base.rsrpDbm) || !same(values.baselineSinrDb, base.sinrDb);
  if (baselineChanged) {
    scoring.baseline = { rsrpDbm: values.baselineRsrpDbm, sinrDb: values.baselineSinrDb };
    const given = scoring.places ?? {};
    scoring.places = Object.fromEntries(Object.keys(DEFAULT_SCORING_SETTINGS.places).map((c) => [c, { ...given[c as keyof typeof given], rsrpDbm: values.baselineRsrpDbm, sinrDb: values.baselineSinrDb }]));
  } else {
    delete scoring.baseline;
    if (scoring.places) {
      const places = Object.fromEntries(Object.entries(scoring.places).map(([c, p]) => {
        const { rsrpDbm: _r, sinrDb: _s, ...rest } = p ?? {};
        return [c, rest];
      }).filter(([, p]) => Object.keys(p as object).length > 0));
      if (Object.keys(places).length) scoring.places = places;
      else delete scoring.places;
    }
  }
  const kpis: NonNullable<ScoringOverrides['kpis']> = {};
  for (const id of KPI_IDS) {
    const target = KPI_UNIT[id] === 'share' ? values[`kpi.${id}`] / 100 : values[`kpi.${id}`];
    if (!same(target, DEFAULT_SCORING_SETTINGS.kpis[id].target)) kpis[id] = { ...(scoring.kpis?.[id] ?? {}), target };
  }
  if (Object.keys(kpis).length) scoring.kpis = kpis;
  else delete scoring.kpis;
  if (Object.keys(scoring).length) next.scoring = scoring;
  else delete next.scoring;

  const costs: CostSettings = {};
  for (const k of COST_KEYS) {
    const [kind, method] = k.split(':') as [SiteKind, BuildMethod];
    const costCny = Math.round(values[`cost.${k}`] * 1e4);
    if (costCny !== DEFAULT_COST_TABLE[kind][method]!.costCny) {
      const given = (settings.costs as CostSettings | undefined)?.[kind]?.[method];
      costs[kind] = { ...costs[kind], [method]: { ...given, costCny } };
    }
  }
  if (Object.keys(costs).length) next.costs = costs;
  else delete next.costs;

  const probability = values.locationProbabilityPct / 100;
  if (same(probability, DEFAULT_LOCATION_PROBABILITY)) delete next.radio.locationProbability;
  else next.radio.locationProbability = probability;

  const fibre = { ...((settings.fibre as Record<string, unknown> | undefined) ?? {}) };
  const takeRate = values.takeRatePct / 100;
  if (same(takeRate, DEFAULT_FIBRE_SETTINGS.takeRate)) delete fibre.takeRate;
  else fibre.takeRate = takeRate;
  if (form.splitScheme === DEFAULT_FIBRE_SETTINGS.splitScheme) delete fibre.splitScheme;
  else fibre.splitScheme = form.splitScheme;
  const fibreCosts: Partial<Record<FibreCostKey, number>> = {};
  for (const k of FIBRE_COST_KEYS) if (!same(values[`fibre.${k}`], DEFAULT_FIBRE_SETTINGS.costs[k])) fibreCosts[k] = values[`fibre.${k}`];
  if (Object.keys(fibreCosts).length) fibre.costs = fibreCosts;
  else delete fibre.costs;
  if (Object.keys(fibre).length) next.fibre = fibre;
  else delete next.fibre;

  if (same(next.householdSize, defaults.householdSize)) next.householdSize = defaults.householdSize;
  if (same(next.radio.loadFactor, DEFAULT_RADIO_SETTINGS.loadFactor)) next.radio.loadFactor = DEFAULT_RADIO_SETTINGS.loadFactor;
  // the same checks the project file's reader and the fibre analysis make: what passes here saves and reopens
  const checked = projectSettingsSchema.safeParse(next);
  if (!checked.success) return { error: { field: checked.error.issues[0]?.path.join('.') ?? 'settings', min: 0, max: 0 } };
  try {
    resolveFibreSettings(next.fibre);
  } catch {
    return { error: { field: 'fibre', min: 0, max: 0 } };
  }
  return { settings: next };
}
