// Export web worker: a thin comlink wrapper over geodata/export (the writers run here, not on the UI thread).
import * as Comlink from 'comlink';
import { configureBundledSqlJs } from '../bundledSqlJs';
import { createExportWorkerApi } from './exportWorkerApi';

configureBundledSqlJs();
Comlink.expose(createExportWorkerApi());
