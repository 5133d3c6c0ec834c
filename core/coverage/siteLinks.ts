import { cellCentreXM, cellCentreYM } from '../grid/gridSpec';
import type { Site } from '../model/site';
import { LAND_USE_CLASS_COUNT } from '../propagation/landUse';
import type { LinkGeometry } from '../propagation/linkLoss';
import { toAntennaFrameDeg } from '../radio/antennaPattern';
import { BAND_PRESETS } from '../radio/bands';
import { epreDbm } from '../radio/linkBudget';
import { radToDeg } from '../units';
import { windowAround, type CellWindow } from './cellWindow';
import type { CoverageContext } from './coverageContext';
import type { TerrainMethod } from './predictSiteFootprint';
import { profileTerrainLoss } from './profileTerrainLoss';
import { KIND_TX_DEFAULTS, resolveSiteRadio, type SiteRadio } from './siteRadio';
import { sweepTerrainLoss, type TerrainLoss } from './sweepTerrainLoss';

/** A site's position and terrain as the coverage engine computes them, to read single links from. */
export interface SiteLinks {
  ctx: CoverageContext;
  site: Site;
  radio: SiteRadio;
  window: CellWindow;
  /** the sweep's (or exact method's) terrain result over the window; absent without terrain */
  terrain?: TerrainLoss;
  /** ground height at the site's cell, m (NaN without terrain) */
  siteGroundM: number;
}

/**
 * Prepares the links of `site` over its window: the same position, window and terrain computation (sweep over
 * terrain and surface, or the exact per-profile method) as predictSiteFootprint, in arrays of its own. Throws
 * RangeError as predictSiteFootprint.
 * @example const links = prepareSiteLinks(ctx, site); sectorLinkAtCell(links, 0, col, row, link)
 */
export function prepareSiteLinks(ctx: CoverageContext, site: Site, options: { terrainMethod?: TerrainMethod } = {}): SiteLinks {
  const radio = resolveSiteRadio(ctx, site);
  const { grid, terrainM } = ctx;
  const window = windowAround(grid, radio.col, radio.row, radio.maxRangeM);
  const siteGroundM = terrainM ? terrainM[radio.row * grid.cols + radio.col] : NaN;
  let terrain: TerrainLoss | undefined;
  if (terrainM && Number.isFinite(siteGroundM)) {
    const method = options.terrainMethod ?? 'sweep';
    const ueHeightM = ctx.radio.ueHeightM;
    terrain =
      method === 'sweep'
        ? sweepTerrainLoss(grid, terrainM, window, radio.col, radio.row, site.heightAglM, ueHeightM, radio.freqMhz, {
            maxDistanceM: radio.maxRangeM + grid.cellSizeM,
            surfaceM: ctx.surfaceM,
          })
        : profileTerrainLoss(grid, terrainM, window, radio.col, radio.row, site.heightAglM, ueHeightM, radio.freqMhz, { method, surfaceM: ctx.surfaceM });
  }
  return { ctx, site, radio, window, terrain, siteGroundM };
}

/**
 * Land-use shares of the square of ± round(clutterRadiusM / cellSizeM) cells around (col, row), clipped to the
 * grid, into `out` (LAND_USE_CLASS_COUNT entries; all 0 without land use): the shares whose weighted P.2108
 * losses clutterLossRaster averages.
 * @example landUseSharesAt(ctx, col, row, new Float64Array(8))
 */
export function landUseSharesAt(ctx: CoverageContext, col: number, row: number, out: Float64Array): Float64Array {
  out.fill(0);
  const { landUse, grid } = ctx;
  if (!landUse) return out;
  const radius = Math.round(ctx.model.form.clutterRadiusM / grid.cellSizeM);
  let count = 0;
  for (let r = Math.max(0, row - radius); r <= Math.min(grid.rows - 1, row + radius); r++) {
    for (let c = Math.max(0, col - radius); c <= Math.min(grid.cols - 1, col + radius); c++) {
      out[landUse[r * grid.cols + c]]++;
      count++;
    }
  }
  for (let k = 0; k < LAND_USE_CLASS_COUNT; k++) out[k] /= count;
  return out;
}

/**
 * The link from sector `sectorIndex` of a prepared site to the centre of grid cell (col, row), as the coverage
 * engine sees it, into `out` (its clutterShares must be a Float64Array of LAND_USE_CLASS_COUNT); returns the
 * sector's transmit EPRE + boresight gain + UE gain, dBm, or NaN when the cell is beyond the site's range, outside
 * the grid or without terrain data. Exact trigonometry (the engine's loop uses fast approximations, within
 * 0.001 dB). RSRP = returned dBm − linkLossDb(model, out).
 * @example const txDbm = sectorLinkAtCell(prepareSiteLinks(ctx, site), 0, col, row, link)
 */
export function sectorLinkAtCell(links: SiteLinks, sectorIndex: number, col: number, row: number, out: LinkGeometry): number {
  const { ctx, site, radio, window, terrain, siteGroundM } = links;
  const { grid } = ctx;
  const sector = site.sectors[sectorIndex];
  if (!sector) throw new RangeError(`sectorIndex must be in [0, ${site.sectors.length - 1}], got ${sectorIndex}`);
  if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) return NaN;
  const dxM = cellCentreXM(grid, col) - radio.xM;
  const dyM = cellCentreYM(grid, row) - radio.yM;
  const dM = Math.sqrt(dxM * dxM + dyM * dyM);
  if (dM > radio.maxRangeM) return NaN;
  const hBsM = site.heightAglM;
  const hUtM = ctx.radio.ueHeightM;
  let dzM = hUtM - hBsM;
  out.terrainDiffractionDb = 0;
  out.surfaceDiffractionDb = 0;
  if (terrain) {
    dzM += ctx.terrainM![row * grid.cols + col] - siteGroundM;
    if (!Number.isFinite(dzM)) return NaN;
    const local = (row - window.row0) * window.cols + (col - window.col0);
    out.terrainDiffractionDb = terrain.diffractionDb[local];
    out.surfaceDiffractionDb = terrain.surfaceDiffractionDb ? terrain.surfaceDiffractionDb[local] : terrain.diffractionDb[local];
  }
  const preset = BAND_PRESETS[site.band];
  const isOmni = sector.antenna === 'omni';
  const tx = site.kind === 'macro' ? { txPowerDbm: preset.txPowerDbm, antennaGainDbi: preset.antennaGainDbi } : KIND_TX_DEFAULTS[site.kind];
  const elevationDeg = radToDeg(Math.atan2(dzM, dM));
  if (isOmni) {
    out.azimuthOffDeg = 0;
    out.verticalOffDeg = elevationDeg + sector.electricalTiltDeg + sector.mechanicalTiltDeg;
  } else {
    const bearingDeg = radToDeg(Math.atan2(dxM, dyM));
    const [azimuthDeg, antennaElevationDeg] = toAntennaFrameDeg(bearingDeg - sector.azimuthDeg, elevationDeg, sector.mechanicalTiltDeg);
    out.azimuthOffDeg = azimuthDeg;
    out.verticalOffDeg = antennaElevationDeg + sector.electricalTiltDeg;
  }
  out.isOmni = isOmni;
  out.horizontalBeamwidthDeg = sector.horizontalBeamwidthDeg ?? 65;
  out.verticalBeamwidthDeg = sector.verticalBeamwidthDeg ?? (isOmni ? 30 : 10);
  out.d3DM = Math.max(Math.sqrt(dM * dM + dzM * dzM), 1);
  out.hEffM = Math.max(hUtM - dzM, 1);
  out.freqGhz = radio.freqMhz / 1000;
  out.ueHeightM = hUtM;
  landUseSharesAt(ctx, col, row, out.clutterShares as Float64Array);
  return epreDbm(sector.txPowerDbm ?? tx.txPowerDbm, radio.prbCount) + (sector.maxGainDbi ?? tx.antennaGainDbi) + preset.ueAntennaGainDbi;
}
