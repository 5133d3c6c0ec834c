import { useTranslation } from 'react-i18next';
import type { Palette } from '../map/palettes';

interface Props {
  title: string;
  palette: Palette;
  opacity: number;
  onOpacity(opacity: number): void;
  /** e.g. "modelled": shown under the title so nobody mistakes a prediction for a measurement */
  note?: string;
}

/** The legend of a raster layer: classes from the palette, its unit, and the layer's opacity. */
export function Legend({ title, palette, opacity, onOpacity, note }: Props) {
  const { t } = useTranslation();
  return (
    <div className="legend" data-testid={`legend-${palette.id}`}>
      <div className="legend-title">
        {title} <span className="muted">({palette.unit})</span>
      </div>
      {note && <div className="legend-note">{note}</div>}
      <ul>
        {[...palette.steps].reverse().map((step) => (
          <li key={step.labelKey}>
            <span className="swatch" style={{ background: `rgba(${step.rgba[0]},${step.rgba[1]},${step.rgba[2]},${step.rgba[3] / 255})` }} />
            {t(step.labelKey)}
          </li>
        ))}
        {palette.noValue && (
          <li key="no-value" data-testid="legend-no-service">
            <span className="swatch" style={{ background: `rgba(${palette.noValue.rgba[0]},${palette.noValue.rgba[1]},${palette.noValue.rgba[2]},${palette.noValue.rgba[3] / 255})` }} />
            {t(palette.noValue.labelKey)}
          </li>
        )}
      </ul>
      <label className="opacity">
        {t('layers.opacity')}
        <input type="range" min={0.1} max={1} step={0.05} value={opacity} onChange={(e) => onOpacity(Number(e.target.value))} />
      </label>
    </div>
  );
}
