import type { BandId, SiteKind } from '../model/site';
import type { CapacitySettings } from './capacitySettings';

/**
 * Mean DL layers of a site's sectors: a macro's by band (64T64R at n78/n41/n79, 4T4R at n28), micro and indoor
 * cells the small-cell figure. All sites are taken on the project band, as the coverage engine takes them.
 * @example siteLayers(DEFAULT_CAPACITY_SETTINGS, 'n78', 'macro') // 4
 */
export function siteLayers(settings: CapacitySettings, band: BandId, kind: SiteKind): number {
  return kind === 'macro' ? settings.macroLayers[band].value : settings.smallCellLayers.value;
}

/**
 * `layersOf` for createCapacityState: the layers of a sector from its cell id (`${siteId}/${sectorId}`) and
 * the kind of its site (`kindOf`; a site it does not know counts as a macro).
 * @example createCapacityState(prep, raster, layersOfCell(settings, 'n78', (id) => sites.get(id)?.kind))
 */
export function layersOfCell(settings: CapacitySettings, band: BandId, kindOf: (siteId: string) => SiteKind | undefined): (cellId: string) => number {
  return (cellId) => siteLayers(settings, band, kindOf(cellId.slice(0, cellId.lastIndexOf('/'))) ?? 'macro');
}
