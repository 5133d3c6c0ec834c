import L from 'leaflet';
import type { CalibrationPoints } from '../calibration/calibrationJobs';

/** Error classes of the drive-test layer (predicted − measured, dB): upper bounds and colours, low to high. */
export const ERROR_CLASSES: readonly { id: 'low2' | 'low1' | 'ok' | 'high1' | 'high2'; maxDb: number; colour: string }[] = [
  { id: 'low2', maxDb: -15, colour: '#2166ac' },
  { id: 'low1', maxDb: -5, colour: '#67a9cf' },
  { id: 'ok', maxDb: 5, colour: '#4dac26' },
  { id: 'high1', maxDb: 15, colour: '#ef8a62' },
  { id: 'high2', maxDb: Infinity, colour: '#b2182b' },
];

/** Most points drawn (every k-th beyond): a canvas of circles stays smooth to pan. */
export const ERROR_LAYER_MAX_POINTS = 20000;

/** The class of an error, dB (NaN: none). */
export function errorClassOf(errorDb: number): (typeof ERROR_CLASSES)[number] | null {
  if (!Number.isFinite(errorDb)) return null;
  return ERROR_CLASSES.find((c) => errorDb < c.maxDb) ?? ERROR_CLASSES[ERROR_CLASSES.length - 1];
}

/**
 * A calibration's measured points on the map, coloured by the calibrated model's held-out error (predicted −
 * measured), drawn on one canvas; a tooltip gives measured, before and after RSRP.
 */
export class DriveTestErrorLayer extends L.LayerGroup {
  private readonly renderer = L.canvas({ padding: 0.2 });
  private points: CalibrationPoints | null = null;

  setPoints(points: CalibrationPoints | null, describe: (i: number) => string): void {
    if (points === this.points) return;
    this.points = points;
    this.clearLayers();
    if (!points) return;
    const n = points.lonDeg.length;
    const step = Math.max(1, Math.ceil(n / ERROR_LAYER_MAX_POINTS));
    for (let i = 0; i < n; i += step) {
      const cls = errorClassOf(points.afterDbm[i] - points.measuredDbm[i]);
      if (!cls) continue;
      const marker = L.circleMarker([points.latDeg[i], points.lonDeg[i]], {
        renderer: this.renderer, radius: 4, weight: 0.5, color: '#333', fillColor: cls.colour, fillOpacity: 0.9,
      });
      marker.bindTooltip(() => describe(i));
      this.addLayer(marker);
    }
  }
}
