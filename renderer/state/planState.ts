import { defaultProjectSettings, type Olt, type Place, type ProjectSettings, type Site } from '../../core/model';
import type { PropagationModel } from '../../core/propagation';

/**
 * The planner's editable state: plain serialisable data (it is saved, diffed for undo, and sent to
 * workers). Rasters never live here: they stay in the session's base and in result caches keyed by id
 * (STYLE.md section 5).
 */
export interface PlanState {
  /** GB/T 2260 code of the county being planned, null on the start screen */
  countyCode: string | null;
  /** project name shown in the title and used for file names */
  name: string;
  /** the project settings (band, thresholds, targets, costs, fibre): edited on the settings screen, undoable */
  settings: ProjectSettings;
  sites: Site[];
  places: Place[];
  /** candidate locations for new sites (towers to share, poles, rooftops) */
  candidates: Site[];
  /** fibre: OLTs / central offices */
  olts: Olt[];
  /**
   * the project's propagation model (absent: DEFAULT_PROPAGATION_MODEL): here, not in the session's base, so
   * applying a calibration or resetting to the default is one undoable edit saved with the project
   */
  propagationModel?: PropagationModel;
  /**
   * the id of the project's terrain in the session's raster cache (ProjectSession.terrains; absent: flat ground):
   * the raster stays out of the store, its id here makes loading a DEM one undoable edit saved with the project
   */
  terrainId?: string;
}

export const EMPTY_PLAN: PlanState = {
  countyCode: null,
  name: '',
  settings: defaultProjectSettings(),
  sites: [],
  places: [],
  candidates: [],
  olts: [],
};
