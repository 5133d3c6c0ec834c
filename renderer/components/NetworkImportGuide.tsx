import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useProject } from '../appContext';
import { useSelect } from '../state/useStore';

type Template = 'sites' | 'places';

/**
 * Over the map of a county project without sites: the call to import the operator's site list (工参) first, with
 * the site and places templates (geodata/templates: Chinese headers, drop-downs, a 填写说明 sheet) to download.
 * Goes once the project has a site; "Later" hides it for this open project.
 */
export function NetworkImportGuide() {
  const { t } = useTranslation();
  const app = useApp();
  const { session, workspace } = useProject();
  const siteCount = useSelect(session.store, (s) => s.sites.length);
  const [isHidden, setHidden] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // the place editor takes the same corner while a place is drawn or edited
  const isPlaceEditorOpen = useSelect(workspace.ui, (ui) => ui.selectedPlaceId !== null || ui.tool === 'placePoint' || ui.tool === 'placeArea' || ui.tool === 'keyPoint');
  if (siteCount > 0 || isHidden || isPlaceEditorOpen) return null;

  const download = async (which: Template) => {
    try {
      // exceljs is loaded on demand: the templates are written once in a while
      const templates = await import('../../geodata/templates');
      const bytes = which === 'sites' ? await templates.siteTemplateXlsx() : await templates.placeTemplateXlsx();
      const suggestedName = t(which === 'sites' ? 'countyLayers.siteTemplateName' : 'countyLayers.placeTemplateName');
      const saved = await app.host.saveFile({ purpose: 'save-import-template', suggestedName, bytes });
      if (!saved.ok) setMessage(t('countyLayers.templateFailed', { reason: saved.message }));
      else if (saved.value) setMessage(t('countyLayers.templateSaved', { name: saved.value.name }));
    } catch (err) {
      setMessage(t('countyLayers.templateFailed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section className="network-guide" data-testid="network-guide" aria-label={t('countyLayers.importTitle')}>
      <h3>{t('countyLayers.importTitle')}</h3>
      <p title={t('countyLayers.importBody')}>{t('countyLayers.importShort')}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="guide-import" onClick={() => app.session.openDialog('import')}>
          {t('countyLayers.importSites')}
        </button>
        <button type="button" data-testid="guide-site-template" onClick={() => void download('sites')}>
          {t('countyLayers.siteTemplate')}
        </button>
        <button type="button" data-testid="guide-place-template" onClick={() => void download('places')}>
          {t('countyLayers.placeTemplate')}
        </button>
        <button type="button" className="link" onClick={() => setHidden(true)}>
          {t('countyLayers.later')}
        </button>
      </div>
      {message && <p className="muted" role="status" data-testid="guide-message">{message}</p>}
    </section>
  );
}
