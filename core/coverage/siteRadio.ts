import proj4 from 'proj4';
import { colOfXM, rowOfYM } from '../grid/gridSpec';
import type { Site, SiteKind } from '../model/site';
import { BAND_PRESETS } from '../radio/bands';
import type { CoverageContext } from './coverageContext';

/**
 * Transmit defaults of micro and indoor sites, whose radios are smaller than the band preset's macro AAU.
 * [EST] values from ../shared/reference/radio.md §5.3: micro 4T4R 4 x 10 W = 46 dBm with a 12 dBi antenna
 * (EIRP ~58 dBm, the "55-60 dBm" row); indoor head 4 x 250 mW = 30 dBm with 4 dBi (the pico row).
 * Macro sites use the band preset (core/radio/bands.ts).
 */
export const KIND_TX_DEFAULTS: Record<Exclude<SiteKind, 'macro'>, { txPowerDbm: number; antennaGainDbi: number }> = {
  micro: { txPowerDbm: 46, antennaGainDbi: 12 },
  indoor: { txPowerDbm: 30, antennaGainDbi: 4 },
};

/** The per-site radio facts the footprint loop needs, resolved and checked once. */
export interface SiteRadio {
  /** site position in the grid's metric CRS, m */
  xM: number;
  yM: number;
  col: number;
  row: number;
  freqMhz: number;
  maxRangeM: number;
  prbCount: number;
}

/** A site standing outside the planning grid: the coverage skips it (SkippedSite 'outside-grid'). */
export class SiteOutsideGridError extends RangeError {}

const converters = new Map<string, proj4.Converter>();

function converterFor(crs: string): proj4.Converter {
  let c = converters.get(crs);
  if (!c) {
    c = proj4('WGS84', crs);
    converters.set(crs, c);
  }
  return c;
}

/**
 * Resolves a site's position on the grid, its band and range, checking its arguments once (the public-entry
 * check of predictSiteFootprint). Every site kind and band uses the context's propagation model.
 * Throws RangeError naming the argument: site outside the grid, NaN or non-positive height, an unknown band, a
 * non-positive range, a sector with a NaN azimuth or tilt.
 * @example resolveSiteRadio(ctx, site).freqMhz // 3500
 */
export function resolveSiteRadio(ctx: CoverageContext, site: Site): SiteRadio {
  const { grid, radio } = ctx;
  if (!Number.isFinite(site.lonDeg) || !Number.isFinite(site.latDeg)) {
    throw new RangeError(`site.lonDeg/latDeg must be finite, got ${site.lonDeg}, ${site.latDeg} (site ${site.id})`);
  }
  if (!Number.isFinite(site.heightAglM) || site.heightAglM <= 0) {
    throw new RangeError(`site.heightAglM must be a finite height > 0 m, got ${site.heightAglM} (site ${site.id})`);
  }
  const preset = BAND_PRESETS[site.band];
  if (!preset) throw new RangeError(`site.band must be one of ${Object.keys(BAND_PRESETS).join(', ')}, got ${site.band} (site ${site.id})`);
  const [xM, yM] = converterFor(grid.crs).forward([site.lonDeg, site.latDeg]);
  const col = colOfXM(grid, xM);
  const row = rowOfYM(grid, yM);
  if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) {
    throw new SiteOutsideGridError(`site ${site.id} is outside the grid (lon ${site.lonDeg}, lat ${site.latDeg} -> col ${col}, row ${row})`);
  }
  const maxRangeM = radio.maxRangeM[site.kind];
  if (!(maxRangeM > 0) || !Number.isFinite(maxRangeM)) throw new RangeError(`radio.maxRangeM.${site.kind} must be > 0 m, got ${maxRangeM}`);
  for (const s of site.sectors) {
    if (![s.azimuthDeg, s.mechanicalTiltDeg, s.electricalTiltDeg].every(Number.isFinite)) {
      throw new RangeError(`site ${site.id} sector ${s.id}: azimuthDeg and tilts must be finite`);
    }
  }
  return { xM, yM, col, row, freqMhz: preset.freqMhz, maxRangeM, prbCount: preset.prbCount };
}
