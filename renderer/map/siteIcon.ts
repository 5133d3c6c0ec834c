import type { Site, SiteStatus } from '../../core/model';

/** Fill per status: existing sites grey-blue, planned green, proposed (suggested/drafted) orange. */
export const STATUS_COLOURS: Record<SiteStatus, string> = {
  existing: '#4a6fa5',
  planned: '#2f855a',
  proposed: '#dd6b20',
};

const SIZE_PX = { macro: 44, micro: 22, indoor: 20 } as const;

/** A sector wedge as an SVG path: apex at the centre, 65 degree fan towards `azimuthDeg` (north = up). */
function wedgePath(cx: number, cy: number, radius: number, azimuthDeg: number, widthDeg: number): string {
  const a0 = ((azimuthDeg - widthDeg / 2 - 90) * Math.PI) / 180;
  const a1 = ((azimuthDeg + widthDeg / 2 - 90) * Math.PI) / 180;
  const x0 = cx + radius * Math.cos(a0);
  const y0 = cy + radius * Math.sin(a0);
  const x1 = cx + radius * Math.cos(a1);
  const y1 = cy + radius * Math.sin(a1);
  return `M${cx},${cy} L${x0.toFixed(1)},${y0.toFixed(1)} A${radius},${radius} 0 0 1 ${x1.toFixed(1)},${y1.toFixed(1)} Z`;
}

/**
 * SVG markup of a site's map symbol: macro = sector wedges around a dot, micro = a small circle
 * (omni) or wedge, indoor = a square. Sizes are in screen pixels so symbols stay readable at any zoom.
 */
export function siteIconSvg(site: Site, isSelected: boolean): { svg: string; sizePx: number } {
  const size = SIZE_PX[site.kind];
  const c = size / 2;
  const fill = STATUS_COLOURS[site.status];
  const stroke = isSelected ? '#c53030' : '#1a202c';
  const strokeWidth = isSelected ? 2.5 : 1;
  const dash = site.isIllustrative ? ' stroke-dasharray="3 2"' : '';
  let body = '';
  if (site.kind === 'indoor') {
    body = `<rect x="3" y="3" width="${size - 6}" height="${size - 6}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
  } else {
    for (const sector of site.sectors) {
      if (sector.antenna === 'omni') {
        body += `<circle cx="${c}" cy="${c}" r="${c - 3}" fill="${fill}" fill-opacity="0.75" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
      } else {
        const width = sector.horizontalBeamwidthDeg ?? 65;
        body += `<path d="${wedgePath(c, c, c - 2, sector.azimuthDeg, width)}" fill="${fill}" fill-opacity="0.8" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
      }
    }
    body += `<circle cx="${c}" cy="${c}" r="${site.kind === 'macro' ? 4 : 3}" fill="#fff" stroke="${stroke}" stroke-width="1.5"/>`;
  }
  const id = site.id.replace(/[^A-Za-z0-9_.:-]/g, '_');
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" data-site-id="${id}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${body}</svg>`, sizePx: size };
}
