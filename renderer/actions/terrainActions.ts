import type { PlanAction } from '../state/PlanStore';

/**
 * Makes the terrain kept under `terrainId` (ProjectSession.addTerrain) the project's: a DEM loaded is one undo
 * step; the coverage recomputes over it (PlanCompute follows the store's terrain id).
 */
export const setTerrain: PlanAction<string> = {
  name: 'setTerrain',
  perform(draft, terrainId) {
    draft.terrainId = terrainId;
  },
};
