import { throwIfCancelled, type CancelToken } from '../cancel';
import { cellCentreXM, cellCentreYM } from '../grid/gridSpec';
import type { SkippedSite } from '../model/coverage';
import type { Site } from '../model/site';
import { BAND_PRESETS } from '../radio/bands';
import { cost231HataDb } from '../radio/cost231Hata';
import { epreDbm } from '../radio/linkBudget';
import { losProbability, pathLoss38901Db } from '../radio/pathLoss38901';
import { windowAround, type CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';
import { profileTerrainLoss } from './profileTerrainLoss';
import { checkSiteForCoverage } from './checkSiteForCoverage';
import { KIND_TX_DEFAULTS, type SiteRadio } from './siteRadio';
import { sweepTerrainLoss, type FootprintHalf, type TerrainLoss } from './sweepTerrainLoss';

/**
 * Stored value of a cell with no prediction (no terrain data at the receiver), in centi-dBm; below every
 * real value, so a plain `>` comparison never picks it.
 */
export const NO_RSRP_CENTI_DBM = -32768;

/**
 * One sector's predicted outdoor SS-RSRP over its site's in-range cells (the spans of its SiteFootprint).
 * Stored as centi-dBm (dBm × 100, rounded to the nearest: within 0.005 dB of the computed value, floored at
 * −327.67 dBm) in 2 bytes per cell instead of a 4-byte float over the whole square window: a 5 km macro
 * sector takes 0.25 MB instead of 0.64 MB.
 */
export interface SectorFootprint {
  /** `${siteId}/${sectorId}`, as in CoverageRaster.cellIds */
  cellId: string;
  /** SS-RSRP at the outdoor receiver height, centi-dBm, the spans' cells in order; NO_RSRP_CENTI_DBM where unknown */
  rsrpCentiDbm: Int16Array;
}

/**
 * A site's prediction: its window of grid cells, the cells within range as one span of columns per window row
 * (the range is a disc, so each row's in-range cells are contiguous), and one RSRP array per sector over those
 * spans. Window row r holds `spanStart[r + 1] − spanStart[r]` cells from window column `spanCol0[r]`; they are
 * values `spanStart[r]`.. of each sector's array. Plain data (crosses workers); footprintRsrpDbm decodes one
 * sector to a window.
 */
export interface SiteFootprint extends CellWindow {
  siteId: string;
  /** first stored window column of each window row (`rows` entries; 0 for an empty row) */
  spanCol0: Int32Array;
  /** offset of each window row's first value in the sectors' arrays (`rows + 1` entries, the last = total) */
  spanStart: Int32Array;
  sectors: SectorFootprint[];
  /** set when the coverage leaves the site out (checkSiteForCoverage): the footprint is then empty */
  skipped?: SkippedSite;
}

/**
 * The empty footprint of a site the coverage leaves out: no window, no sectors, the reason in `skipped`.
 * The engine holds it like any other, so the network's order and the site's id stay as they are.
 * @example skippedFootprint({ siteId: 'S9', code: 'outside-grid', reason: '...' }).cols // 0
 */
export function skippedFootprint(skipped: SkippedSite): SiteFootprint {
  return { siteId: skipped.siteId, col0: 0, row0: 0, cols: 0, rows: 0, spanCol0: new Int32Array(0), spanStart: new Int32Array(1), sectors: [], skipped };
}

/** How terrain enters: the fast radial sweep (default) or the exact per-profile Deygout / Bullington. */
export type TerrainMethod = 'sweep' | 'deygout' | 'bullington';

const RAD = 180 / Math.PI;

/**
 * atan2 in degrees by a degree-11 odd minimax polynomial for atan on [−1, 1] (error < 1e-5 rad, about
 * 0.0006°, far below the pattern's resolution; Abramowitz & Stegun 4.4.49-style). Several times cheaper than
 * Math.atan2 in this per-sector, per-cell loop.
 */
function atan2Deg(y: number, x: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === 0 && ay === 0) return 0;
  const swap = ay > ax;
  const t = swap ? ax / ay : ay / ax;
  const t2 = t * t;
  let a = t * (0.99997726 + t2 * (-0.33262347 + t2 * (0.19354346 + t2 * (-0.11643287 + t2 * (0.05265332 + t2 * -0.0117212)))));
  if (swap) a = Math.PI / 2 - a;
  if (x < 0) a = Math.PI - a;
  return (y < 0 ? -a : a) * RAD;
}
/**
 * asin in degrees: the odd Maclaurin series to s⁹ for |s| <= 0.3 (error < 5e-8 rad), atan2Deg beyond. The
 * elevation in the antenna frame is asin(z_a / |r|) (a rotation keeps |r|): one square root per cell instead
 * of an atan2 and a square root per sector.
 */
function asinDeg(s: number): number {
  if (s > 0.3 || s < -0.3) return atan2Deg(s, Math.sqrt(1 - s * s));
  const s2 = s * s;
  return s * (1 + s2 * (1 / 6 + s2 * (3 / 40 + s2 * (5 / 112 + s2 * (35 / 1152))))) * RAD;
}
/** sin and cos of the back-lobe angle φc, degrees (see the sector loop). */
function backLobeTest(capDeg: number): { sinCap: number; cosCap: number } {
  return { sinCap: Math.sin((capDeg * Math.PI) / 180), cosCap: Math.cos((capDeg * Math.PI) / 180) };
}

/** TR 38.901 distances start at 10 m; nearer cells take the 10 m loss. */
const MIN_DISTANCE_M = 10;

let scratchObstructed = new Uint8Array(0);
let scratchDiffractionDb = new Float32Array(0);

/**
 * The sweep's window arrays, reused from site to site (the sweep clears them; nothing keeps them past one
 * prediction): 0.8 MB allocated per macro site made the garbage collector run often in the workers.
 */
function terrainScratch(cells: number): { isObstructed: Uint8Array; diffractionDb: Float32Array } {
  if (scratchObstructed.length < cells) {
    scratchObstructed = new Uint8Array(cells);
    scratchDiffractionDb = new Float32Array(cells);
  }
  return { isObstructed: scratchObstructed.subarray(0, cells), diffractionDb: scratchDiffractionDb.subarray(0, cells) };
}

/** Path-loss tables of the last few (model, heights, frequency, range): a dragged or re-added site reuses its own. */
const TABLE_CACHE_SIZE = 16;
const tableCache = new Map<string, { blendDb: Float64Array; nlosDb: Float64Array }>();

/**
 * Path loss at 1 m steps from 0 to the range + 1 m, dB: the blend (clear or unknown profile) and NLOS
 * (terrain-obstructed). Cached (least recently used first out): a 5 km pair took ~1.4 ms, a tenth of a macro
 * site's prediction.
 */
function pathLossTables(sr: SiteRadio, hBsM: number, hUtM: number): { blendDb: Float64Array; nlosDb: Float64Array } {
  const tableLength = Math.ceil(sr.maxRangeM) + 2;
  const key = `${sr.model}|${hBsM}|${hUtM}|${sr.freqMhz}|${tableLength}`;
  let tables = tableCache.get(key);
  if (tables) {
    tableCache.delete(key);
    tableCache.set(key, tables);
    return tables;
  }
  const freqGhz = sr.freqMhz / 1000;
  const blendDb = new Float64Array(tableLength);
  const nlosDb = new Float64Array(tableLength);
  for (let i = 0; i < tableLength; i++) {
    const dM = Math.max(i, MIN_DISTANCE_M);
    if (sr.model === 'cost231') {
      blendDb[i] = nlosDb[i] = cost231HataDb(dM, hBsM, hUtM, sr.freqMhz);
    } else {
      // P·PL_LOS + (1 − P)·PL_NLOS as pathLossLosBlendDb, sharing the NLOS value with the obstructed table
      const p = losProbability(sr.model, dM, hUtM);
      nlosDb[i] = pathLoss38901Db(sr.model, dM, hBsM, hUtM, freqGhz, false);
      blendDb[i] = p * pathLoss38901Db(sr.model, dM, hBsM, hUtM, freqGhz, true) + (1 - p) * nlosDb[i];
    }
  }
  tables = { blendDb, nlosDb };
  tableCache.set(key, tables);
  if (tableCache.size > TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value!);
  return tables;
}

/**
 * A site's footprint before prediction: its window, the in-range cells of each window row as one span (the range
 * is a disc: the analytic chord, nudged so the test is exactly distance <= the kind's maximum range) and one
 * zeroed centi-dBm array per sector. With `shared`, every array lives in a SharedArrayBuffer (where the host
 * has them), so two threads can each predict one half of the footprint into it and both read all of it;
 * `sectorBuffer` may supply the sectors' buffers (of the byte length asked; not zeroed: a prediction writes every
 * value), to reuse those of a footprint no longer held.
 * A site the coverage leaves out (checkSiteForCoverage) gets its skippedFootprint.
 * @example const fp = planFootprint(ctx, site, { shared: true }); predictSiteFootprint(ctx, site, { half: 'north', into: fp })
 */
export function planFootprint(
  ctx: CoverageContext,
  site: Site,
  options: { shared?: boolean; sectorBuffer?: (bytes: number) => ArrayBuffer | SharedArrayBuffer } = {},
): SiteFootprint {
  const checked = checkSiteForCoverage(ctx, site);
  if ('skipped' in checked) return skippedFootprint(checked.skipped);
  const sr = checked.radio;
  const { grid } = ctx;
  const win = windowAround(grid, sr.col, sr.row, sr.maxRangeM);
  const rangeM = sr.maxRangeM;
  const dx0M = cellCentreXM(grid, win.col0) - sr.xM;
  const cellM = grid.cellSizeM;
  const spanCol0 = new Int32Array(newBuffer(win.rows * 4, options.shared));
  const spanStart = new Int32Array(newBuffer((win.rows + 1) * 4, options.shared));
  const inRange = (c: number, dyM: number) => {
    const dxM = dx0M + c * cellM;
    return Math.sqrt(dxM * dxM + dyM * dyM) <= rangeM;
  };
  for (let r = 0; r < win.rows; r++) {
    const dyM = cellCentreYM(grid, win.row0 + r) - sr.yM;
    const halfM = Math.sqrt(Math.max(rangeM * rangeM - dyM * dyM, 0));
    let c0 = Math.max(0, Math.ceil((-halfM - dx0M) / cellM) - 1);
    let c1 = Math.min(win.cols - 1, Math.floor((halfM - dx0M) / cellM) + 1);
    while (c0 <= c1 && !inRange(c0, dyM)) c0++;
    while (c1 >= c0 && !inRange(c1, dyM)) c1--;
    spanCol0[r] = c0 <= c1 ? c0 : 0;
    spanStart[r + 1] = spanStart[r] + Math.max(c1 - c0 + 1, 0);
  }
  const total = spanStart[win.rows];
  const buffer = options.sectorBuffer ?? ((bytes: number) => newBuffer(bytes, options.shared));
  const sectors = site.sectors.map((s) => ({ cellId: `${site.id}/${s.id}`, rsrpCentiDbm: new Int16Array(buffer(total * 2)) }));
  return { siteId: site.id, ...win, spanCol0, spanStart, sectors };
}

/** A zeroed buffer of `bytes`, shared between threads when asked and the host has SharedArrayBuffer. */
function newBuffer(bytes: number, shared: boolean | undefined): ArrayBuffer | SharedArrayBuffer {
  return shared && typeof SharedArrayBuffer !== 'undefined' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * Predicted outdoor SS-RSRP, dBm, of each sector of `site` over the cells within its kind's maximum range
 * (settings.radio.maxRangeM), stored as centi-dBm over one span per row (SiteFootprint). Per cell: RSRP = EPRE + G_antenna − PL + G_UE − L_diffraction, with
 * - PL from TR 38.901 (UMa/UMi/RMa by resolveSiteRadio) or COST-231 Hata, hBS = antenna height above ground;
 * - with a DEM: a cell whose profile is cut by terrain takes NLOS loss plus knife-edge diffraction
 *   (radio.md §4 "practical combination" [EST]); a clear cell, and every cell without a DEM, takes the
 *   LOS-probability blend P·PL_LOS + (1 − P)·PL_NLOS (radio.md §2: the probability stands for clutter the
 *   bare-earth DEM does not see), plus J(v) where terrain enters the first Fresnel zone (v > −0.78);
 *   a receiver cell without terrain data gets NO_RSRP_CENTI_DBM;
 * - the 3GPP sector pattern with mechanical + electrical downtilt (TR 38.901 Table 7.3-1, §7.1.3) toward
 *   the cell, elevation from antenna and receiver heights above sea level; omni antennas the vertical cut;
 * - EPRE = P_tx − 10 log10(12 N_PRB) from the band preset (macro) or KIND_TX_DEFAULTS (micro, indoor).
 * Path loss is tabulated at 1 m steps and interpolated (a few hundredths of a dB); the tables of the last few
 * (model, heights, range) are kept, so an edited site reuses its own.
 * With `half`, only that half's rows are predicted (FootprintHalf), into `into` (planFootprint of the same site)
 * when given: two threads fill one shared footprint, each its own rows; the other rows are left as they are.
 * A site the coverage cannot take (outside the grid, kept outside the county, too many sectors, refused by the
 * model: checkSiteForCoverage) gets an empty footprint whose `skipped` says why; one bad site never fails the
 * network. Throws RangeError only for a mismatched `into` or terrain raster; the per-cell loop never throws.
 * Sources: TR 38.901 V17 §7.3, §7.4.1-7.4.2; ITU-R P.526-15; radio.md §1-§5.
 * @example const fp = predictSiteFootprint(ctx, site); footprintRsrpDbm(fp, 0)[fp.cols * 10 + 10]
 */
export function predictSiteFootprint(
  ctx: CoverageContext,
  site: Site,
  options: { terrainMethod?: TerrainMethod; half?: FootprintHalf; into?: SiteFootprint; cancel?: CancelToken } = {},
): SiteFootprint {
  const checked = checkSiteForCoverage(ctx, site);
  if ('skipped' in checked) return options.into?.skipped ? options.into : skippedFootprint(checked.skipped);
  const sr = checked.radio;
  const win = windowAround(ctx.grid, sr.col, sr.row, sr.maxRangeM);
  const fp = options.into ?? planFootprint(ctx, site);
  if (fp.siteId !== site.id || fp.col0 !== win.col0 || fp.row0 !== win.row0 || fp.cols !== win.cols || fp.rows !== win.rows || fp.sectors.length !== site.sectors.length) {
    throw new RangeError(`into must be the planFootprint of site '${site.id}' where it stands, got that of '${fp.siteId}'`);
  }
  const { grid, radio, terrainM } = ctx;
  if (terrainM && terrainM.length !== grid.cols * grid.rows) {
    throw new RangeError(`terrainM must have grid.cols * grid.rows = ${grid.cols * grid.rows} cells, got ${terrainM.length}`);
  }
  const preset = BAND_PRESETS[site.band];
  const hBsM = site.heightAglM;
  const hUtM = radio.ueHeightM;

  const { blendDb, nlosDb } = pathLossTables(sr, hBsM, hUtM);

  const siteGroundM = terrainM ? terrainM[sr.row * grid.cols + sr.col] : NaN;
  const hasTerrain = terrainM !== undefined && Number.isFinite(siteGroundM);
  let terrain: TerrainLoss | undefined;
  if (hasTerrain) {
    const method = options.terrainMethod ?? 'sweep';
    terrain =
      method === 'sweep'
        ? sweepTerrainLoss(
            grid,
            terrainM,
            win,
            sr.col,
            sr.row,
            hBsM,
            hUtM,
            sr.freqMhz,
            { maxDistanceM: sr.maxRangeM + grid.cellSizeM, half: options.half },
            terrainScratch(win.cols * win.rows),
          )
        : profileTerrainLoss(grid, terrainM, win, sr.col, sr.row, hBsM, hUtM, sr.freqMhz, { method });
  }

  const sectors = site.sectors.map((s) => {
    const isOmni = s.antenna === 'omni';
    const tx = site.kind === 'macro' ? { txPowerDbm: preset.txPowerDbm, antennaGainDbi: preset.antennaGainDbi } : KIND_TX_DEFAULTS[site.kind];
    const azRad = (s.azimuthDeg * Math.PI) / 180;
    const mechRad = (s.mechanicalTiltDeg * Math.PI) / 180;
    return {
      isOmni,
      baseDbm: epreDbm(s.txPowerDbm ?? tx.txPowerDbm, sr.prbCount) + (s.maxGainDbi ?? tx.antennaGainDbi) + preset.ueAntennaGainDbi,
      sinAz: Math.sin(azRad),
      cosAz: Math.cos(azRad),
      sinMech: Math.sin(mechRad),
      cosMech: Math.cos(mechRad),
      hasMech: s.mechanicalTiltDeg !== 0,
      elecTiltDeg: isOmni ? s.electricalTiltDeg + s.mechanicalTiltDeg : s.electricalTiltDeg,
      // 12 / φ3dB² and 12 / θ3dB² of the pattern's quadratic terms
      hCoef: 12 / (s.horizontalBeamwidthDeg ?? 65) ** 2,
      // A_H = 12 (φ/φ3dB)² reaches the 30 dB cap at |φ| = φ3dB·sqrt(30/12); |φ| >= that angle φc holds exactly
      // when xa·sin φc <= |y|·cos φc, which spares the atan2 of every back-lobe cell
      ...backLobeTest(Math.min(Math.sqrt(30 / (12 / (s.horizontalBeamwidthDeg ?? 65) ** 2)), 180)),
      vCoef: 12 / (s.verticalBeamwidthDeg ?? (isOmni ? 30 : 10)) ** 2,
    };
  });
  const outs = fp.sectors.map((sector) => sector.rsrpCentiDbm);
  // 3GPP pattern constants: A_m = SLA_V = 30 dB (sector); omni side-lobe 20 dB (antennaPattern.ts defaults)
  const amDb = 30;
  const omniSlaDb = 20;
  const dx0M = cellCentreXM(grid, win.col0) - sr.xM;
  const cellM = grid.cellSizeM;
  const { spanCol0, spanStart } = fp;
  // the half's window rows: north of the site's row, or from it south
  const rFirst = options.half === 'south' ? sr.row - win.row0 : 0;
  const rEnd = options.half === 'north' ? sr.row - win.row0 : win.rows;
  for (let r = rFirst; r < rEnd; r++) {
    throwIfCancelled(options.cancel);
    const row = win.row0 + r;
    const dyM = cellCentreYM(grid, row) - sr.yM;
    const c0 = spanCol0[r];
    const offset = spanStart[r] - c0;
    const c1 = c0 + spanStart[r + 1] - spanStart[r];
    for (let c = c0; c < c1; c++) {
      const col = win.col0 + c;
      const local = r * win.cols + c;
      const dxM = dx0M + c * cellM;
      const dM = Math.sqrt(dxM * dxM + dyM * dyM);
      let lossDb: number;
      let dzM = hUtM - hBsM;
      const i0 = Math.floor(dM);
      const frac = dM - i0;
      if (terrain) {
        dzM += terrainM![row * grid.cols + col] - siteGroundM;
        if (dzM !== dzM) {
          for (let k = 0; k < sectors.length; k++) outs[k][offset + c] = NO_RSRP_CENTI_DBM;
          continue;
        }
        if (terrain.isObstructed[local]) lossDb = nlosDb[i0] + (nlosDb[i0 + 1] - nlosDb[i0]) * frac + terrain.diffractionDb[local];
        else lossDb = blendDb[i0] + (blendDb[i0 + 1] - blendDb[i0]) * frac + terrain.diffractionDb[local];
      } else {
        lossDb = blendDb[i0] + (blendDb[i0 + 1] - blendDb[i0]) * frac;
      }
      // direction to the cell, north-east-up, left unnormalised: the angles below are ratios of its components
      // or, for the elevation, its vertical component over its length
      const normM = Math.sqrt(dM * dM + dzM * dzM);
      const invNormM = normM > 0 ? 1 / normM : 0;
      for (let k = 0; k < sectors.length; k++) {
        const s = sectors[k];
        let gainDb: number;
        if (s.isOmni) {
          const e = asinDeg(dzM * invNormM) + s.elecTiltDeg;
          gainDb = -Math.min(s.vCoef * e * e, omniSlaDb);
        } else {
          const x = dyM * s.cosAz + dxM * s.sinAz;
          const y = dxM * s.cosAz - dyM * s.sinAz;
          let xa = x;
          let za = dzM;
          if (s.hasMech) {
            xa = x * s.cosMech - dzM * s.sinMech;
            za = x * s.sinMech + dzM * s.cosMech;
          }
          if (xa * s.sinCap <= Math.abs(y) * s.cosCap) {
            gainDb = -amDb; // behind the antenna: A_H alone reaches the front-to-back cap
          } else {
            const phi = atan2Deg(y, xa);
            const aH = s.hCoef * phi * phi;
            const theta = asinDeg(za * invNormM) + s.elecTiltDeg;
            gainDb = -Math.min(aH + Math.min(s.vCoef * theta * theta, amDb), amDb);
          }
        }
        // to the nearest centi-dB (halves up: the integer truncation of a positive number), floored at -327.67 dBm;
        // +327 dBm cannot occur
        const centi = (s.baseDbm + gainDb - lossDb) * 100;
        outs[k][offset + c] = ((Math.max(centi, -32767) + 32768.5) | 0) - 32768;
      }
    }
  }
  return fp;
}
