// Coverage shard web worker: the plan worker's second thread for edits (SplitCoverageEngine), over comlink.
import * as Comlink from 'comlink';
import { createCoverageShard, type CoverageShardApi } from '../../core/coverage';

const shard = createCoverageShard();
const api: CoverageShardApi & { ping(): true } = {
  init: shard.init,
  setFootprints: shard.setFootprints,
  upsertSite: shard.upsertSite,
  removeSite: shard.removeSite,
  // answers once the worker's script has loaded and run: the plan worker waits for it before relying on the shard
  ping: () => true,
};
Comlink.expose(api);
