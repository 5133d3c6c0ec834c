import { z } from 'zod';
import { BUILD_METHODS, SITE_KINDS, type BuildMethod, type SiteKind } from '../model/site';
import type { ProjectSettings } from '../model/project';
import { cite } from '../sources/registry';
import { DEFAULT_COST_TABLE, type CostEntry, type CostTable } from './costTable';

const overrideSchema = z.object({
  costCny: z.number().positive().finite(),
  perFloorAreaCnyPerM2: z.number().positive().finite().optional(),
  /** the planner's source of the figure, in their words */
  source: z.string().min(1).optional(),
});

const methodSchema = z.partialRecord(z.enum(BUILD_METHODS as [BuildMethod, ...BuildMethod[]]), overrideSchema);

/** Shape of `Project.settings.costs`: per kind and build method, a planner's cost in CNY (and its source). */
export const costSettingsSchema = z.partialRecord(z.enum(SITE_KINDS as [SiteKind, ...SiteKind[]]), methodSchema);

/** `Project.settings.costs` as the planner edits it. */
export type CostSettings = z.infer<typeof costSettingsSchema>;

/**
 * The project's cost table: DEFAULT_COST_TABLE with the planner's overrides from `settings.costs` laid over
 * it. An overridden entry is no longer an estimate of ours: it cites the project settings, with the planner's
 * own words for its source when given. Throws RangeError naming the bad path when `settings.costs` has the wrong shape.
 * @example costTableFromSettings({ ...s, costs: { micro: { 'smart-pole': { costCny: 60000 } } } }).micro['smart-pole']?.costCny // 60000
 */
export function costTableFromSettings(settings: Pick<ProjectSettings, 'costs'>): CostTable {
  const table: CostTable = { macro: { ...DEFAULT_COST_TABLE.macro }, micro: { ...DEFAULT_COST_TABLE.micro }, indoor: { ...DEFAULT_COST_TABLE.indoor } };
  if (settings.costs === undefined) return table;
  const parsed = costSettingsSchema.safeParse(settings.costs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`settings.costs.${issue.path.join('.')}: ${issue.message}`);
  }
  for (const kind of SITE_KINDS) {
    for (const [method, o] of Object.entries(parsed.data[kind] ?? {}) as [BuildMethod, z.infer<typeof overrideSchema>][]) {
      const base = DEFAULT_COST_TABLE[kind][method];
      const entry: CostEntry = {
        costCny: o.costCny,
        rangeCny: [o.costCny, o.costCny],
        provenance: { cites: [cite('projectSettings')], ...(o.source ? { text: o.source } : {}) },
      };
      const perM2 = o.perFloorAreaCnyPerM2 ?? (kind === 'indoor' ? base?.perFloorAreaCnyPerM2 : undefined);
      if (perM2 !== undefined) entry.perFloorAreaCnyPerM2 = perM2;
      table[kind][method] = entry;
    }
  }
  return table;
}
