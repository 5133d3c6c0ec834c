import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectContext } from '../appContext';
import type { OpenProject } from '../session/AppSession';
import { useSelect } from '../state/useStore';
import { CalibrationDialog } from './CalibrationDialog';
import { defaultPanelWidths, fitPanelWidths, loadPanelWidths, MIN_PANEL_PX, MIN_MAP_PX, savePanelWidths, type PanelWidths } from '../workspace/panelWidths';
import { DetailsPanel } from './DetailsPanel';
import { KpiStrip } from './KpiStrip';
import { ListsPanel } from './ListsPanel';
import { MapLegendPanel } from './MapLegendPanel';
import { NetworkImportGuide } from './NetworkImportGuide';
import { PlaceEditor } from './PlaceEditor';
import { PanelResizer } from './PanelResizer';
import { PlanMapView } from './PlanMapView';
import { PlanToolbar } from './PlanToolbar';
import { ProjectSettingsDialog } from './ProjectSettingsDialog';
import { ShortcutHelp } from './ShortcutHelp';

/**
 * The planning workspace of one open project, composition only: the toolbar, the lists (left), the map and its
 * legend, the headline KPIs and the details (right), the shortcut help and the project settings screen. The side panels are resized by the
 * handles beside the map, their widths remembered (panelWidths.ts). Each panel reads the stores it needs from the
 * project (ProjectContext); what a click or a key does lives in the project's Workspace (renderer/workspace).
 */
export function PlanWorkspace({ project }: { project: OpenProject }) {
  const { t } = useTranslation();
  const { workspace } = project;
  const isBuildListOpen = useSelect(workspace.ui, (ui) => ui.listsTab === 'buildList');
  const isHelpOpen = useSelect(workspace.ui, (ui) => ui.isHelpOpen);
  const isSettingsOpen = useSelect(workspace.ui, (ui) => ui.isSettingsOpen);
  const isCalibrationOpen = useSelect(project.calibration.store, (c) => c.isOpen);
  const windowPx = useWindowWidth();
  const [dragged, setDragged] = useState<Partial<PanelWidths>>(() => loadPanelWidths());
  const widths: PanelWidths = { ...defaultPanelWidths(windowPx), ...dragged };
  const leftKey = isBuildListOpen ? 'leftBuildList' : 'left';
  const shown = fitPanelWidths({ left: widths[leftKey], right: widths.right }, windowPx);
  const resize = (key: keyof PanelWidths) => (widthPx: number) =>
    setDragged((now) => {
      // a double-click (NaN) forgets the dragged width: the default for the window applies again
      const next = { ...now };
      if (Number.isNaN(widthPx)) delete next[key];
      else next[key] = widthPx;
      savePanelWidths(next);
      return next;
    });
  const maxPx = (other: number) => Math.max(MIN_PANEL_PX, windowPx - other - MIN_MAP_PX);
  const style = { '--left-w': `${shown.left}px`, '--right-w': `${shown.right}px` } as CSSProperties;
  return (
    <ProjectContext.Provider value={project}>
      <div className="plan-workspace">
        <PlanToolbar />
        <div className={isBuildListOpen ? 'plan-body wide-left' : 'plan-body'} style={style}>
          <aside className="plan-left">
            <ListsPanel />
          </aside>
          <PanelResizer side="left" widthPx={shown.left} minPx={MIN_PANEL_PX} maxPx={maxPx(shown.right)} label={t('layout.resizeLists')} onResize={resize(leftKey)} />
          <div className="map-pane">
            <PlanMapView />
            <MapLegendPanel />
            <PlaceEditor />
            <NetworkImportGuide />
          </div>
          <PanelResizer side="right" widthPx={shown.right} minPx={MIN_PANEL_PX} maxPx={maxPx(shown.left)} label={t('layout.resizeDetails')} onResize={resize('right')} />
          <aside className="plan-right">
            <KpiStrip />
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

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
