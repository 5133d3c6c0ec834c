// DEM web worker: a thin comlink wrapper over geodata/dem loadDemTiles (tiles decoded and mosaicked here).
import * as Comlink from 'comlink';
import { createDemWorkerApi } from './demWorkerApi';

Comlink.expose(createDemWorkerApi());
