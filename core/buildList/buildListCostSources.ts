import { costTableFromSettings } from '../costs';
import { FIBRE_SETTINGS_PROVENANCE, resolveFibreSettings } from '../ftth/fibreSettings';
import type { Project } from '../model/project';
import type { BuildMethod, SiteKind } from '../model/site';
import type { FigureProvenance } from '../sources/registry';
import type { BuildListRowMethod, BuildListRowType } from './buildListRow';

/** One unit cost a build list prices rows with: what it prices, its value and where it comes from. */
export interface BuildListCostSource {
  type: BuildListRowType | 'odnUrban' | 'odnRural';
  method?: BuildListRowMethod;
  /** CNY per site, per port or per home */
  unitCny: number;
  provenance: FigureProvenance;
}

/**
 * The unit costs behind a project's build list, for the deliverables' notes: every site kind and build method of
 * the project's cost table (planner overrides included), the 10G-PON port and the ODN per home of its fibre
 * settings, each with its provenance.
 * @example buildListCostSources(project).filter((s) => s.provenance.isEstimate).length
 */
export function buildListCostSources(project: Pick<Project, 'settings'>): BuildListCostSource[] {
  const table = costTableFromSettings({ costs: project.settings.costs });
  const out: BuildListCostSource[] = [];
  for (const kind of Object.keys(table) as SiteKind[]) {
    for (const [method, entry] of Object.entries(table[kind]) as [BuildMethod, NonNullable<(typeof table)[SiteKind][BuildMethod]>][]) {
      out.push({ type: kind, method, unitCny: entry.costCny, provenance: entry.provenance });
    }
  }
  const fibre = resolveFibreSettings(project.settings.fibre);
  const given = (project.settings.fibre as { costs?: Record<string, unknown> } | undefined)?.costs ?? {};
  const fibreProvenance = (key: keyof typeof FIBRE_SETTINGS_PROVENANCE): FigureProvenance =>
    key in given ? { cites: [{ source: 'projectSettings' }] } : FIBRE_SETTINGS_PROVENANCE[key];
  out.push({ type: 'xgs_line_card', unitCny: fibre.costs.xgsPonPortCny, provenance: fibreProvenance('xgsPonPortCny') });
  out.push({ type: 'odnUrban', unitCny: fibre.costs.odnUrbanPerHomeCny, provenance: fibreProvenance('odnUrbanPerHomeCny') });
  out.push({ type: 'odnRural', unitCny: fibre.costs.odnRuralPerHomeCny, provenance: fibreProvenance('odnRuralPerHomeCny') });
  return out;
}
