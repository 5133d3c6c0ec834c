import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveScoringSettings } from '../../core/scoring';
import { useApp, useProject } from '../appContext';
import type { PlaceStatus } from '../map/PlaceLayer';
import { PlanMap, type OverlayLabels } from '../map/PlanMap';
import { useFormatter } from '../i18n/useFormatter';
import { currentTerrain } from '../session/ProjectSession';
import { useSelect } from '../state/useStore';
import { coverageRaster } from '../workspace/coverageRaster';
import { followRasterChanges } from './followRasterChanges';
import { useProposedSites } from './useProposedSites';

const NO_STATUSES: ReadonlyMap<string, PlaceStatus> = new Map();
const NO_GAPS: never[] = [];
/** The legend's offset from the map's corner, px (.map-legend in styles.css). */
const LEGEND_MARGIN_PX = 10;

/**
 * Hosts the Leaflet PlanMap of the open project: created once per project, fed through its methods as the stores
 * change, and moved by the workspace's map commands (fitBounds for a gap, place or build-list row picked in a list,
 * focusSite for a site picked in the site list). What the map reports goes to the Workspace (mapHandlers).
 */
export function PlanMapView() {
  const { t, i18n } = useTranslation();
  const f = useFormatter();
  const { cursor } = useApp();
  const { session, compute, workspace, calibration } = useProject();
  const calibrationState = useSyncExternalStore(calibration.subscribe, calibration.getSnapshot);
  const errorPoints = calibrationState.showOnMap ? calibrationState.outcome?.points ?? null : null;
  const { store, county, base } = session;
  const sites = useSelect(store, (s) => s.sites);
  const places = useSelect(store, (s) => s.places);
  const candidates = useSelect(store, (s) => s.candidates);
  const olts = useSelect(store, (s) => s.olts);
  const settings = useSelect(store, (s) => s.settings);
  const selectedId = useSelect(workspace.ui, (ui) => ui.selectedSiteId);
  const selectedGapId = useSelect(workspace.ui, (ui) => ui.selectedGapId);
  const tool = useSelect(workspace.ui, (ui) => ui.tool);
  const coverageKind = useSelect(workspace.ui, (ui) => ui.coverageKind);
  const coverageOpacity = useSelect(workspace.ui, (ui) => ui.coverageOpacity);
  const baseMap = useSelect(workspace.ui, (ui) => ui.baseMap);
  const { report } = useSyncExternalStore(compute.subscribe, compute.getPanelSnapshot);
  const proposed = useProposedSites(compute, sites);
  const placeStatuses = useMemo<ReadonlyMap<string, PlaceStatus>>(
    () => (report ? new Map(report.places.map((p) => [p.id, p.isMet ? 'met' : p.coveredShare > 0 ? 'partial' : 'missed'])) : NO_STATUSES),
    [report],
  );
  const coverage = useMemo(() => coverageRaster(compute.rasters, coverageKind), [compute, coverageKind]);
  const labels = useMemo<OverlayLabels>(
    () => ({
      relief: t('layers.relief'),
      population: t('layers.population'),
      places: t('layers.places'),
      candidates: t('layers.candidates'),
      proposed: t('layers.proposed'),
      olts: t('layers.olts'),
      sites: t('layers.sites'),
      gaps: t('layers.gaps'),
      fibre: t('layers.fibre'),
      uncovered: t('layers.uncovered'),
      bestServer: t('bestServer.layer'),
      orientation: t('countyLayers.orientation'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<PlanMap | null>(null);

  useEffect(() => {
    const map = new PlanMap(containerRef.current!, county, base, currentTerrain(session), labelsRef.current, {
      ...workspace.mapHandlers,
      onCursor: (lonLat) => cursor.update({ lonLat }),
    });
    mapRef.current = map;
    // the opening view: the county clear of the legend drawn over the map's bottom left (MapLegendPanel)
    const fitFrame = requestAnimationFrame(() => {
      const legend = containerRef.current?.parentElement?.querySelector('.map-legend')?.getBoundingClientRect();
      map.fitCounty(legend ? { widthPx: legend.width + LEGEND_MARGIN_PX, heightPx: legend.height + LEGEND_MARGIN_PX } : undefined);
    });
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(containerRef.current!);
    const stopCommands = workspace.map.subscribe((command) => {
      if (command.type === 'fitBounds') map.fitLonLatBounds(command.bounds);
      else if (command.type === 'focusSite') map.panTo(command.lonLat);
    });
    return () => {
      cancelAnimationFrame(fitFrame);
      stopCommands();
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- later terrains arrive through setTerrain below
  }, [county, base, workspace, cursor]);

  const terrainId = useSelect(store, (s) => s.terrainId);
  useEffect(() => {
    mapRef.current?.setTerrain(currentTerrain(session));
  }, [session, base, terrainId]);

  useEffect(() => {
    mapRef.current?.setLabels(labels);
    mapRef.current?.setEnglishNames(i18n.language === 'en', (name, province) => t('countyLayers.outsideNeighbour', { name, province }));
  }, [labels, i18n.language, t]);
  // The coverage layer follows the compute: whole redraw for a new raster kind or a full recompute,
  // only the touched tiles after an edit, once per frame.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.setCoverage(coverage ? { ...coverage, grid: base.grid } : null);
    if (!coverage) return;
    const which = coverageKind === 'load' ? 'load' : 'rasters';
    return followRasterChanges(compute, base.grid, () => map.setCoverage({ ...coverage, grid: base.grid }), (w) => map.refreshCoverage(w), which);
  }, [compute, coverage, coverageKind, base, county, workspace]);
  // The best-server areas follow the compute the same way; cells below the coverage threshold stay clear.
  useEffect(() => {
    const layer = mapRef.current?.bestServer;
    if (!layer) return;
    const thresholdDbm = resolveScoringSettings(settings).baseline.rsrpDbm;
    const source = { grid: base.grid, bestServer: compute.rasters.bestServer, rsrpDbm: compute.rasters.rsrpDbm, thresholdDbm };
    layer.setSource(source);
    return followRasterChanges(compute, base.grid, () => layer.setSource(source), (w) => layer.update(w));
  }, [compute, base, county, workspace, settings]);
  useEffect(() => {
    const names = new Map(sites.map((s) => [s.id, s.name]));
    mapRef.current?.bestServer.setDescribe((server, rsrpDbm) => {
      const cellId = compute.rasters.cellIds[server] ?? '';
      const slash = cellId.lastIndexOf('/');
      const siteId = cellId.slice(0, slash);
      return t('bestServer.tip', { site: names.get(siteId) ?? siteId, sector: cellId.slice(slash + 1), rsrp: rsrpDbm.toFixed(1) });
    });
  }, [sites, compute, county, base, t, workspace]);
  useEffect(() => mapRef.current?.setCoverageOpacity(coverageOpacity), [coverageOpacity, workspace]);
  useEffect(() => mapRef.current?.setSites(sites, selectedId), [sites, selectedId, workspace]);
  const placeStatusWords = useMemo<Record<PlaceStatus, string>>(
    () => ({ met: t('layout.placeStatus.met'), partial: t('layout.placeStatus.partial'), missed: t('layout.placeStatus.missed'), unscored: t('layout.placeStatus.unscored') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  useEffect(() => mapRef.current?.setPlaces(places, placeStatuses, placeStatusWords), [places, placeStatuses, placeStatusWords, workspace]);
  useEffect(() => mapRef.current?.setCandidates(candidates), [candidates, workspace]);
  useEffect(() => mapRef.current?.setProposed(proposed), [proposed, workspace]);
  useEffect(() => mapRef.current?.setGaps(report?.gaps ?? NO_GAPS, selectedGapId), [report, selectedGapId, workspace]);
  useEffect(() => mapRef.current?.setBaseMap(baseMap), [baseMap, workspace]);
  useEffect(() => mapRef.current?.setOlts(olts), [olts, workspace]);
  useEffect(() => mapRef.current?.setTool(tool), [tool, workspace]);
  const drawing = useSelect(workspace.ui, (ui) => ui.drawing);
  useEffect(() => mapRef.current?.setDrawing(drawing), [drawing, workspace]);
  useEffect(() => {
    const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
    mapRef.current?.setDriveTestErrors(errorPoints, (i) =>
      errorPoints ? t('calibration.errorTip', { measured: fmt(errorPoints.measuredDbm[i]), before: fmt(errorPoints.beforeDbm[i]), after: fmt(errorPoints.afterDbm[i]) }) : '');
  }, [errorPoints, t, workspace]);
  useEffect(() => {
    let last: unknown = null;
    const sync = () => {
      const snap = compute.getSnapshot();
      if (snap.fibre === last) return;
      last = snap.fibre;
      mapRef.current?.setFibre(snap.fibre, snap.uncoveredHouseholds, {
        serviceArea: t('layers.fibreServiceArea'),
        upgrade: (row) => t('layers.fibreUpgrade', { name: f.words.buildList.fibreLabel(row.label), costWan: f.n.wan(row.costCny) }),
      });
    };
    sync();
    return compute.subscribe(sync);
  }, [compute, t, f, workspace]);

  return <div ref={containerRef} className="map" data-testid="plan-map" />;
}
