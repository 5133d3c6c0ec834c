// Node coverage worker (worker_threads): the same comlink API as renderer/workers/coverage.worker.ts.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createFootprintWorker, footprintBuffers, type FootprintWorkerApi } from '../../core/coverage';

const impl = createFootprintWorker();
const api: FootprintWorkerApi = {
  setContext: impl.setContext,
  predict(sites, options) {
    const footprints = impl.predict(sites, options);
    return Comlink.transfer(footprints, footprintBuffers(footprints));
  },
};
Comlink.expose(api, nodeEndpoint(parentPort!));
