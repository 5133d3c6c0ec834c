import i18next from 'i18next';
import populationUrl from '../geodata/defaults/gpw_v4_11_popdensity_2020_guizhou_1km.tif?url';
import terrainUrl from '../geodata/defaults/guizhou_srtm30plus_2km.tif?url';
import sampleUrl from '../samples/renhuai.gpkg?url';
import type { AppServices } from './appContext';
import type { Host } from './host';
import { MapCommands } from './map/MapCommands';
import { AppSession } from './session/AppSession';
import { PlanCompute } from './session/PlanCompute';
import { SnapshotStore } from './state/SnapshotStore';
import { TaskTracker } from './tasks/TaskTracker';
import { ExportRunner } from './workers/exportRunner';
import { ImportRunner } from './workers/importRunner';
import { DemRunner } from './workers/demRunner';
import { NewCountyRunner } from './workers/newCountyRunner';
import { ProjectRunner } from './workers/projectRunner';
import { CoveragePool } from './workers/pool';

/** A bundled file's bytes (the sample project, the shipped default rasters). */
async function loadBundled(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Makes the page's services once, before React renders: the coverage worker pool (one worker per core but one, the
 * UI thread keeps a core; at least one), the import, export and project-file runners, the task tracker and the app
 * session. Made outside React on purpose: a pool made during a render React throws away would leave its comlink
 * proxies to the garbage collector, which closes the workers' ends (comlink 4.4 FinalizationRegistry).
 */
export function createAppServices(host: Host): AppServices {
  const tracker = new TaskTracker();
  const pool = new CoveragePool({ size: Math.max(1, (navigator.hardwareConcurrency || 2) - 1) });
  const projectRunner = new ProjectRunner();
  const newCountyRunner = new NewCountyRunner();
  const demRunner = new DemRunner();
  const session = new AppSession({
    host,
    tracker,
    t: (key, options) => i18next.t(key, options),
    readProject: (bytes, options) => projectRunner.run(bytes, options),
    loadSample: () => loadBundled(sampleUrl),
    loadDem: (job, options) => demRunner.run(job, options),
    newCounty: async (countyCode, cellSizeM, options) => {
      // fetched per new project (0.9 MB from the bundle) and transferred to the worker, which decodes them
      const [populationBytes, terrainBytes] = await Promise.all([loadBundled(populationUrl), loadBundled(terrainUrl)]);
      return newCountyRunner.run({ countyCode, cellSizeM, populationBytes, terrainBytes }, options);
    },
    createCompute: (s) => new PlanCompute(s, pool, tracker),
  });
  return {
    host,
    session,
    tracker,
    importRunner: new ImportRunner(),
    exportRunner: new ExportRunner(),
    startMap: new MapCommands(),
    cursor: new SnapshotStore<{ lonLat: [number, number] | null }>({ lonLat: null }),
  };
}
