// Coverage web worker: a thin comlink wrapper; the logic lives in core/coverage (STYLE.md section 3).
import * as Comlink from 'comlink';
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
Comlink.expose(api);
