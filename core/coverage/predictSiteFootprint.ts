import { throwIfCancelled, type CancelToken } from '../cancel';
import { cellCentreXM, cellCentreYM } from '../grid/gridSpec';
import type { SkippedSite } from '../model/coverage';
import type { Site } from '../model/site';
import { DEFAULT_LOCATION_PROBABILITY, shadowMarginDb } from '../propagation/locationProbability';
import { BAND_PRESETS } from '../radio/bands';
import { epreDbm } from '../radio/linkBudget';
import { windowAround, type CellWindow } from './cellWindow';
import { clutterLossRaster } from './clutterLossRaster';
import type { CoverageContext } from './coverageContext';
import { log2Positive } from './log2Positive';
import { profileTerrainLoss } from './profileTerrainLoss';
import { checkSiteForCoverage } from './checkSiteForCoverage';
import { newBuffer } from './sharedMemory';
import { KIND_TX_DEFAULTS } from './siteRadio';
import { surfaceDiffersNear } from './surfaceClutterBlocks';
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

let scratchObstructed = new Uint8Array(0);
let scratchDiffractionDb = new Float32Array(0);
let scratchSurfaceDb = new Float32Array(0);

/**
 * The sweep's window arrays, reused from site to site (the sweep clears them; nothing keeps them past one
 * prediction): 0.8 MB allocated per macro site made the garbage collector run often in the workers.
 */
function terrainScratch(cells: number): { isObstructed: Uint8Array; diffractionDb: Float32Array; surfaceDiffractionDb: Float32Array } {
  if (scratchObstructed.length < cells) {
    scratchObstructed = new Uint8Array(cells);
    scratchDiffractionDb = new Float32Array(cells);
    scratchSurfaceDb = new Float32Array(cells);
  }
  return {
    isObstructed: scratchObstructed.subarray(0, cells),
    diffractionDb: scratchDiffractionDb.subarray(0, cells),
    surfaceDiffractionDb: scratchSurfaceDb.subarray(0, cells),
  };
}

/** log10 of x > 0 from log2Positive (error < 1e-6: < 3e-5 dB at 20 dB per decade). */
const LOG10_2 = Math.log10(2);

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
  const shared = options.shared === true;
  const spanCol0 = new Int32Array(newBuffer(win.rows * 4, shared));
  const spanStart = new Int32Array(newBuffer((win.rows + 1) * 4, shared));
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
  const buffer = options.sectorBuffer ?? ((bytes: number) => newBuffer(bytes, shared));
  const sectors = site.sectors.map((s) => ({ cellId: `${site.id}/${s.id}`, rsrpCentiDbm: new Int16Array(buffer(total * 2)) }));
  return { siteId: site.id, ...win, spanCol0, spanStart, sectors };
}

/**
 * Predicted outdoor SS-RSRP, dBm, of each sector of `site` over the cells within its kind's maximum range
 * (settings.radio.maxRangeM), stored as centi-dBm over one span per row (SiteFootprint). Per cell, with the
 * context's propagation model (core/propagation: the same terms as linkLossDb, here evaluated inline):
 * RSRP = EPRE + G_max + G_UE − L − z(p)·σ, where
 * - L = K1 + Kf log10 f + K2 log10 d' + K3 log10 Heff + K5 log10 d' log10 Heff + Kfar log10(d/d_knee)⁺
 *   + Kt·J_terrain + Kc·(J_surface − J_terrain)⁺ + C_rx + A: d the 3-D distance from the antenna (site ground +
 *   height) to the receiver (cell ground + UE height), Heff the antenna height above the cell's ground; a cell
 *   whose terrain profile is clear has J_terrain = 0 (line of sight over terrain, no statistical NLOS);
 * - J from the radial sweep (or the exact per-profile method) over the terrain and over terrain + clutter heights;
 * - C_rx the clutter term of the cell's neighbourhood (clutterLossRaster);
 * - A the model's weights on the 3GPP sector pattern (TR 38.901 Table 7.3-1) with mechanical + electrical
 *   downtilt toward the cell, its front-to-back and vertical-slope terms, capped at the pattern floor; omni
 *   antennas the vertical cut;
 * - EPRE = P_tx − 10 log10(12 N_PRB) from the band preset (macro) or KIND_TX_DEFAULTS (micro, indoor);
 * - z(p)·σ the shadow margin at the location probability settings.radio.locationProbability (0 at the median).
 * A receiver cell without terrain data gets NO_RSRP_CENTI_DBM. Logarithms come from log2Positive (< 1e-4 dB).
 * With `half`, only that half's rows are predicted (FootprintHalf), into `into` (planFootprint of the same site)
 * when given: two threads fill one shared footprint, each its own rows; the other rows are left as they are.
 * A site the coverage cannot take (outside the grid, kept outside the county, too many sectors, refused by the
 * model: checkSiteForCoverage) gets an empty footprint whose `skipped` says why; one bad site never fails the
 * network. Throws RangeError only for a mismatched `into` or terrain raster; the per-cell loop never throws.
 * Sources: TR 38.901 V17 §7.1.3, §7.3; ITU-R P.526-15; P.2108-1 §3.1; radio.md §1-§5.
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
  const { grid, radio, terrainM, model } = ctx;
  if (terrainM && terrainM.length !== grid.cols * grid.rows) {
    throw new RangeError(`terrainM must have grid.cols * grid.rows = ${grid.cols * grid.rows} cells, got ${terrainM.length}`);
  }
  const preset = BAND_PRESETS[site.band];
  const hBsM = site.heightAglM;
  const hUtM = radio.ueHeightM;
  const freqGhz = sr.freqMhz / 1000;
  const k = model.kFactors;
  const marginDb = shadowMarginDb(radio.locationProbability ?? DEFAULT_LOCATION_PROBABILITY, model.sigmaDb);
  // the distance-free part of L, and the knee in log10 units
  const constantDb = k.offsetDb + model.form.frequencyDbPerDecade * Math.log10(freqGhz) + marginDb;
  const lgKnee = Math.log10(model.form.farKneeM);
  const clutterDb = clutterLossRaster(ctx, freqGhz);

  const siteGroundM = terrainM ? terrainM[sr.row * grid.cols + sr.col] : NaN;
  const hasTerrain = terrainM !== undefined && Number.isFinite(siteGroundM);
  let terrain: TerrainLoss | undefined;
  if (hasTerrain) {
    const method = options.terrainMethod ?? 'sweep';
    // no clutter height near the site: the surface horizon would repeat the terrain's (clutter term exactly 0)
    const surfaceM = method === 'sweep' && !surfaceDiffersNear(ctx, win) ? undefined : ctx.surfaceM;
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
            { maxDistanceM: sr.maxRangeM + grid.cellSizeM, half: options.half, surfaceM },
            terrainScratch(win.cols * win.rows),
          )
        : profileTerrainLoss(grid, terrainM, win, sr.col, sr.row, hBsM, hUtM, sr.freqMhz, { method, surfaceM: ctx.surfaceM });
  }
  const surfaceDb = terrain?.surfaceDiffractionDb;
  // the model's weights as locals: read once per cell in the loop below
  const kTerrain = k.terrainDiffraction;
  const kClutter = k.clutterDiffraction;
  const kDistance = k.distanceDbPerDecade;
  const kDistanceHeight = k.distanceHeightDb;
  const kHeight = k.heightDbPerDecade;
  const kFar = k.farDistanceDbPerDecade;
  const kH = k.horizontalPattern;
  const kV = k.verticalPattern;
  const kFrontBack = k.frontBackDb;
  const kVSlope = k.verticalSlopeDbPerDeg;

  const patternFloorDb = model.form.patternFloorDb;
  const isPatternMonotone = k.horizontalPattern >= 0 && k.verticalPattern >= 0 && k.frontBackDb >= 0 && k.verticalSlopeDbPerDeg >= 0;
  const sectors = site.sectors.map((s) => {
    const isOmni = s.antenna === 'omni';
    const tx = site.kind === 'macro' ? { txPowerDbm: preset.txPowerDbm, antennaGainDbi: preset.antennaGainDbi } : KIND_TX_DEFAULTS[site.kind];
    const azRad = (s.azimuthDeg * Math.PI) / 180;
    const mechRad = (s.mechanicalTiltDeg * Math.PI) / 180;
    const hCoef = 12 / (s.horizontalBeamwidthDeg ?? 65) ** 2;
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
      hCoef,
      // A_H = 12 (φ/φ3dB)² reaches its 30 dB cap at |φ| = φ3dB·sqrt(30/12); |φ| >= that angle φc holds exactly
      // when xa·sin φc <= |y|·cos φc: where the horizontal term alone reaches the pattern floor, that spares the
      // atan2 of every back-lobe cell
      ...backLobeTest(Math.min(Math.sqrt(30 / hCoef), 180)),
      isBackLobeFloor: isPatternMonotone && k.horizontalPattern * 30 >= patternFloorDb,
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
      let dzM = hUtM - hBsM;
      let lossDb = constantDb;
      if (terrain) {
        dzM += terrainM![row * grid.cols + col] - siteGroundM;
        if (dzM !== dzM) {
          for (let q = 0; q < sectors.length; q++) outs[q][offset + c] = NO_RSRP_CENTI_DBM;
          continue;
        }
        const jTerrainDb = terrain.diffractionDb[local];
        lossDb += kTerrain * jTerrainDb;
        if (surfaceDb) {
          const extraDb = surfaceDb[local] - jTerrainDb;
          if (extraDb > 0) lossDb += kClutter * extraDb;
        }
      }
      if (clutterDb) lossDb += clutterDb[row * grid.cols + col];
      // direction to the cell, north-east-up, left unnormalised: the angles below are ratios of its components
      // or, for the elevation, its vertical component over its length (the 3-D distance)
      const normM = Math.sqrt(dM * dM + dzM * dzM);
      const invNormM = normM > 0 ? 1 / normM : 0;
      const hEffM = hUtM - dzM;
      const lgDistance = log2Positive(normM > 1 ? normM : 1) * LOG10_2;
      const lgNear = lgDistance < lgKnee ? lgDistance : lgKnee;
      const lgHeight = hEffM > 1 ? log2Positive(hEffM) * LOG10_2 : 0;
      lossDb += (kDistance + kDistanceHeight * lgHeight) * lgNear + kHeight * lgHeight;
      if (lgDistance > lgKnee) lossDb += kFar * (lgDistance - lgKnee);
      for (let q = 0; q < sectors.length; q++) {
        const s = sectors[q];
        let patternDb: number;
        if (s.isOmni) {
          const e = asinDeg(dzM * invNormM) + s.elecTiltDeg;
          patternDb = kV * Math.min(s.vCoef * e * e, omniSlaDb) + kVSlope * Math.abs(e);
        } else {
          const x = dyM * s.cosAz + dxM * s.sinAz;
          const y = dxM * s.cosAz - dyM * s.sinAz;
          let xa = x;
          let za = dzM;
          if (s.hasMech) {
            xa = x * s.cosMech - dzM * s.sinMech;
            za = x * s.sinMech + dzM * s.cosMech;
          }
          if (s.isBackLobeFloor && xa * s.sinCap <= Math.abs(y) * s.cosCap) {
            patternDb = patternFloorDb; // behind the antenna: the horizontal term alone reaches the floor
          } else {
            // the horizontal term: capped beyond φc, where the atan2 is not needed
            if (xa * s.sinCap <= Math.abs(y) * s.cosCap) patternDb = kH * amDb;
            else {
              const phi = atan2Deg(y, xa);
              patternDb = kH * s.hCoef * phi * phi;
            }
            if (kFrontBack !== 0) {
              const horizontalXy = Math.sqrt(xa * xa + y * y);
              patternDb += kFrontBack * 0.5 * (1 - (horizontalXy > 0 ? xa / horizontalXy : 1));
            }
            const theta = asinDeg(za * invNormM) + s.elecTiltDeg;
            patternDb += kV * Math.min(s.vCoef * theta * theta, amDb) + kVSlope * Math.abs(theta);
          }
        }
        if (patternDb > patternFloorDb) patternDb = patternFloorDb;
        // to the nearest centi-dB (halves up: the integer truncation of a positive number), floored at -327.67 dBm;
        // +327 dBm cannot occur
        const centi = (s.baseDbm - lossDb - patternDb) * 100;
        outs[q][offset + c] = ((Math.max(centi, -32767) + 32768.5) | 0) - 32768;
      }
    }
  }
  return fp;
}
