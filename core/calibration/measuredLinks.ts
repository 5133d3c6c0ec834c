import { LAND_USE_CLASS_COUNT } from '../propagation/landUse';
import type { LinkGeometry } from '../propagation/linkLoss';

/**
 * Measured points as links the propagation model can score: one LinkGeometry per point in columns (typed
 * arrays: 130,000 points fit in a few MB and cross worker boundaries), with what was transmitted and measured
 * and the group (cell or site) each point belongs to for held-out scoring. Made from 5 m measurement maps
 * (linksFromSquareMaps) or from a project's grid (linksFromProject).
 */
export interface MeasuredLinks {
  rows: number;
  /** group of each point (index into `groups`): a cell for the Huawei data, a site for drive tests */
  group: Int32Array;
  /** group names (cell or site ids) */
  groups: string[];
  /** transmit EPRE + boresight gain + UE gain, dBm */
  txDbm: Float64Array;
  /** measured RSRP, dBm (NaN = not measured: predict only) */
  measuredDbm: Float64Array;
  d3DM: Float64Array;
  hEffM: Float64Array;
  freqGhz: Float64Array;
  terrainDiffractionDb: Float64Array;
  surfaceDiffractionDb: Float64Array;
  azimuthOffDeg: Float64Array;
  verticalOffDeg: Float64Array;
  /** 1 for an omni antenna */
  isOmni: Uint8Array;
  horizontalBeamwidthDeg: Float64Array;
  verticalBeamwidthDeg: Float64Array;
  ueHeightM: Float64Array;
  /** share of each land-use class around the receiver: `rows × LAND_USE_CLASS_COUNT`, row-major */
  clutterShares: Float64Array;
}

const FLOAT_COLUMNS = [
  'txDbm', 'measuredDbm', 'd3DM', 'hEffM', 'freqGhz', 'terrainDiffractionDb', 'surfaceDiffractionDb', 'azimuthOffDeg',
  'verticalOffDeg', 'horizontalBeamwidthDeg', 'verticalBeamwidthDeg', 'ueHeightM',
] as const;

/**
 * Empty columns for `rows` points (NaN measured, zero elsewhere).
 * @example const links = createMeasuredLinks(100, ['cell-1'])
 */
export function createMeasuredLinks(rows: number, groups: string[]): MeasuredLinks {
  const links = { rows, group: new Int32Array(rows), groups, isOmni: new Uint8Array(rows), clutterShares: new Float64Array(rows * LAND_USE_CLASS_COUNT) } as MeasuredLinks;
  for (const k of FLOAT_COLUMNS) (links as unknown as Record<string, Float64Array>)[k] = new Float64Array(rows);
  links.measuredDbm.fill(NaN);
  return links;
}

/**
 * Point `i` of `links` as a LinkGeometry, written into `out` (reused: its clutterShares is a view).
 * @example linkLossDb(model, linkAt(links, 0))
 */
export function linkAt(links: MeasuredLinks, i: number, out: LinkGeometry = {} as LinkGeometry): LinkGeometry {
  out.d3DM = links.d3DM[i];
  out.hEffM = links.hEffM[i];
  out.freqGhz = links.freqGhz[i];
  out.terrainDiffractionDb = links.terrainDiffractionDb[i];
  out.surfaceDiffractionDb = links.surfaceDiffractionDb[i];
  out.clutterShares = links.clutterShares.subarray(i * LAND_USE_CLASS_COUNT, (i + 1) * LAND_USE_CLASS_COUNT);
  out.azimuthOffDeg = links.azimuthOffDeg[i];
  out.verticalOffDeg = links.verticalOffDeg[i];
  out.isOmni = links.isOmni[i] === 1;
  out.horizontalBeamwidthDeg = links.horizontalBeamwidthDeg[i];
  out.verticalBeamwidthDeg = links.verticalBeamwidthDeg[i];
  out.ueHeightM = links.ueHeightM[i];
  return out;
}

/**
 * Writes `link` as point `i` of `links`.
 * @example setLink(links, 0, link)
 */
export function setLink(links: MeasuredLinks, i: number, link: LinkGeometry): void {
  links.d3DM[i] = link.d3DM;
  links.hEffM[i] = link.hEffM;
  links.freqGhz[i] = link.freqGhz;
  links.terrainDiffractionDb[i] = link.terrainDiffractionDb;
  links.surfaceDiffractionDb[i] = link.surfaceDiffractionDb;
  for (let k = 0; k < LAND_USE_CLASS_COUNT; k++) links.clutterShares[i * LAND_USE_CLASS_COUNT + k] = link.clutterShares[k] ?? 0;
  links.azimuthOffDeg[i] = link.azimuthOffDeg;
  links.verticalOffDeg[i] = link.verticalOffDeg;
  links.isOmni[i] = link.isOmni ? 1 : 0;
  links.horizontalBeamwidthDeg[i] = link.horizontalBeamwidthDeg;
  links.verticalBeamwidthDeg[i] = link.verticalBeamwidthDeg;
  links.ueHeightM[i] = link.ueHeightM;
}

/**
 * The points of `links` where `mask[i]` is set, as new columns (groups kept).
 * @example const near = subsetLinks(links, mask)
 */
export function subsetLinks(links: MeasuredLinks, mask: ArrayLike<number>): MeasuredLinks {
  let n = 0;
  for (let i = 0; i < links.rows; i++) if (mask[i]) n++;
  const out = createMeasuredLinks(n, links.groups);
  const link = {} as LinkGeometry;
  for (let i = 0, j = 0; i < links.rows; i++) {
    if (!mask[i]) continue;
    setLink(out, j, linkAt(links, i, link));
    out.group[j] = links.group[i];
    out.txDbm[j] = links.txDbm[i];
    out.measuredDbm[j] = links.measuredDbm[i];
    j++;
  }
  return out;
}
