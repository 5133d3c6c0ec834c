import type { CapacityReport, SectorLoad } from '../../core/capacity';

/** One sector of a site with its busy-hour load, and the report's figures for it where the report lists it. */
export interface SiteSectorLoad {
  sectorId: string;
  load: number;
  /** the report's row (sectors and micro sites needed) when the sector is among its worst sectors */
  detail: SectorLoad | null;
}

/**
 * The sectors of site `siteId` with their loads, from the per-sector loads of the load map (`sectorLoad`, indexed
 * like `cellIds`, `${siteId}/${sectorId}`) and the report's worst sectors for the sizing; sectors serving no cell
 * are left out. Sorted by sector id.
 * @example sitesCapacity(report.capacity, 'S1', rasters.sectorLoad, rasters.cellIds) // [{ sectorId: 'A', load: 0.42, detail: null }]
 */
export function sitesCapacity(capacity: Pick<CapacityReport, 'worstSectors'>, siteId: string, sectorLoad: Float32Array, cellIds: readonly string[]): SiteSectorLoad[] {
  const prefix = `${siteId}/`;
  const detail = new Map(capacity.worstSectors.filter((s) => s.siteId === siteId).map((s) => [s.sectorId, s]));
  const out: SiteSectorLoad[] = [];
  for (let k = 0; k < cellIds.length && k < sectorLoad.length; k++) {
    const id = cellIds[k];
    if (!id.startsWith(prefix)) continue;
    const sectorId = id.slice(prefix.length);
    if (sectorId.includes('/')) continue;
    const d = detail.get(sectorId) ?? null;
    out.push({ sectorId, load: d ? d.load : sectorLoad[k], detail: d });
  }
  for (const [sectorId, d] of detail) if (!out.some((o) => o.sectorId === sectorId)) out.push({ sectorId, load: d.load, detail: d });
  return out.sort((a, b) => a.sectorId.localeCompare(b.sectorId));
}
