import { coverageContextFromProject } from '../../core/coverage';
import { PlanEvaluator } from '../../core/evaluation';
import type { Project } from '../../core/model';
import type { FibreKpiInput } from '../../core/scoring';
import { NodeCoveragePool } from '../workers/nodeCoveragePool';

/**
 * Coverage and scores of a project as the app computes them (PlanEvaluator), with the site footprints
 * predicted in a worker_threads pool of `workers` threads (default one per core; 0 = inline).
 */
export async function evaluateProject(
  project: Project,
  options: { workers?: number; fibre?: FibreKpiInput; onProgress?: (fraction: number) => void } = {},
): Promise<PlanEvaluator> {
  const pool = new NodeCoveragePool({ size: options.workers });
  try {
    const ctx = coverageContextFromProject(project);
    const footprints = await pool.predictFootprints(ctx, project.sites, { onProgress: (f) => options.onProgress?.(0.8 * f) });
    return new PlanEvaluator(project, { footprints, fibre: options.fibre, onProgress: (f) => options.onProgress?.(0.8 + 0.2 * f) });
  } finally {
    await pool.close();
  }
}
