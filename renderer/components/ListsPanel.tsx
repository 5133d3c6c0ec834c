import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildListRow } from '../../core/buildList';
import { useApp, useProject } from '../appContext';
import type { OpenProject } from '../session/AppSession';
import { sessionBuildList } from '../session/sessionBuildList';
import { useSelect } from '../state/useStore';
import type { ListsTab } from '../workspace/Workspace';
import { BuildListPanel } from './BuildListPanel';
import { GapList } from './GapList';
import { PlaceList } from './PlaceList';
import { SiteList } from './SiteList';
import { Tabs, type TabSpec } from './Tabs';
import { useSiteGains } from './useSiteGains';

/** How long the sites rest before the build list asks what each site adds, ms: a drag would otherwise ask per move. */
const SITE_GAINS_DELAY_MS = 300;
const NO_ROWS: BuildListRow[] = [];

/**
 * The left panel's lists: gaps, places, sites and the build list. A click in one selects the item and moves the
 * map (Workspace.selectGap, selectPlace, focusSite, selectBuildListRow).
 */
export function ListsPanel() {
  const { t } = useTranslation();
  const app = useApp();
  const project = useProject();
  const { session, compute, workspace } = project;
  const { store } = session;
  const tab = useSelect(workspace.ui, (ui) => ui.listsTab);
  const selectedGapId = useSelect(workspace.ui, (ui) => ui.selectedGapId);
  const selectedPlaceId = useSelect(workspace.ui, (ui) => ui.selectedPlaceId);
  const selectedSiteId = useSelect(workspace.ui, (ui) => ui.selectedSiteId);
  const { report, status } = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  const sites = useSelect(store, (s) => s.sites);
  const existingCount = useMemo(() => sites.filter((s) => s.status === 'existing').length, [sites]);
  const placeCount = useSelect(store, (s) => s.places.length);
  const buildList = useBuildList(project, tab === 'buildList');
  const waiting = <p className="muted small">{t(`compute.${status}`)}</p>;
  const tabs: TabSpec[] = [
    {
      id: 'gaps',
      label: t('score.gaps'),
      badge: report?.gaps.length,
      content: report ? <GapList gaps={report.gaps} selectedId={selectedGapId} onSelect={(id) => workspace.selectGap(id)} /> : waiting,
    },
    {
      id: 'places',
      label: t('score.places'),
      badge: placeCount,
      content: report ? <PlaceList places={report.places} selectedId={selectedPlaceId} onSelect={(id) => workspace.selectPlace(id)} /> : waiting,
    },
    { id: 'sites', label: t('plan.sites'), badge: sites.length, content: <SiteList sites={sites} selectedId={selectedSiteId} onSelect={workspace.focusSite} /> },
    {
      id: 'buildList',
      label: t('buildList.tab'),
      badge: tab === 'buildList' ? buildList.length : undefined,
      content: (
        <BuildListPanel
          rows={buildList}
          selectedId={selectedSiteId}
          siteCounts={{ total: sites.length, existing: existingCount }}
          onExport={() => app.session.openDialog('export')}
          onSelect={(row) => workspace.selectBuildListRow(row)}
        />
      ),
    },
  ];
  return <Tabs label={t('plan.listsPanel')} tabs={tabs} active={tab} onChange={(id) => workspace.ui.update({ listsTab: id as ListsTab })} />;
}

/**
 * The build list as the project stands, following every edit of sites and OLTs (undo included) and each new fibre
 * result, with what each planned site adds once the edits rest; built only while its tab is open (`isOpen`): in a
 * large project a rebuild on every drag frame would stall the drag.
 */
function useBuildList({ session, compute }: OpenProject, isOpen: boolean): BuildListRow[] {
  const sites = useSelect(session.store, (s) => s.sites);
  const olts = useSelect(session.store, (s) => s.olts);
  const { fibre } = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  const siteGains = useSiteGains(compute, isOpen ? sites : null, SITE_GAINS_DELAY_MS);
  return useMemo(
    () => (isOpen ? sessionBuildList(session, fibre, siteGains) : NO_ROWS),
    // sites and olts are what sessionBuildList reads through the session's store
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [isOpen, session, sites, olts, fibre, siteGains],
  );
}
