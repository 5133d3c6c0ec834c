import L from 'leaflet';
import type { MbtilesReader } from '../../geodata/import';

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

/**
 * An offline raster base map from an MBTiles file (opened with geodata/import readMbtiles): each tile is read
 * from the file and shown through a blob: URL, revoked once the image has loaded. Vector (pbf) MBTiles are
 * refused by the caller. Tiles outside the file's zoom range are left empty; Leaflet scales the nearest
 * available zoom no further.
 */
export class MbtilesLayer extends L.GridLayer {
  private readonly mime: string;

  constructor(private readonly reader: MbtilesReader, options: L.GridLayerOptions = {}) {
    const minZoom = Number(reader.metadata.minzoom);
    const maxZoom = Number(reader.metadata.maxzoom);
    super({
      tileSize: 256,
      minNativeZoom: Number.isFinite(minZoom) ? minZoom : undefined,
      maxNativeZoom: Number.isFinite(maxZoom) ? maxZoom : undefined,
      className: 'mbtiles-layer',
      ...options,
    });
    this.mime = MIME[(reader.metadata.format ?? 'png').toLowerCase()] ?? 'image/png';
  }

  protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const img = document.createElement('img');
    img.alt = '';
    const bytes = this.reader.getTile(coords.z, coords.x, coords.y);
    if (!bytes) {
      queueMicrotask(() => done(undefined, img));
      return img;
    }
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: this.mime }));
    img.onload = () => {
      URL.revokeObjectURL(url);
      done(undefined, img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      done(new Error(`tile ${coords.z}/${coords.x}/${coords.y} is not a ${this.mime} image`), img);
    };
    img.src = url;
    return img;
  }
}
