import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveScoringSettings } from '../../core/scoring';
import { updateSector, updateSite } from '../actions/siteActions';
import { acceptedSuggestionIds } from '../actions/suggestActions';
import { useApp, useProject } from '../appContext';
import { useSelect } from '../state/useStore';
import type { DetailsTab } from '../workspace/Workspace';
import { CapacityPanel } from './CapacityPanel';
import { CountyReportButton } from './CountyReportButton';
import { FibreNotReady } from './FibreNotReady';
import { FibrePanel } from './FibrePanel';
import { KpiDashboard } from './KpiDashboard';
import { ModelPanel } from './ModelPanel';
import { RsrpHistogramChart } from './RsrpHistogramChart';
import { SiteEditor } from './SiteEditor';
import { SuggestPanel } from './SuggestPanel';
import { Tabs, type TabSpec } from './Tabs';

/** The suggestion budget the panel starts with, CNY (200 万元: a few sites; the planner edits it). */
const DEFAULT_SUGGEST_BUDGET_CNY = 2e6;

/** The right panel's details: KPIs (report, dashboard, histogram), fibre, site suggestion and the selected site's editor. */
export function DetailsPanel() {
  const { t } = useTranslation();
  const app = useApp();
  const { host } = app;
  const { session, compute, workspace } = useProject();
  const { store, base } = session;
  const tab = useSelect(workspace.ui, (ui) => ui.detailsTab);
  const selectedId = useSelect(workspace.ui, (ui) => ui.selectedSiteId);
  const selectedPlaceId = useSelect(workspace.ui, (ui) => ui.selectedPlaceId);
  const selected = useSelect(store, (s) => s.sites.find((x) => x.id === selectedId) ?? null);
  const sites = useSelect(store, (s) => s.sites);
  const snapshot = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  const suggestion = useSyncExternalStore(compute.suggest.subscribe, compute.suggest.getSnapshot);
  const settings = useSelect(store, (s) => s.settings);
  const thresholdDbm = useMemo(() => resolveScoringSettings(settings).baseline.rsrpDbm, [settings]);
  const acceptedIds = useMemo(() => acceptedSuggestionIds({ sites }), [sites]);
  const suggested = suggestion.last;
  const candidateNames = useMemo(() => Object.fromEntries((suggested?.chosenSites ?? []).map((s) => [s.id, s.name])), [suggested]);
  const { report, status } = snapshot;
  const waiting = <p className="muted small">{t(`compute.${status}`)}</p>;
  const tabs: TabSpec[] = [
    {
      id: 'kpi',
      label: t('score.kpis'),
      content: report ? (
        <>
          <CountyReportButton session={session} compute={compute} host={host} />
          <KpiDashboard kpis={report.kpis} />
          {report.capacity && (
            <CapacityPanel
              capacity={report.capacity}
              siteId={selectedId}
              siteName={selected?.name ?? null}
              placeId={selectedPlaceId}
              sectorLoad={compute.rasters.sectorLoad}
              cellIds={compute.rasters.cellIds}
            />
          )}
          <RsrpHistogramChart base={base} compute={compute} thresholdDbm={thresholdDbm} />
        </>
      ) : waiting,
    },
    {
      id: 'fibre',
      label: t('fibre.heading'),
      content: snapshot.fibre ? (
        <FibrePanel result={snapshot.fibre} upgrades={snapshot.fibre.upgrades} />
      ) : (
        <FibreNotReady
          code={snapshot.fibreCode}
          message={snapshot.fibreMessage}
          status={t(`compute.${status}`)}
          onImportOlts={() => app.session.openDialog('import')}
          onPlaceOlt={() => workspace.setTool('olt')}
        />
      ),
    },
    {
      id: 'suggest',
      label: t('suggest.tab'),
      badge: suggested ? suggested.result.sites.length : undefined,
      content: (
        <>
          <SuggestPanel
            budgetCny={suggestion.request?.budgetCny ?? DEFAULT_SUGGEST_BUDGET_CNY}
            result={suggested?.result}
            progress={suggestion.progress}
            candidateNames={candidateNames}
            acceptedIds={acceptedIds}
            onRun={(request) => void compute.suggest.run(request)}
            onAccept={(ids) => compute.suggest.accept(ids)}
          />
          {suggestion.error && <p role="alert" className="warning">{t('suggest.failed', { reason: suggestion.error })}</p>}
        </>
      ),
    },
    {
      id: 'site',
      label: t('site.heading'),
      content: selected ? (
        <SiteEditor
          // one editor per site: a half-typed value (and its error) stays with the site it was typed on
          key={selected.id}
          site={selected}
          onChange={(changes) => store.dispatch(updateSite, { siteId: selected.id, changes })}
          onSectorChange={(sectorId, changes) => store.dispatch(updateSector, { siteId: selected.id, sectorId, changes })}
          onRotate={(deltaDeg) => workspace.rotateSelected(deltaDeg)}
          onCopy={() => workspace.copySelected()}
          onDelete={() => workspace.deleteSelected()}
        />
      ) : (
        <p className="muted small">{t('plan.selectHint')}</p>
      ),
    },
    { id: 'model', label: t('calibration.tab'), content: <ModelPanel /> },
  ];
  return <Tabs label={t('plan.detailsPanel')} tabs={tabs} active={tab} onChange={(id) => workspace.ui.update({ detailsTab: id as DetailsTab })} />;
}
