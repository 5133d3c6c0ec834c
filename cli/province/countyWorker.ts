// County worker (worker_threads, started through cli/workers/boot.mjs): scores whole counties for qcplan province.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import type { CountyJobApi } from './countyPool';
import { scoreCounty } from './scoreCounty';
import type { CountyRequest, CountyResult } from './types';

const api: CountyJobApi<CountyRequest, CountyResult> = { run: (request) => scoreCounty(request) };
Comlink.expose(api, nodeEndpoint(parentPort!));
