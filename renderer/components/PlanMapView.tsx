import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Olt, Place, Site } from '../../core/model';
import type { County } from '../../geodata/counties';
import type { PlaceStatus } from '../map/PlaceLayer';
import { PlanMap, type OverlayLabels, type PlanMapHandlers, type PlanTool } from '../map/PlanMap';
import { resolveScoringSettings, type RankedGap } from '../../core/scoring';
import type { MbtilesReader } from '../../geodata/import';
import type { RasterSource } from '../map/RasterStackLayer';
import type { PlanCompute } from '../session/PlanCompute';
import { followRasterChanges } from './followRasterChanges';
import type { ProjectBase } from '../session/ProjectSession';

interface Props extends Omit<PlanMapHandlers, 'onDragMove'> {
  county: County;
  base: ProjectBase | null;
  sites: readonly Site[];
  places: readonly Place[];
  placeStatuses: ReadonlyMap<string, PlaceStatus>;
  candidates: readonly Site[];
  /** suggested sites not yet accepted, with their tooltips */
  proposed: readonly (Site & { describe: string })[];
  olts: readonly Olt[];
  compute: PlanCompute;
  /** which raster the coverage layer shows, null = none */
  coverage: Omit<RasterSource, 'grid'> | null;
  coverageOpacity: number;
  /** offline base map (MBTiles), null for none */
  baseMap: MbtilesReader | null;
  gaps: readonly RankedGap[];
  selectedGapId: number | null;
  /** bumps with a new [w, s, e, n] to fit the view to (a place or gap picked in a list) */
  fitRequest: { bounds: [number, number, number, number]; n: number } | null;
  selectedId: string | null;
  tool: PlanTool;
  /** bumps to centre the map on the selected site */
  focusRequest: number;
}

/** Hosts the Leaflet PlanMap: created once per county, fed through its methods on every render. */
export function PlanMapView({
  county, base, sites, places, placeStatuses, candidates, proposed, olts, compute, coverage, coverageOpacity, baseMap, gaps, selectedGapId, fitRequest,
  selectedId, tool, focusRequest, ...handlers
}: Props) {
  const { t, i18n } = useTranslation();
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
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<PlanMap | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const computeRef = useRef(compute);
  computeRef.current = compute;

  useEffect(() => {
    const h = handlersRef;
    const map = new PlanMap(containerRef.current!, county, base, labelsRef.current, {
      onSelect: (id) => h.current.onSelect(id),
      onDrag: (id, p) => h.current.onDrag(id, p),
      onDragMove: (id, p) => computeRef.current.previewSite(id, p),
      onDragEnd: (id, p) => {
        h.current.onDragEnd(id, p);
        computeRef.current.endPreview();
      },
      onPlace: (kind, p) => h.current.onPlace(kind, p),
      onCursor: (p) => h.current.onCursor(p),
      onClearSelection: () => h.current.onClearSelection(),
      onSelectPlace: (id) => h.current.onSelectPlace(id),
      onSelectGap: (id) => h.current.onSelectGap(id),
    });
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(containerRef.current!);
    return () => {
      observer.disconnect();
      map.destroy();
      mapRef.current = null;
    };
  }, [county, base]);

  useEffect(() => mapRef.current?.setLabels(labels), [labels]);
  // The coverage layer follows the compute: whole redraw for a new raster kind or a full recompute,
  // only the touched tiles after an edit, once per frame.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !base) return;
    map.setCoverage(coverage ? { ...coverage, grid: base.grid } : null);
    if (!coverage) return;
    return followRasterChanges(compute, base.grid, () => map.setCoverage({ ...coverage, grid: base.grid }), (w) => map.refreshCoverage(w));
  }, [compute, coverage, base, county]);
  // The best-server areas follow the compute the same way; cells below the coverage threshold stay clear.
  useEffect(() => {
    const layer = mapRef.current?.bestServer;
    if (!layer || !base) return;
    const thresholdDbm = resolveScoringSettings(base.settings).baseline.rsrpDbm;
    const source = { grid: base.grid, bestServer: compute.rasters.bestServer, rsrpDbm: compute.rasters.rsrpDbm, thresholdDbm };
    layer.setSource(source);
    return followRasterChanges(compute, base.grid, () => layer.setSource(source), (w) => layer.update(w));
  }, [compute, base, county]);
  useEffect(() => {
    const names = new Map(sites.map((s) => [s.id, s.name]));
    mapRef.current?.bestServer.setDescribe((server, rsrpDbm) => {
      const cellId = compute.rasters.cellIds[server] ?? '';
      const slash = cellId.lastIndexOf('/');
      const siteId = cellId.slice(0, slash);
      return t('bestServer.tip', { site: names.get(siteId) ?? siteId, sector: cellId.slice(slash + 1), rsrp: rsrpDbm.toFixed(1) });
    });
  }, [sites, compute, county, base, t]);
  useEffect(() => {
    mapRef.current?.setCoverageOpacity(coverageOpacity);
  }, [coverageOpacity]);
  useEffect(() => mapRef.current?.setSites(sites, selectedId), [sites, selectedId]);
  useEffect(() => mapRef.current?.setPlaces(places, placeStatuses), [places, placeStatuses]);
  useEffect(() => mapRef.current?.setCandidates(candidates), [candidates]);
  useEffect(() => mapRef.current?.setProposed(proposed), [proposed]);
  useEffect(() => mapRef.current?.setGaps(gaps, selectedGapId), [gaps, selectedGapId]);
  useEffect(() => mapRef.current?.setBaseMap(baseMap), [baseMap, county, base]);
  useEffect(() => {
    let last: unknown = null;
    const sync = () => {
      const snap = compute.getSnapshot();
      if (snap.fibre === last) return;
      last = snap.fibre;
      mapRef.current?.setFibre(snap.fibre, snap.uncoveredHouseholds, {
        serviceArea: t('layers.fibreServiceArea'),
        upgrade: (name, costWan) => t('layers.fibreUpgrade', { name, costWan }),
      });
    };
    sync();
    return compute.subscribe(sync);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compute, county, i18n.language]);
  useEffect(() => {
    if (fitRequest) mapRef.current?.fitLonLatBounds(fitRequest.bounds);
  }, [fitRequest]);
  useEffect(() => mapRef.current?.setOlts(olts), [olts]);
  useEffect(() => mapRef.current?.setTool(tool), [tool]);
  useEffect(() => {
    const site = sites.find((s) => s.id === selectedId);
    if (focusRequest > 0 && site) mapRef.current?.panTo([site.lonDeg, site.latDeg]);
    // only when asked: not on every drag
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  return <div ref={containerRef} className="map" data-testid="plan-map" />;
}
