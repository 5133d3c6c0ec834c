import i18next from 'i18next';
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
import { ProjectRunner } from './workers/projectRunner';
import { CoveragePool } from './workers/pool';

/** The sample project's bytes, from the bundle. */
async function loadSample(): Promise<Uint8Array> {
  const response = await fetch(sampleUrl);
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
  const session = new AppSession({
    host,
    tracker,
    t: (key, options) => i18next.t(key, options),
    readProject: (bytes, options) => projectRunner.run(bytes, options),
    loadSample,
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
