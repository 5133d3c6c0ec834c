// Coverage web worker: a thin comlink wrapper; the logic lives in core/coverage (STYLE.md section 3).
import * as Comlink from 'comlink';
import { createFootprintWorker, footprintBuffers, type FootprintWorkerApi } from '../../core/coverage';

const impl = createFootprintWorker();
const api: FootprintWorkerApi = {
  setContext: impl.setContext,
  predict(sites, options) {
    const footprints = impl.predict(sites, options);
    return Comlink.transfer(footprints, footprintBuffers(footprints));
  },
};
Comlink.expose(api);
