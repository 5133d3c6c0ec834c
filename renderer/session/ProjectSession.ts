import type { Project } from '../../core/model';
import type { County } from '../../geodata/counties';
import type { PlanState } from '../state/planState';
import { PlanStore } from '../state/PlanStore';

/** The parts of a project the planner does not edit by hand: grid, boundary, rasters, roads. */
export type ProjectBase = Omit<Project, 'sites' | 'places' | 'candidates' | 'olts' | 'name' | 'settings' | 'propagationModel'>;

/**
 * An open project: the static base (large rasters stay out of the undoable store) and the store of the
 * planner's edits. `fileName` is where it was opened from or last saved to, if anywhere.
 */
export interface ProjectSession {
  county: County;
  base: ProjectBase;
  store: PlanStore;
  fileName: string | null;
}

/** Splits a project into its base and a new store holding the editable state. */
export function openSession(project: Project, county: County, fileName: string | null = null): ProjectSession {
  const { sites, places, candidates, olts, name, settings, propagationModel, ...base } = project;
  const state: PlanState = { countyCode: project.countyCode, name, settings, sites, places, candidates, olts, ...(propagationModel ? { propagationModel } : {}) };
  return { county, base, store: new PlanStore(state), fileName };
}

/** The whole project as it stands now (for saving, exporting and workers). */
export function currentProject(session: ProjectSession): Project {
  const s = session.store.getState();
  return {
    ...session.base,
    settings: s.settings,
    name: s.name,
    sites: s.sites,
    places: s.places,
    candidates: s.candidates,
    olts: s.olts,
    ...(s.propagationModel ? { propagationModel: s.propagationModel } : {}),
  };
}
