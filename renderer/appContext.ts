import { createContext, useContext } from 'react';
import type { Host } from './host';
import type { MapCommands } from './map/MapCommands';
import type { AppSession, OpenProject } from './session/AppSession';
import type { SnapshotStore } from './state/SnapshotStore';
import type { TaskTracker } from './tasks/TaskTracker';
import type { ExportRunner } from './workers/exportRunner';
import type { ImportRunner } from './workers/importRunner';

/** The page's long-lived objects (createAppServices), made once outside React and handed down by context. */
export interface AppServices {
  host: Host;
  /** open, save, close, import: the app's file operations and the open project */
  session: AppSession;
  /** the running tasks the task bar shows */
  tracker: TaskTracker;
  /** reads import files in a web worker */
  importRunner: ImportRunner;
  /** writes build-list exports in a web worker */
  exportRunner: ExportRunner;
  /** commands to the start screen's county map */
  startMap: MapCommands;
  /** the pointer's position over whichever map shows, for the status bar */
  cursor: SnapshotStore<{ lonLat: [number, number] | null }>;
}

export const AppContext = createContext<AppServices | null>(null);
/** The open project of the planning workspace below it. */
export const ProjectContext = createContext<OpenProject | null>(null);

/** The page's services; only under <App>. */
export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <App>');
  return app;
}

/** The open project (session, compute, file, workspace); only under <PlanWorkspace>. */
export function useProject(): OpenProject {
  const project = useContext(ProjectContext);
  if (!project) throw new Error('useProject outside <PlanWorkspace>');
  return project;
}
