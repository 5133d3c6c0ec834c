import type { ProgressFn } from '../cancel';
import type { Project } from '../model/project';
import { suggestForProject, type ProjectSuggestion, type SuggestForProjectOptions } from './suggestForProject';

/** The plain-data options of a worker run: no functions (they do not cross a worker boundary). */
export type SuggestRunOptions = Omit<SuggestForProjectOptions, 'predict' | 'cancel' | 'onProgress' | 'highsLocateFile' | 'clockMs'>;

/** What the app's suggestion worker does: one whole suggestion run (suggestForProject) per call. */
export interface SuggestWorkerApi {
  run(project: Project, options: SuggestRunOptions, onProgress?: ProgressFn): Promise<ProjectSuggestion>;
}

/**
 * The suggestion worker's implementation, for a thin comlink wrapper (renderer/workers/suggest.worker.ts):
 * runs suggestForProject with footprints predicted in the worker's own thread, and HiGHS loaded from
 * `highsWasmUrl` (a browser asset URL; Node finds the wasm beside the package). Cancel by terminating the
 * worker (SuggestRunner does): a run's loops are synchronous, so a cancel message would wait for them.
 * @example Comlink.expose(createSuggestWorker({ highsWasmUrl }))
 */
export function createSuggestWorker(env: { highsWasmUrl?: string } = {}): SuggestWorkerApi {
  const { highsWasmUrl } = env;
  const highsLocateFile = highsWasmUrl ? (file: string) => (file.endsWith('.wasm') ? highsWasmUrl : file) : undefined;
  return {
    run(project, options, onProgress) {
      return suggestForProject(project, { ...options, highsLocateFile, onProgress: onProgress ? (f) => void onProgress(f) : undefined });
    },
  };
}
