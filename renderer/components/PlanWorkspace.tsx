import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSiteId } from '../../core/model';
import { resolveScoringSettings } from '../../core/scoring';
import { addOlt, nextOltId } from '../actions/oltActions';
import { addSite, copySite, deleteSite, moveSite, rotateSite, updateSector, updateSite } from '../actions/siteActions';
import { acceptedSuggestionIds } from '../actions/suggestActions';
import { commandFor } from '../keyboard/shortcuts';
import type { Host } from '../host';
import type { PlanTool } from '../map/PlanMap';
import type { PlaceStatus } from '../map/PlaceLayer';
import { RSRP_PALETTE, SINR_PALETTE, THROUGHPUT_PALETTE } from '../map/palettes';
import type { PlanCompute } from '../session/PlanCompute';
import type { ProjectSession } from '../session/ProjectSession';
import { gapBounds, placeBounds } from '../session/bounds';
import { ComputeStatus } from './ComputeStatus';
import { sessionBuildList } from '../session/sessionBuildList';
import { BuildListPanel } from './BuildListPanel';
import { CountyReportButton } from './CountyReportButton';
import { FibrePanel } from './FibrePanel';
import { GapList } from './GapList';
import { KpiDashboard } from './KpiDashboard';
import { readMbtiles, type MbtilesReader } from '../../geodata/import';
import { Legend } from './Legend';
import { PlaceList } from './PlaceList';
import { PlanMapView } from './PlanMapView';
import { RsrpHistogramChart } from './RsrpHistogramChart';
import { ShortcutHelp } from './ShortcutHelp';
import { SiteEditor } from './SiteEditor';
import { SiteList } from './SiteList';
import { SuggestPanel } from './SuggestPanel';
import { Tabs, type TabSpec } from './Tabs';
import { useSiteGains } from './useSiteGains';

export type CoverageKind = 'rsrp' | 'sinr' | 'throughput' | 'none';

interface Props {
  session: ProjectSession;
  compute: PlanCompute;
  /** saves the county report (desktop: a dialog; browser: a download) */
  host: Host;
  onCursor(lonLat: [number, number] | null): void;
  /** the file buttons (save, import, export) the app puts into the toolbar */
  fileActions?: ReactNode;
  /** opens the build-list export dialog (the build-list tab's button) */
  onExport?(): void;
}

const NO_STATUSES: ReadonlyMap<string, PlaceStatus> = new Map();
const NO_GAPS: never[] = [];

/** The suggestion budget the panel starts with, CNY (200 万元: a few sites; the planner edits it). */
const DEFAULT_SUGGEST_BUDGET_CNY = 2e6;

/** Half the side of the box a build-list row zooms to, degrees (~500 m: the site and its surroundings). */
const ROW_ZOOM_HALF_DEG = 0.005;

/** Offset for copies, so a copy lands beside its original rather than on top (~110 m). */
const COPY_OFFSET_DEG = 0.001;

/** How long the sites rest before the build list asks what each site adds, ms: a drag would otherwise ask per move. */
const SITE_GAINS_DELAY_MS = 300;

/** The planning workspace of one county: tools, site list, the map, and the selected site's editor. */
export function PlanWorkspace({ session, compute, host, onCursor, fileActions, onExport }: Props) {
  const { store, county, base } = session;
  const snapshot = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  const [coverageKind, setCoverageKind] = useState<CoverageKind>('rsrp');
  const [coverageOpacity, setCoverageOpacity] = useState(0.7);
  const [baseMap, setBaseMap] = useState<MbtilesReader | null>(null);
  const [baseMapError, setBaseMapError] = useState<string | null>(null);
  const openBaseMap = async () => {
    const picked = await host.openFile({ purpose: 'open-base-map' });
    if (!picked.ok) return setBaseMapError(picked.message);
    if (!picked.value) return;
    const reader = await readMbtiles(picked.value.bytes);
    if (!reader.ok) return setBaseMapError(t('baseMap.failed', { name: picked.value.name, reason: reader.message }));
    if ((reader.value.metadata.format ?? '').toLowerCase() === 'pbf') {
      reader.value.close();
      return setBaseMapError(t('baseMap.vector', { name: picked.value.name }));
    }
    setBaseMapError(null);
    setBaseMap((old) => {
      old?.close();
      return reader.value;
    });
  };
  const coverage = useMemo(() => {
    switch (coverageKind) {
      case 'rsrp': return { values: compute.rasters.rsrpDbm, palette: RSRP_PALETTE };
      case 'sinr': return { values: compute.rasters.sinrDb, palette: SINR_PALETTE };
      case 'throughput': return { values: compute.rasters.dlThroughputMbps, palette: THROUGHPUT_PALETTE };
      default: return null;
    }
  }, [compute, coverageKind]);
  const { t } = useTranslation();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tool, setTool] = useState<PlanTool>('select');
  const [focusRequest, setFocusRequest] = useState(0);
  const [showHelp, setShowHelp] = useState(false);
  const [leftTab, setLeftTab] = useState('sites');
  const [rightTab, setRightTab] = useState('kpi');
  const [selectedPlaceId, setSelectedPlaceId] = useState<string | null>(null);
  const [selectedGapId, setSelectedGapId] = useState<number | null>(null);
  const [fitRequest, setFitRequest] = useState<{ bounds: [number, number, number, number]; n: number } | null>(null);
  const report = snapshot.report;
  const thresholdDbm = useMemo(() => resolveScoringSettings(base.settings).baseline.rsrpDbm, [base]);
  const placeStatuses = useMemo<ReadonlyMap<string, PlaceStatus>>(
    () => (report ? new Map(report.places.map((p) => [p.id, p.isMet ? 'met' : p.coveredShare > 0 ? 'partial' : 'missed'])) : NO_STATUSES),
    [report],
  );
  const fitTo = (bounds: [number, number, number, number]) => setFitRequest((r) => ({ bounds, n: (r?.n ?? 0) + 1 }));
  const selectPlace = (id: string) => {
    setSelectedPlaceId(id);
    setLeftTab('places');
    const place = state.places.find((p) => p.id === id);
    if (place) fitTo(placeBounds(place));
  };
  const selectGap = (id: number) => {
    setSelectedGapId(id);
    setLeftTab('gaps');
    const gap = report?.gaps.find((g) => g.id === id);
    if (gap) fitTo(gapBounds(gap, base.grid));
  };
  const selected = state.sites.find((s) => s.id === selectedId) ?? null;
  // The build list follows every edit of sites and OLTs (undo included) and each new fibre result, but is
  // built only while its tab is open: in a large project a rebuild on every drag frame would stall the drag.
  const isBuildListOpen = leftTab === 'buildList';
  // what each planned or proposed site adds on its own, from the plan worker once the edits rest
  const siteGains = useSiteGains(compute, isBuildListOpen ? state.sites : null, SITE_GAINS_DELAY_MS);
  const buildList = useMemo(
    () => (isBuildListOpen ? sessionBuildList(session, snapshot.fibre, siteGains) : []),
    // state.sites and state.olts are what sessionBuildList reads through the session's store
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [isBuildListOpen, session, state.sites, state.olts, snapshot.fibre, siteGains],
  );
  const suggestion = useSyncExternalStore(compute.suggest.subscribe, compute.suggest.getSnapshot);
  const acceptedIds = useMemo(() => acceptedSuggestionIds(state), [state]);
  const suggested = suggestion.last;
  const candidateNames = useMemo(() => Object.fromEntries((suggested?.chosenSites ?? []).map((s) => [s.id, s.name])), [suggested]);
  const proposed = useMemo(() => {
    if (!suggested) return [];
    return suggested.result.sites
      .map((r, k) => ({ r, site: suggested.chosenSites[k] }))
      .filter(({ r }) => !acceptedIds.has(r.candidateId))
      .map(({ r, site }) => ({
        ...site,
        describe: t('suggest.mapTip', { rank: r.rank, name: site.name, cost: (r.costCny / 1e4).toFixed(1), people: Math.round(r.gainPeople) }),
      }));
  }, [suggested, acceptedIds, t]);

  const place = useCallback(
    (kind: Exclude<PlanTool, 'select'>, lonLat: [number, number]) => {
      if (kind === 'olt') {
        const id = nextOltId(store.getState().olts);
        store.dispatch(addOlt, { lonLat, id, name: t('plan.newOltName', { id }) });
        setRightTab('fibre');
        setTool('select');
        return;
      }
      const id = nextSiteId(store.getState().sites);
      store.dispatch(addSite, { kind, lonLat, id });
      setSelectedId(id);
      setRightTab('site');
      setTool('select');
    },
    [store, t],
  );

  // stable, so the memoised site list does not re-render on every coverage update
  const selectFromList = useCallback((id: string) => {
    setSelectedId(id);
    setRightTab('site');
    setFocusRequest((n) => n + 1);
  }, []);

  const copySelected = useCallback(() => {
    if (!selected) return;
    const id = nextSiteId(store.getState().sites);
    store.dispatch(copySite, {
      siteId: selected.id,
      lonLat: [selected.lonDeg + COPY_OFFSET_DEG, selected.latDeg - COPY_OFFSET_DEG],
      name: t('site.copyName', { name: selected.name }),
      id,
    });
    setSelectedId(id);
  }, [selected, store, t]);

  const deleteSelected = useCallback(() => {
    if (!selected) return;
    store.dispatch(deleteSite, { siteId: selected.id });
    setSelectedId(null);
  }, [selected, store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      switch (command) {
        case 'undo': return store.undo();
        case 'redo': return store.redo();
        case 'select': return setTool('select');
        case 'macro': case 'micro': case 'indoor': return setTool(command);
        case 'delete': return deleteSelected();
        case 'copy': return copySelected();
        case 'rotateLeft': case 'rotateRight':
          if (selected) store.dispatch(rotateSite, { siteId: selected.id, deltaDeg: command === 'rotateLeft' ? -15 : 15 });
          return;
        case 'cancel':
          setShowHelp(false);
          return tool === 'select' ? setSelectedId(null) : setTool('select');
        case 'help': return setShowHelp((v) => !v);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, selected, tool, copySelected, deleteSelected]);

  const undoName = store.undoName();
  const redoName = store.redoName();
  const actionLabel = (name: string | null) => (name ? t(`actions.${name}`) : t('plan.nothing'));
  const tools: { id: PlanTool; label: string }[] = [
    { id: 'select', label: t('plan.toolSelect') },
    { id: 'macro', label: t('plan.toolMacro') },
    { id: 'micro', label: t('plan.toolMicro') },
    { id: 'indoor', label: t('plan.toolIndoor') },
    { id: 'olt', label: t('plan.toolOlt') },
  ];

  const leftTabs: TabSpec[] = [
    {
      id: 'gaps',
      label: t('score.gaps'),
      badge: report?.gaps.length,
      content: report ? <GapList gaps={report.gaps} selectedId={selectedGapId} onSelect={selectGap} /> : <p className="muted small">{t(`compute.${snapshot.status}`)}</p>,
    },
    {
      id: 'places',
      label: t('score.places'),
      badge: state.places.length,
      content: report ? <PlaceList places={report.places} selectedId={selectedPlaceId} onSelect={selectPlace} /> : <p className="muted small">{t(`compute.${snapshot.status}`)}</p>,
    },
    {
      id: 'sites',
      label: t('plan.sites'),
      badge: state.sites.length,
      content: (
        <SiteList sites={state.sites} selectedId={selectedId} onSelect={selectFromList} />
      ),
    },
    {
      id: 'buildList',
      label: t('buildList.tab'),
      badge: isBuildListOpen ? buildList.length : undefined,
      content: (
        <BuildListPanel
          rows={buildList}
          selectedId={selectedId}
          onExport={() => onExport?.()}
          onSelect={(row) => {
            if (row.kind === 'site') {
              setSelectedId(row.id);
              setRightTab('site');
            }
            fitTo([row.lonDeg - ROW_ZOOM_HALF_DEG, row.latDeg - ROW_ZOOM_HALF_DEG, row.lonDeg + ROW_ZOOM_HALF_DEG, row.latDeg + ROW_ZOOM_HALF_DEG]);
          }}
        />
      ),
    },
  ];
  const rightTabs: TabSpec[] = [
    {
      id: 'kpi',
      label: t('score.kpis'),
      content: report ? (
        <>
          <CountyReportButton session={session} compute={compute} host={host} />
          <KpiDashboard kpis={report.kpis} />
          <RsrpHistogramChart base={base} compute={compute} thresholdDbm={thresholdDbm} />
        </>
      ) : (
        <p className="muted small">{t(`compute.${snapshot.status}`)}</p>
      ),
    },
    {
      id: 'fibre',
      label: t('fibre.heading'),
      content: snapshot.fibre ? (
        <FibrePanel result={snapshot.fibre} upgrades={snapshot.fibre.upgrades} />
      ) : (
        <p className="muted small">{snapshot.fibreMessage ?? t(`compute.${snapshot.status}`)}</p>
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
          site={selected}
          onChange={(changes) => store.dispatch(updateSite, { siteId: selected.id, changes })}
          onSectorChange={(sectorId, changes) => store.dispatch(updateSector, { siteId: selected.id, sectorId, changes })}
          onRotate={(deltaDeg) => store.dispatch(rotateSite, { siteId: selected.id, deltaDeg })}
          onCopy={copySelected}
          onDelete={deleteSelected}
        />
      ) : (
        <p className="muted small">{t('plan.selectHint')}</p>
      ),
    },
  ];

  return (
    <div className="plan-workspace">
      <div className="plan-toolbar" role="toolbar" aria-label={t('plan.tools')}>
        {tools.map((x) => (
          <button key={x.id} type="button" aria-pressed={tool === x.id} data-testid={`tool-${x.id}`} onClick={() => setTool(x.id)}>
            {x.label}
          </button>
        ))}
        <span className="sep" />
        <button type="button" data-testid="undo" disabled={!store.canUndo()} title={t('plan.undoHint', { name: actionLabel(undoName) })} onClick={() => store.undo()}>
          {t('plan.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!store.canRedo()} title={t('plan.redoHint', { name: actionLabel(redoName) })} onClick={() => store.redo()}>
          {t('plan.redo')}
        </button>
        <span className="sep" />
        <button type="button" onClick={() => setShowHelp(true)}>{t('plan.help')}</button>
        {fileActions && <span className="sep" />}
        {fileActions}
        {tool !== 'select' && <span className="hint">{t('plan.placingHint')}</span>}
        <ComputeStatus compute={compute} />
      </div>
      <div className={isBuildListOpen ? 'plan-body wide-left' : 'plan-body'}>
        <aside className="plan-left">
          <Tabs label={t('plan.listsPanel')} tabs={leftTabs} active={leftTab} onChange={setLeftTab} />
        </aside>
        <div className="map-pane">
          <PlanMapView
            county={county}
            base={base}
            sites={state.sites}
            places={state.places}
            placeStatuses={placeStatuses}
            gaps={report?.gaps ?? NO_GAPS}
            selectedGapId={selectedGapId}
            fitRequest={fitRequest}
            candidates={state.candidates}
            proposed={proposed}
            olts={state.olts}
            compute={compute}
            coverage={coverage}
            coverageOpacity={coverageOpacity}
            baseMap={baseMap}
            selectedId={selectedId}
            tool={tool}
            focusRequest={focusRequest}
            onSelect={(id) => {
              setSelectedId(id);
              setRightTab('site');
            }}
            onDrag={(siteId, lonLat) => store.dispatchTransient(moveSite, { siteId, lonLat })}
            onDragEnd={(siteId, lonLat) => {
              store.dispatchTransient(moveSite, { siteId, lonLat });
              store.endGesture(moveSite.name);
            }}
            onPlace={place}
            onCursor={onCursor}
            onClearSelection={() => setSelectedId(null)}
            onSelectPlace={selectPlace}
            onSelectGap={selectGap}
          />
          <div className="map-legend">
            <div className="base-map">
              <button type="button" data-testid="open-base-map" onClick={() => void openBaseMap()}>
                {baseMap ? t('baseMap.replace', { name: baseMap.metadata.name ?? 'MBTiles' }) : t('baseMap.open')}
              </button>
              {baseMapError && <span className="error" role="alert">{baseMapError}</span>}
            </div>
            <label className="coverage-kind">
              {t('layers.coverage')}
              <select value={coverageKind} data-testid="coverage-kind" onChange={(e) => setCoverageKind(e.target.value as CoverageKind)}>
                <option value="rsrp">{t('layers.rsrp')}</option>
                <option value="sinr">{t('layers.sinr')}</option>
                <option value="throughput">{t('layers.throughput')}</option>
                <option value="none">{t('layers.none')}</option>
              </select>
            </label>
            {coverage && (
              <Legend title={t(`layers.${coverageKind}`)} palette={coverage.palette} opacity={coverageOpacity} onOpacity={setCoverageOpacity} note={t('layers.modelled')} />
            )}
          </div>
        </div>
        <aside className="plan-right">
          <Tabs label={t('plan.detailsPanel')} tabs={rightTabs} active={rightTab} onChange={setRightTab} />
        </aside>
      </div>
      {showHelp && <ShortcutHelp onClose={() => setShowHelp(false)} />}
    </div>
  );
}
