import * as Comlink from 'comlink';
import type { WorkerLike } from '../../../renderer/workers/oneShotWorker';

/**
 * A stand-in worker factory: each call exposes `makeApi()` over a fresh MessageChannel in this thread (so
 * arguments and answers are structured-cloned and transferred as with a real worker) and logs 'created'
 * and 'terminated' into `log`.
 * @example new ExportRunner({ createWorker: fakeWorker(createExportWorkerApi, log) })
 */
export function fakeWorker<Api extends object>(makeApi: () => Api, log: string[]): () => WorkerLike {
  return () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(makeApi(), port1 as unknown as Comlink.Endpoint);
    log.push('created');
    return Object.assign(port2 as unknown as Comlink.Endpoint, {
      terminate() {
        log.push('terminated');
        port1.close();
        port2.close();
      },
    });
  };
}
