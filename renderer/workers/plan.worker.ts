// Plan web worker: a thin comlink wrapper over core/evaluation (coverage engine + scoring of one project); edits
// on two threads with a coverage shard worker where the page is cross-origin isolated (secondThread.ts).
import * as Comlink from 'comlink';
import { createPlanWorker, loadRasterBuffers, planResultBuffers, type PlanWorkerApi } from '../../core/evaluation';
import { startSecondThread } from './secondThread';

const impl = createPlanWorker({ secondThread: () => startSecondThread(self), now: () => performance.now() });
const api: PlanWorkerApi = {
  async open(project, footprints, options) {
    const r = await impl.open(project, footprints, options);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  async applyEdits(edits) {
    const r = await impl.applyEdits(edits);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  async setOlts(olts) {
    const r = await impl.setOlts(olts);
    return Comlink.transfer(r, planResultBuffers(r));
  },
  report: impl.report,
  async loadRaster() {
    const r = await impl.loadRaster();
    return Comlink.transfer(r, loadRasterBuffers(r));
  },
  siteGains: impl.siteGains,
  close: impl.close,
};
Comlink.expose(api);
