import type { SiteFootprint } from './predictSiteFootprint';

/**
 * Joins the two halves of one site's prediction (predictSiteFootprint with `octants: 'xMajor'` and
 * `'yMajor'`) into the whole footprint, in place into `xMajor`'s arrays, which it returns. Each cell is
 * predicted in one half and NO_RSRP_CENTI_DBM (the smallest value) in the other, so the join is the larger
 * value. Throws RangeError when the halves are not of the same site, window and sectors.
 * @example const fp = mergeFootprintOctants(predictSiteFootprint(ctx, s, { octants: 'xMajor' }), predictSiteFootprint(ctx, s, { octants: 'yMajor' }))
 */
export function mergeFootprintOctants(xMajor: SiteFootprint, yMajor: SiteFootprint): SiteFootprint {
  const same =
    xMajor.siteId === yMajor.siteId &&
    xMajor.col0 === yMajor.col0 &&
    xMajor.row0 === yMajor.row0 &&
    xMajor.spanStart.length === yMajor.spanStart.length &&
    xMajor.spanStart[xMajor.rows] === yMajor.spanStart[yMajor.rows] &&
    xMajor.sectors.length === yMajor.sectors.length;
  if (!same) throw new RangeError(`yMajor must be the other half of site '${xMajor.siteId}' footprint, got site '${yMajor.siteId}'`);
  for (let k = 0; k < xMajor.sectors.length; k++) {
    const a = xMajor.sectors[k].rsrpCentiDbm;
    const b = yMajor.sectors[k].rsrpCentiDbm;
    for (let j = 0; j < a.length; j++) if (b[j] > a[j]) a[j] = b[j];
  }
  return xMajor;
}
