import * as Comlink from 'comlink';
import type { CoverageShardApi } from '../../core/coverage';
import type { SecondThread } from '../../core/evaluation';

/** How long the shard worker may take to load before edits stay on one thread, ms. */
const SHARD_START_TIMEOUT_MS = 15_000;

/**
 * The plan worker's second thread for edits: a coverage shard worker, when this page is cross-origin isolated (the
 * only way to SharedArrayBuffer: COOP same-origin + COEP require-corp, sent by scripts/web.mjs's server and the
 * desktop app's app:// handler) and the machine has two cores or more; else the reason for one thread. A shard that
 * does not load (an error, or no answer in SHARD_START_TIMEOUT_MS) is terminated and reported as 'shard-failed'.
 * @example const w = createPlanWorker({ secondThread: () => startSecondThread(self) });
 */
export async function startSecondThread(scope: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } }): Promise<SecondThread> {
  if (scope.crossOriginIsolated !== true || typeof SharedArrayBuffer === 'undefined') return { reason: 'not-isolated' };
  if ((scope.navigator?.hardwareConcurrency ?? 1) < 2) return { reason: 'one-core' };
  const worker = new Worker(new URL('./coverageShard.worker.ts', import.meta.url), { type: 'module' });
  const shard = Comlink.wrap<CoverageShardApi & { ping(): true }>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`the shard worker did not load: ${e.message || 'error'}`)));
    timer = setTimeout(() => reject(new Error(`the shard worker did not answer within ${SHARD_START_TIMEOUT_MS} ms`)), SHARD_START_TIMEOUT_MS);
  });
  try {
    await Promise.race([shard.ping(), failed]);
    return { shard };
  } catch (err) {
    worker.terminate();
    return { reason: 'shard-failed', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
