import type { Draft } from 'immer';
import type { ProjectSettings } from '../../core/model';
import type { PlanAction } from '../state/PlanStore';

/**
 * Replaces the project settings with an edited copy from the settings screen (checked there by settingsFromForm):
 * one named undo step; the coverage, scores and fibre analysis recompute because the settings changed (PlanCompute).
 */
export const updateSettings: PlanAction<{ settings: ProjectSettings }> = {
  name: 'updateSettings',
  perform(draft, { settings }) {
    draft.settings = settings as Draft<ProjectSettings>;
  },
};
