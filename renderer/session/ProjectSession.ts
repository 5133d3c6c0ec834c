import type { GridLayer, Project } from '../../core/model';
import type { County } from '../../geodata/counties';
import type { PlanState } from '../state/planState';
import { PlanStore } from '../state/PlanStore';

/** The parts of a project the planner does not edit by hand: grid, boundary, population and land-use rasters, roads. */
export type ProjectBase = Omit<Project, 'sites' | 'places' | 'candidates' | 'olts' | 'name' | 'settings' | 'propagationModel' | 'terrain'>;

/**
 * An open project: the static base (large rasters stay out of the undoable store), the store of the planner's
 * edits and the terrains the store refers to by id (the one opened and every DEM loaded since: undo and redo go
 * back and forth between them). `fileName` is where it was opened from or last saved to, if anywhere.
 */
export interface ProjectSession {
  county: County;
  base: ProjectBase;
  store: PlanStore;
  terrains: Map<string, GridLayer>;
  fileName: string | null;
}

/** The terrain id of the project as opened. */
const OPENED_TERRAIN_ID = 'opened';

/** Splits a project into its base and a new store holding the editable state. */
export function openSession(project: Project, county: County, fileName: string | null = null): ProjectSession {
  const { sites, places, candidates, olts, name, settings, propagationModel, terrain, ...base } = project;
  const terrains = new Map<string, GridLayer>(terrain ? [[OPENED_TERRAIN_ID, terrain]] : []);
  const state: PlanState = {
    countyCode: project.countyCode, name, settings, sites, places, candidates, olts,
    ...(propagationModel ? { propagationModel } : {}),
    ...(terrain ? { terrainId: OPENED_TERRAIN_ID } : {}),
  };
  return { county, base, store: new PlanStore(state), terrains, fileName };
}

/** The session's terrain as the store stands (undo may have gone back to an earlier one); undefined: flat ground. */
export function currentTerrain(session: ProjectSession): GridLayer | undefined {
  const id = session.store.getState().terrainId;
  return id === undefined ? undefined : session.terrains.get(id);
}

/**
 * Keeps `terrain` in the session's cache under a new id and returns the id (for the setTerrain edit).
 * @example session.store.dispatch(setTerrain, addTerrain(session, loaded))
 */
export function addTerrain(session: ProjectSession, terrain: GridLayer): string {
  const id = `dem-${session.terrains.size + 1}`;
  session.terrains.set(id, terrain);
  return id;
}

/** The whole project as it stands now (for saving, exporting and workers). */
export function currentProject(session: ProjectSession): Project {
  const s = session.store.getState();
  const terrain = currentTerrain(session);
  return {
    ...session.base,
    settings: s.settings,
    name: s.name,
    sites: s.sites,
    places: s.places,
    candidates: s.candidates,
    olts: s.olts,
    ...(s.propagationModel ? { propagationModel: s.propagationModel } : {}),
    ...(terrain ? { terrain } : {}),
  };
}
