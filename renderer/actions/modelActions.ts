import { castDraft } from 'immer';
import type { PropagationModel } from '../../core/propagation';
import type { PlanAction } from '../state/PlanStore';

/** Makes `model` the project's propagation model (a calibration applied): one undo step; coverage recomputes. */
export const setPropagationModel: PlanAction<PropagationModel> = {
  name: 'setPropagationModel',
  perform(draft, model) {
    draft.propagationModel = castDraft(model);
  },
};

/** Back to the default model (the project stores no model then): one undo step; coverage recomputes. */
export const resetPropagationModel: PlanAction<void> = {
  name: 'resetPropagationModel',
  perform(draft) {
    delete draft.propagationModel;
  },
};
