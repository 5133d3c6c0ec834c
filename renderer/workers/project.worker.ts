// Project web worker: a thin comlink wrapper over geodata/project (sql.js parses the file here, not on the UI thread).
import * as Comlink from 'comlink';
import { configureBundledSqlJs } from '../bundledSqlJs';
import { createProjectWorkerApi } from './projectWorkerApi';

configureBundledSqlJs();
Comlink.expose(createProjectWorkerApi());
