// Plan web worker: a thin comlink wrapper over core/evaluation (coverage engine + scoring of one project).
import * as Comlink from 'comlink';
import { createPlanWorker, loadRasterBuffers, planResultBuffers, type PlanWorkerApi } from '../../core/evaluation';

const impl = createPlanWorker();
const api: PlanWorkerApi = {
  open(project, footprints, options) {
    const r = impl.open(project, footprints, options);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  applyEdits(edits) {
    const r = impl.applyEdits(edits);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  setOlts(olts) {
    const r = impl.setOlts(olts);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  report: impl.report,
  loadRaster() {
    const r = impl.loadRaster();
    return Comlink.transfer(r, loadRasterBuffers(r));
  },
  siteGains: impl.siteGains,
  close: impl.close,
};
Comlink.expose(api);
