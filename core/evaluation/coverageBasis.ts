import { landUseSource } from '../coverage/landUseSource';
import type { Project } from '../model/project';
import { DEFAULT_PROPAGATION_MODEL } from '../propagation/defaultModel';
import { DEFAULT_LOCATION_PROBABILITY, shadowMarginDb } from '../propagation/locationProbability';
import { summarisePropagationModel } from '../propagation/propagationModel';
import type { CoverageBasis } from '../scoring/scoringReport';

/**
 * What a project's coverage figures rest on (ScoreReport.basis): settings.radio.locationProbability (default
 * DEFAULT_LOCATION_PROBABILITY, the median), the margin z(p)·σ with the project model's σ, the model in brief
 * and the land-use source.
 * @example coverageBasisOfProject(project).shadowMarginDb
 */
export function coverageBasisOfProject(project: Pick<Project, 'settings' | 'propagationModel' | 'landUse' | 'population'>): CoverageBasis {
  const model = project.propagationModel ?? DEFAULT_PROPAGATION_MODEL;
  const p = project.settings.radio.locationProbability ?? DEFAULT_LOCATION_PROBABILITY;
  return {
    locationProbability: p,
    shadowMarginDb: Math.round(shadowMarginDb(p, model.sigmaDb) * 100) / 100,
    sigmaDb: Math.round(model.sigmaDb * 100) / 100,
    model: summarisePropagationModel(model),
    landUse: landUseSource(project),
  };
}
