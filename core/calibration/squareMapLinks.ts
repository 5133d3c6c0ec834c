import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { LAND_USE_CLASS_COUNT } from '../propagation/landUse';
import type { LinkGeometry } from '../propagation/linkLoss';
import { STANDARD_FORM } from '../propagation/propagationModel';
import { toAntennaFrameDeg } from '../radio/antennaPattern';
import { horizonEdgeLoss, type HorizonEdge } from '../radio/terrainProfile';
import { radToDeg } from '../units';
import { createMeasuredLinks, setLink, type MeasuredLinks } from './measuredLinks';
import { HUAWEI_CLUTTER_TO_LAND_USE, type MeasurementSet } from './measurement';
import { buildSquareMap } from './squareMap';

/** Options of linksFromSquareMaps. */
export interface SquareMapLinkOptions {
  /** receiver height above ground, m (default 1.5) */
  ueHeightM?: number;
  /** half-power beamwidths of the cells' antennas, deg (default 65 and 10: TR 38.901 / TR 36.814 macro) */
  horizontalBeamwidthDeg?: number;
  verticalBeamwidthDeg?: number;
  /**
   * boresight antenna gain assumed on top of the files' RS power, dBi (default 15 [EST]: a 2.6 GHz 65° panel
   * is 15-18 dBi; the files do not give it, and the fitted offset absorbs the difference)
   */
  antennaGainDbi?: number;
  /** half-width of the square neighbourhood whose land use makes the clutter term, m (default the model form's 50) */
  clutterRadiusM?: number;
  /** map the files' land-cover codes to land-use classes (default HUAWEI_CLUTTER_TO_LAND_USE) */
  landUseOfClutter?: Readonly<Record<number, number>>;
  cancel?: CancelToken;
  onProgress?: ProgressFn;
}

/** Boresight gain assumed for the Huawei 2019 cells, dBi [EST]. */
export const HUAWEI_ANTENNA_GAIN_DBI = 15;

/**
 * The links of every point of `set` from 5 m maps built from the measurement rows themselves (squareMap.ts:
 * each row carries its square's altitude, building height and land cover). Per point: the 3-D distance and the
 * effective height from the site's antenna (ground + building + mast) to the receiver (ground + UE height);
 * the direction in the mechanically tilted antenna frame; the transmitter-horizon knife edge over the ground
 * profile and over ground + buildings (horizonEdgeLoss: the construction of the coverage engine's sweep, so both
 * compute the same physics, here on 5 m squares, there on the project grid); the land-use shares of the known
 * squares within ± clutterRadiusM (a square window, as the engine's). Points group by cell. Checks `cancel` and
 * reports progress once per cell. Throws RangeError for a bad option.
 * @example const links = linksFromSquareMaps(readHuaweiCalibrationCsv(bytes, 'train_1.csv'))
 */
export function linksFromSquareMaps(set: MeasurementSet, options: SquareMapLinkOptions = {}): MeasuredLinks {
  const ueHeightM = options.ueHeightM ?? 1.5;
  const hBeamDeg = options.horizontalBeamwidthDeg ?? 65;
  const vBeamDeg = options.verticalBeamwidthDeg ?? 10;
  const gainDbi = options.antennaGainDbi ?? HUAWEI_ANTENNA_GAIN_DBI;
  const clutterRadiusM = options.clutterRadiusM ?? STANDARD_FORM.clutterRadiusM;
  if (!(ueHeightM > 0)) throw new RangeError(`ueHeightM must be > 0 m, got ${ueHeightM}`);
  if (!(hBeamDeg > 0) || !(vBeamDeg > 0)) throw new RangeError('beamwidths must be > 0 deg');
  if (!(clutterRadiusM >= 0)) throw new RangeError(`clutterRadiusM must be >= 0 m, got ${clutterRadiusM}`);
  const toLandUse = options.landUseOfClutter ?? HUAWEI_CLUTTER_TO_LAND_USE;
  const n = set.points.length;
  const links = createMeasuredLinks(n, set.cells.map((c) => c.cellId));
  const byCell = new Map<number, number[]>();
  set.points.forEach((p, i) => {
    let list = byCell.get(p.cellIndex);
    if (!list) byCell.set(p.cellIndex, (list = []));
    list.push(i);
  });
  let ground = new Float64Array(1024);
  let surface = new Float64Array(1024);
  const edge: HorizonEdge = { lossDb: 0, heightAboveRayM: 0, distanceFromTxM: 0 };
  const shares = new Float64Array(LAND_USE_CLASS_COUNT);
  const link: LinkGeometry = {
    d3DM: 0, hEffM: 0, freqGhz: 0, terrainDiffractionDb: 0, surfaceDiffractionDb: 0, clutterShares: shares, azimuthOffDeg: 0,
    verticalOffDeg: 0, isOmni: false, horizontalBeamwidthDeg: hBeamDeg, verticalBeamwidthDeg: vBeamDeg, ueHeightM,
  };
  let done = 0;
  for (const [ci, indices] of byCell) {
    throwIfCancelled(options.cancel);
    const cell = set.cells[ci];
    const map = buildSquareMap(cell, ci, set.points, { fillBuildingsBlock: 4 });
    const step = map.cellSizeM;
    const half = step / 2;
    // land-use class of every known square (-1 where unknown: no data)
    const landUse = new Int8Array(map.cols * map.rows).fill(-1);
    for (let q = 0; q < landUse.length; q++) if (map.isKnown[q]) landUse[q] = toLandUse[map.clutter[q]] ?? 0;
    const radius = Math.round(clutterRadiusM / step);
    // the Huawei X, Y are square corners: use centres
    const sxM = cell.xM + half;
    const syM = cell.yM - half;
    const siteGroundM = Number.isNaN(cell.altitudeM) ? 0 : cell.altitudeM;
    const txAmslM = siteGroundM + (Number.isNaN(cell.buildingHeightM) ? 0 : cell.buildingHeightM) + cell.heightM;
    for (const i of indices) {
      const p = set.points[i];
      const rxXM = p.xM + half;
      const rxYM = p.yM - half;
      const rxGroundM = Number.isNaN(p.altitudeM) ? siteGroundM : p.altitudeM;
      const d2DM = Math.max(Math.hypot(rxXM - sxM, rxYM - syM), step);
      const bearingDeg = radToDeg(Math.atan2(rxXM - sxM, rxYM - syM));
      const azOffDeg = ((((bearingDeg - cell.azimuthDeg + 180) % 360) + 360) % 360) - 180;
      const elevDeg = radToDeg(Math.atan2(rxGroundM + ueHeightM - txAmslM, d2DM));
      const [antAzDeg, antElevDeg] = toAntennaFrameDeg(azOffDeg, elevDeg, cell.mechanicalTiltDeg);
      const samples = Math.max(2, Math.ceil(d2DM / step) + 1);
      if (samples > ground.length) {
        ground = new Float64Array(samples * 2);
        surface = new Float64Array(samples * 2);
      }
      for (let k = 0; k < samples; k++) {
        const t = k / (samples - 1);
        const c = Math.floor((sxM + (rxXM - sxM) * t - map.x0M) / step);
        const r = Math.floor((map.yTopM - (syM + (rxYM - syM) * t)) / step);
        let gM = siteGroundM;
        let bM = 0;
        if (c >= 0 && c < map.cols && r >= 0 && r < map.rows) {
          gM = map.altitudeM[r * map.cols + c];
          bM = map.buildingHeightM[r * map.cols + c];
        }
        ground[k] = gM;
        surface[k] = gM + bM;
      }
      const stepM = d2DM / (samples - 1);
      const rxAmslM = rxGroundM + ueHeightM;
      link.terrainDiffractionDb = horizonEdgeLoss(ground.subarray(0, samples), stepM, txAmslM, rxAmslM, cell.freqMhz, {}, edge).lossDb;
      link.surfaceDiffractionDb = horizonEdgeLoss(surface.subarray(0, samples), stepM, txAmslM, rxAmslM, cell.freqMhz, {}, edge).lossDb;
      // land use of the known squares within the window
      shares.fill(0);
      const rc = Math.floor((rxXM - map.x0M) / step);
      const rr = Math.floor((map.yTopM - rxYM) / step);
      let known = 0;
      for (let r = Math.max(0, rr - radius); r <= Math.min(map.rows - 1, rr + radius); r++) {
        for (let c = Math.max(0, rc - radius); c <= Math.min(map.cols - 1, rc + radius); c++) {
          const k = landUse[r * map.cols + c];
          if (k < 0) continue;
          shares[k]++;
          known++;
        }
      }
      if (known > 0) for (let k = 0; k < LAND_USE_CLASS_COUNT; k++) shares[k] /= known;
      link.d3DM = Math.hypot(d2DM, txAmslM - rxAmslM);
      link.hEffM = Math.max(txAmslM - rxGroundM, 1);
      link.freqGhz = cell.freqMhz / 1000;
      link.azimuthOffDeg = antAzDeg;
      link.verticalOffDeg = antElevDeg + cell.electricalTiltDeg;
      setLink(links, i, link);
      links.group[i] = ci;
      links.txDbm[i] = cell.rsPowerDbm + gainDbi;
      links.measuredDbm[i] = p.rsrpDbm;
    }
    done += indices.length;
    options.onProgress?.(done / Math.max(n, 1));
  }
  return links;
}
