import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useProject } from '../appContext';
import type { PlanTool } from '../map/PlanMap';
import { useSelect } from '../state/useStore';
import { ComputeStatus } from './ComputeStatus';
import { FileActions } from './FileActions';

const TOOLS: readonly { id: PlanTool; labelKey: string }[] = [
  { id: 'select', labelKey: 'plan.toolSelect' },
  { id: 'macro', labelKey: 'plan.toolMacro' },
  { id: 'micro', labelKey: 'plan.toolMicro' },
  { id: 'indoor', labelKey: 'plan.toolIndoor' },
  { id: 'olt', labelKey: 'plan.toolOlt' },
  { id: 'placePoint', labelKey: 'countyLayers.toolPlacePoint' },
  { id: 'placeArea', labelKey: 'countyLayers.toolPlaceArea' },
];

/** The workspace toolbar: the tools, undo and redo (naming the edit), help, the file buttons and the compute status. */
export function PlanToolbar() {
  const { t } = useTranslation();
  const app = useApp();
  const { session, compute, file, workspace } = useProject();
  const { store } = session;
  const tool = useSelect(workspace.ui, (ui) => ui.tool);
  const undoName = useSyncExternalStore(store.subscribe, () => (store.canUndo() ? store.undoName() ?? '' : null));
  const redoName = useSyncExternalStore(store.subscribe, () => (store.canRedo() ? store.redoName() ?? '' : null));
  const fileSnapshot = useSyncExternalStore(file.subscribe, file.getSnapshot);
  // a name with a dot is a whole i18n key (a feature's own actions), else one of actions.*
  const actionLabel = (name: string | null) => (name ? t(name.includes('.') ? name : `actions.${name}`) : t('plan.nothing'));
  return (
    <div className="plan-toolbar" role="toolbar" aria-label={t('plan.tools')}>
      {TOOLS.map((x) => (
        <button key={x.id} type="button" aria-pressed={tool === x.id} data-testid={`tool-${x.id}`} onClick={() => workspace.setTool(x.id)}>
          {t(x.labelKey)}
        </button>
      ))}
      <span className="sep" />
      <button type="button" data-testid="undo" disabled={undoName === null} title={t('plan.undoHint', { name: actionLabel(undoName) })} onClick={() => store.undo()}>
        {t('plan.undo')}
      </button>
      <button type="button" data-testid="redo" disabled={redoName === null} title={t('plan.redoHint', { name: actionLabel(redoName) })} onClick={() => store.redo()}>
        {t('plan.redo')}
      </button>
      <span className="sep" />
      <button type="button" onClick={() => workspace.ui.update({ isHelpOpen: true })}>{t('plan.help')}</button>
      <span className="sep" />
      <FileActions
        file={fileSnapshot}
        onSave={() => void app.session.save(false)}
        onSaveAs={() => void app.session.save(true)}
        onImport={() => app.session.openDialog('import')}
        onExport={() => app.session.openDialog('export')}
      />
      {tool !== 'select' && <span className="hint">{t('plan.placingHint')}</span>}
      <ComputeStatus compute={compute} />
    </div>
  );
}
