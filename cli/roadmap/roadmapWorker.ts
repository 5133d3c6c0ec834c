// Roadmap worker (worker_threads, started through cli/workers/boot.mjs): plans and writes whole counties for qcplan roadmap.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import type { CountyJobApi } from '../province/countyPool';
import { roadmapCounty } from './roadmapCounty';
import type { RoadmapCountyOutcome, RoadmapRequest } from './types';

const api: CountyJobApi<RoadmapRequest, RoadmapCountyOutcome> = { run: (request) => roadmapCounty(request) };
Comlink.expose(api, nodeEndpoint(parentPort!));
