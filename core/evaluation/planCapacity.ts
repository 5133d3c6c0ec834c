import {
  capacityReport,
  createCapacityState,
  layersOfCell,
  loadRaster,
  prepareCapacity,
  refreshSectorLayers,
  resolveCapacitySettings,
  sectorLoads,
  takeTouchedSectors,
  updateCapacity,
  type CapacityReport,
  type CapacityState,
} from '../capacity';
import { unionWindows, type CellWindow, type CoverageEngine } from '../coverage';
import type { ProjectSettings } from '../model/project';
import type { SiteKind } from '../model/site';
import type { CapacityKpiInput, ScoringPrep } from '../scoring';

const EMPTY: CellWindow = { col0: 0, row0: 0, cols: 0, rows: 0 };

/** The load map over the window that changed since it was last taken, and every sector's load. */
export interface LoadRasterUpdate {
  /** the window of `load` (the whole grid the first time); empty when nothing changed */
  window: CellWindow;
  /** per cell of the window, the busy-hour load of its serving sector; NaN where none serves */
  load: Float32Array;
  /** per sector, indexed like the coverage raster's cellIds (bestServer values) */
  sectorLoad: Float32Array;
}

/**
 * The capacity side of a PlanEvaluator (core/capacity over the evaluator's engine and scoring grid): kept
 * current edit by edit (only the cells of an edit's window are recounted, only the sectors that gained, lost or
 * changed cells move), reported with the scores, and the load map handed out by changed window.
 * @example const cap = new PlanCapacity(scoringPrep, project.settings, engine, (id) => sites.get(id)?.kind)
 */
export class PlanCapacity {
  readonly state: CapacityState;
  private readonly engine: Pick<CoverageEngine, 'raster' | 'footprint'>;
  /** cells whose load may have changed since the load map was last taken; null = the whole grid */
  private loadWindow: CellWindow | null = null;

  constructor(prep: ScoringPrep, settings: ProjectSettings, engine: Pick<CoverageEngine, 'raster' | 'footprint'>, kindOf: (siteId: string) => SiteKind | undefined) {
    const resolved = resolveCapacitySettings(settings);
    const band = settings.radio.band;
    this.engine = engine;
    this.state = createCapacityState(prepareCapacity(prep, resolved, band), engine.raster, layersOfCell(resolved, band, kindOf));
    takeTouchedSectors(this.state);
  }

  /**
   * Recounts `changed` after an edit; `kindChanged` lists sites whose kind changed (their layers are set
   * again). The load map's pending window grows by the edit's window and the footprints of the sites whose
   * sectors' loads moved (their cells show the new load).
   */
  update(changed: CellWindow, kindChanged: readonly string[] = []): void {
    updateCapacity(this.state, this.engine.raster, changed);
    refreshSectorLayers(this.state, kindChanged);
    if (this.loadWindow === null) {
      takeTouchedSectors(this.state);
      return;
    }
    let window = unionWindows(this.loadWindow, changed);
    const siteIds = new Set<string>();
    for (const k of takeTouchedSectors(this.state)) {
      const id = this.state.sectors.cellIds[k];
      siteIds.add(id.slice(0, id.lastIndexOf('/')));
    }
    for (const id of siteIds) {
      const fp = this.engine.footprint(id);
      if (fp) window = unionWindows(window, fp);
    }
    this.loadWindow = window;
  }

  /**
   * The capacity report (county figures, the `sectorLimit` most loaded sectors, default 200, and the places);
   * `placeMinShare` is the places' requirement.
   */
  report(placeMinShare: number, sectorLimit?: number): CapacityReport {
    return capacityReport(this.state, { placeMinShare, sectorLimit });
  }

  /** The capacity KPI's input for scoringReport. */
  kpiInput(report: CapacityReport): CapacityKpiInput {
    return { demandShareWithinTarget: report.demandShareWithinTarget };
  }

  /** The load map over what changed since the last call (the whole grid at the first), clipped to the grid. */
  takeLoadRaster(): LoadRasterUpdate {
    const { cols, rows } = this.state.prep.scoring.grid;
    const pending = this.loadWindow ?? { col0: 0, row0: 0, cols, rows };
    const col0 = Math.max(0, pending.col0);
    const row0 = Math.max(0, pending.row0);
    const c1 = Math.min(cols, pending.col0 + pending.cols);
    const r1 = Math.min(rows, pending.row0 + pending.rows);
    const window = c1 > col0 && r1 > row0 ? { col0, row0, cols: c1 - col0, rows: r1 - row0 } : EMPTY;
    this.loadWindow = EMPTY;
    return { window, load: loadRaster(this.state, window), sectorLoad: sectorLoads(this.state) };
  }
}
