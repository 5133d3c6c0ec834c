import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import { CancelledError, throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { assertGridSpec } from '../grid/gridSpec';
import type { LayerProvenance, Olt, Project } from '../model/project';
import { fail, ok, type Result } from '../result';
import { capacityUpgrades } from './capacityUpgrades';
import { catchmentRaster } from './catchmentRaster';
import { classifyUrban } from './classifyUrban';
import { fibreKpis, type FibreKpis } from './fibreKpis';
import { resolveFibreSettings, type FibreSettings } from './fibreSettings';
import { fibreUpgrades, type FibreUpgradeRow } from './fibreUpgrades';
import { gigabitReach, type GigabitReach, type OltPoints } from './gigabitReach';
import { householdsFromPopulation, type HouseholdSet } from './households';
import { householdsFromPoints } from './householdsFromPoints';
import { oltCapacity, type OltCapacity } from './oltCapacity';
import { placeFibreTargets, type PlaceFibreStatus } from './placeFibreTargets';
import { buildRoadGraph, type RoadGraph } from './roadGraph';
import { oltServiceAreas, type ServiceAreaProps } from './serviceAreas';

/** Options of analyseFibre. */
export interface AnalyseFibreOptions {
  /** imported household points ([lonDeg, latDeg] WGS-84); used instead of the population layer */
  householdPoints?: readonly (readonly [number, number])[];
  /** households per imported point (default 1 each) */
  householdCounts?: ArrayLike<number>;
  /** county seat [lonDeg, latDeg] (geodata County.seatLonLat): households near it count as urban */
  seatLonLat?: readonly [number, number];
  /** OLT statuses analysed (default existing and planned) */
  oltStatuses?: readonly Olt['status'][];
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** Everything the fibre panel, map layers and build list need. Arrays are per household entry. */
export interface FibreResult {
  settings: FibreSettings;
  /** where the households come from, with the population layer's provenance */
  householdSource: string;
  /** 'points' for imported households, else the population layer's provenance (the UI labels modelled data) */
  householdProvenance: LayerProvenance | 'points';
  /** the OLTs analysed; every OLT index in the result points into this list */
  olts: Olt[];
  households: HouseholdSet;
  reach: GigabitReach;
  /** road graph size when roads were loaded */
  roadGraph?: { nodeCount: number; segmentCount: number };
  serviceAreas: FeatureCollection<Polygon | MultiPolygon, ServiceAreaProps>;
  /** per grid cell: OLT serving most of its households by road; only when roads were loaded */
  roadCatchments?: Int32Array;
  capacity: OltCapacity[];
  upgrades: FibreUpgradeRow[];
  places: PlaceFibreStatus[];
  kpis: FibreKpis;
}

/**
 * Gigabit-fibre analysis of a project: households (population layer x collective-household correction /
 * household size, or imported points), gigabit reach from 10G-PON OLTs within the optical budget along roads
 * (or straight line x detour), OLT Voronoi service areas and road catchments, PON port capacity, the upgrade
 * list (fibreUpgrades, then capacityUpgrades) with [EST] costs and the KPIs.
 * Settings: `project.settings.fibre` over DEFAULT_FIBRE_SETTINGS.
 * Expected failures are Results: 'bad-settings', 'no-households', 'cancelled'.
 * Sources: ../shared/reference/ftth.md, kpis.md §1 and §5.
 * @example const r = analyseFibre(project, { seatLonLat: county.seatLonLat }); if (r.ok) r.value.kpis.gigabitShare
 */
export function analyseFibre(project: Project, options: AnalyseFibreOptions = {}): Result<FibreResult> {
  assertGridSpec(project.grid);
  const progress = options.onProgress;
  let settings: FibreSettings;
  try {
    settings = resolveFibreSettings(project.settings.fibre);
  } catch (e) {
    return fail('bad-settings', (e as Error).message);
  }
  const householdSize = project.settings.householdSize;
  if (!(householdSize > 0)) return fail('bad-settings', `settings.householdSize must be > 0, got ${householdSize}`);
  try {
    progress?.(0);
    const grid = project.grid;
    let households: HouseholdSet;
    let householdSource: string;
    let householdProvenance: FibreResult['householdProvenance'];
    if (options.householdPoints) {
      households = householdsFromPoints(grid, options.householdPoints, options.householdCounts);
      householdSource = `${options.householdPoints.length} imported household points`;
      householdProvenance = 'points';
    } else if (project.population) {
      households = householdsFromPopulation(grid, project.population.values, householdSize);
      householdProvenance = project.population.provenance;
      householdSource = `population layer (${project.population.provenance}: ${project.population.source}) x 3571.95/3856.21 / ${householdSize}`;
    } else {
      return fail('no-households', 'no population layer and no household points: load one to analyse fibre');
    }
    if (households.xM.length === 0) return fail('no-households', 'the household source holds no households');

    const toMetric = proj4('WGS84', grid.crs);
    const seat = options.seatLonLat ? toMetric.forward([options.seatLonLat[0], options.seatLonLat[1]]) : undefined;
    classifyUrban(households, grid, {
      urbanDensityPerKm2: settings.urbanDensityPerKm2,
      seatTownRadiusM: settings.seatTownRadiusM,
      seatXM: seat?.[0],
      seatYM: seat?.[1],
      householdSize,
      personsPerCell: options.householdPoints ? undefined : project.population?.values,
    });

    const statuses = options.oltStatuses ?? ['existing', 'planned'];
    const olts = project.olts.filter((o) => statuses.includes(o.status));
    const oltXY = olts.map((o) => toMetric.forward([o.lonDeg, o.latDeg]));
    const oltPts: OltPoints = {
      xM: Float64Array.from(oltXY, (p) => p[0]),
      yM: Float64Array.from(oltXY, (p) => p[1]),
      isXgs: Uint8Array.from(olts, (o) => (o.xgsPonPorts > 0 ? 1 : 0)),
    };

    let graph: RoadGraph | undefined;
    if (project.roads && project.roads.features.length > 0) {
      graph = buildRoadGraph(project.roads, grid.crs, { snapToleranceM: settings.snapToleranceM });
    }
    throwIfCancelled(options.cancel);
    progress?.(0.1);

    const reach = gigabitReach(households, oltPts, settings, graph, {
      cancel: options.cancel,
      onProgress: progress && ((f) => progress(0.1 + 0.5 * f)),
    });
    const serviceAreas = oltServiceAreas(olts, project.boundary, grid.crs);
    const roadCatchments = graph ? catchmentRaster(grid, households, reach.servingOltIdx) : undefined;
    throwIfCancelled(options.cancel);
    progress?.(0.7);

    const capacity = oltCapacity(olts, households, reach, settings);
    const upgrades = [
      ...fibreUpgrades(olts, households, reach, settings, grid, graph, { cancel: options.cancel }),
      ...capacityUpgrades(olts, capacity, settings),
    ];
    progress?.(0.95);
    const places = placeFibreTargets(project.places, oltPts, grid, reach.xgsReachM, settings.detourFactor, graph);
    const kpis = fibreKpis(households, reach, olts, settings, places);
    progress?.(1);
    return ok({
      settings,
      householdSource,
      householdProvenance,
      olts,
      households,
      reach,
      roadGraph: graph && { nodeCount: graph.nodeCount, segmentCount: graph.segmentCount },
      serviceAreas,
      roadCatchments,
      capacity,
      upgrades,
      places,
      kpis,
    });
  } catch (e) {
    if (e instanceof CancelledError) return fail('cancelled', e.message);
    throw e;
  }
}
