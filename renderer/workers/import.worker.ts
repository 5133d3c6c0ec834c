// Import web worker: a thin comlink wrapper over geodata/import (the readers run here, not on the UI thread).
import * as Comlink from 'comlink';
import { createImportWorkerApi } from './importWorkerApi';

Comlink.expose(createImportWorkerApi());
