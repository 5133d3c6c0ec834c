import { useEffect } from 'react';
import { AppContext, type AppServices } from './appContext';
import { AppHeader } from './components/AppHeader';
import { PlanWorkspace } from './components/PlanWorkspace';
import { ProjectDialogs } from './components/ProjectDialogs';
import { StartScreen } from './components/StartScreen';
import { StatusBar } from './components/StatusBar';
import { TaskBar } from './components/TaskBar';
import { listenForShortcuts } from './keyboard/listenForShortcuts';
import { useSelect } from './state/useStore';

/**
 * The app shell, composition only: the header, then the start screen or the open project's workspace and its
 * file dialogs, the task bar and the status bar. What they do lives in the services (createAppServices): file
 * operations in AppSession, the workspace's in Workspace, shortcuts in keyboard/.
 */
export function App({ app }: { app: AppServices }) {
  const project = useSelect(app.session, (s) => s.project);
  useEffect(() => listenForShortcuts(window, app.session), [app]);
  return (
    <AppContext.Provider value={app}>
      <div className="app" data-host={app.host.kind}>
        <AppHeader />
        {project ? (
          <main className="workspace-plan">
            <PlanWorkspace key={project.file.projectKey} project={project} />
            <ProjectDialogs project={project} />
          </main>
        ) : (
          <StartScreen />
        )}
        <TaskBar tracker={app.tracker} />
        <StatusBar />
      </div>
    </AppContext.Provider>
  );
}
