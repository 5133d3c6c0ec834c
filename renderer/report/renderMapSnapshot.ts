import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import type { GridSpec } from '../../core/grid';
import { WGS84_LONLAT } from '../../core/grid';
import type { Site } from '../../core/model';
import { colourOf, type Palette } from '../map/palettes';

/** Site dot colours by status (the map's symbols use the same hues). */
const STATUS_COLOUR: Record<Site['status'], string> = { existing: '#2b6cb0', planned: '#2f855a', proposed: '#c53030' };

/**
 * A static map of the county for the report, drawn from the grid data alone (no tiles, works offline):
 * the raster coloured by `palette` over a white ground, the boundary, and the sites as dots by status.
 * The picture is in the grid's own metric projection, north up, `maxSizePx` on its longer side.
 * @example const png = renderMapSnapshot({ grid, values: rasters.rsrpDbm, palette: RSRP_PALETTE, boundary, sites }).toDataURL('image/png')
 */
export function renderMapSnapshot(input: {
  grid: GridSpec;
  values: Float32Array;
  palette: Palette;
  boundary: MultiPolygon;
  sites: readonly Site[];
  maxSizePx?: number;
}): HTMLCanvasElement {
  const { grid, values, palette, boundary, sites, maxSizePx = 900 } = input;
  if (values.length !== grid.cols * grid.rows) throw new RangeError(`values must have grid.cols * grid.rows (${grid.cols * grid.rows}) entries, got ${values.length}`);
  const pxPerCell = maxSizePx / Math.max(grid.cols, grid.rows);
  const width = Math.max(1, Math.round(grid.cols * pxPerCell));
  const height = Math.max(1, Math.round(grid.rows * pxPerCell));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;

  // the raster, alpha-blended on white by hand so the PNG is opaque
  const image = ctx.createImageData(width, height);
  const px = image.data;
  for (let y = 0; y < height; y++) {
    const row = Math.min(grid.rows - 1, Math.floor(y / pxPerCell));
    for (let x = 0; x < width; x++) {
      const col = Math.min(grid.cols - 1, Math.floor(x / pxPerCell));
      const [r, g, b, a] = colourOf(palette, values[row * grid.cols + col]);
      const k = (y * width + x) * 4;
      const alpha = a / 255;
      px[k] = Math.round(r * alpha + 255 * (1 - alpha));
      px[k + 1] = Math.round(g * alpha + 255 * (1 - alpha));
      px[k + 2] = Math.round(b * alpha + 255 * (1 - alpha));
      px[k + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);

  const toGrid = proj4(WGS84_LONLAT, grid.crs);
  const toPx = (lonLat: number[]): [number, number] => {
    const [xM, yM] = toGrid.forward([lonLat[0], lonLat[1]]);
    return [((xM - grid.originXM) / grid.cellSizeM) * pxPerCell, ((grid.originYM - yM) / grid.cellSizeM) * pxPerCell];
  };
  ctx.strokeStyle = '#1f3a5f';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const polygon of boundary.coordinates) {
    for (const ring of polygon) {
      ring.forEach((p, k) => {
        const [x, y] = toPx(p);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
  }
  ctx.stroke();

  ctx.lineWidth = 1;
  ctx.strokeStyle = '#ffffff';
  for (const site of sites) {
    const [x, y] = toPx([site.lonDeg, site.latDeg]);
    ctx.fillStyle = STATUS_COLOUR[site.status];
    ctx.beginPath();
    ctx.arc(x, y, site.status === 'existing' ? 3 : 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  return canvas;
}

/** The dot colour of a site status on the snapshot (for the report's legend). */
export const snapshotStatusColour = STATUS_COLOUR;
