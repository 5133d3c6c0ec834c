import { ProjectContext } from '../appContext';
import type { OpenProject } from '../session/AppSession';
import { useSelect } from '../state/useStore';
import { CalibrationDialog } from './CalibrationDialog';
import { DetailsPanel } from './DetailsPanel';
import { ListsPanel } from './ListsPanel';
import { MapLegendPanel } from './MapLegendPanel';
import { NetworkImportGuide } from './NetworkImportGuide';
import { PlaceEditor } from './PlaceEditor';
import { PlanMapView } from './PlanMapView';
import { PlanToolbar } from './PlanToolbar';
import { ProjectSettingsDialog } from './ProjectSettingsDialog';
import { ShortcutHelp } from './ShortcutHelp';

/**
 * The planning workspace of one open project, composition only: the toolbar, the lists (left), the map and its
 * legend, the details (right), the shortcut help and the project settings screen. Each panel reads the stores it needs from the project
 * (ProjectContext); what a click or a key does lives in the project's Workspace (renderer/workspace).
 */
export function PlanWorkspace({ project }: { project: OpenProject }) {
  const { workspace } = project;
  const isBuildListOpen = useSelect(workspace.ui, (ui) => ui.listsTab === 'buildList');
  const isHelpOpen = useSelect(workspace.ui, (ui) => ui.isHelpOpen);
  const isSettingsOpen = useSelect(workspace.ui, (ui) => ui.isSettingsOpen);
  const isCalibrationOpen = useSelect(project.calibration.store, (c) => c.isOpen);
  return (
    <ProjectContext.Provider value={project}>
      <div className="plan-workspace">
        <PlanToolbar />
        <div className={isBuildListOpen ? 'plan-body wide-left' : 'plan-body'}>
          <aside className="plan-left">
            <ListsPanel />
          </aside>
          <div className="map-pane">
            <PlanMapView />
            <MapLegendPanel />
            <PlaceEditor />
            <NetworkImportGuide />
          </div>
          <aside className="plan-right">
            <DetailsPanel />
          </aside>
        </div>
        {isCalibrationOpen && <CalibrationDialog />}
        {isHelpOpen && <ShortcutHelp onClose={() => workspace.ui.update({ isHelpOpen: false })} />}
        {isSettingsOpen && <ProjectSettingsDialog onClose={() => workspace.ui.update({ isSettingsOpen: false })} />}
      </div>
    </ProjectContext.Provider>
  );
}
