// Node coverage shard (worker_threads): the second thread of a SplitCoverageEngine, over comlink.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createCoverageShard, type CoverageShardApi } from '../../core/coverage';

const shard = createCoverageShard();
const api: CoverageShardApi = {
  init: shard.init,
  setFootprints: shard.setFootprints,
  upsertSite: shard.upsertSite,
  removeSite: shard.removeSite,
};
Comlink.expose(api, nodeEndpoint(parentPort!));
