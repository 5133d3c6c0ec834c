// Import web worker: a thin comlink wrapper over geodata/import (the readers run here, not on the UI thread).
import * as Comlink from 'comlink';
import { importOfKind } from '../../geodata/import';
import type { ImportWorkerApi } from './importRunner';

const api: ImportWorkerApi = { read: (job, onProgress) => importOfKind(job, onProgress) };
Comlink.expose(api);
