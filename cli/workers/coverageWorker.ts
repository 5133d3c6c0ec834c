// Node coverage worker (worker_threads): the same comlink API as renderer/workers/coverage.worker.ts.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createFootprintWorker, footprintBuffers, type FootprintWorkerApi } from '../../core/coverage';

const impl = createFootprintWorker();
const api: FootprintWorkerApi = {
  setContext: impl.setContext,
  predict(sites) {
    const footprints = impl.predict(sites);
    return Comlink.transfer(footprints, footprintBuffers(footprints));
  },
  predictOctants(site, octants) {
    const footprint = impl.predictOctants(site, octants);
    return Comlink.transfer(footprint, footprintBuffers([footprint]));
  },
};
Comlink.expose(api, nodeEndpoint(parentPort!));
