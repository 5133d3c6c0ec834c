import { useTranslation } from 'react-i18next';
import { SITE_STATUSES } from '../../core/model';
import { POPULATION_PALETTE } from '../map/palettes';
import { PLACE_STATUS_COLOURS } from '../map/PlaceLayer';
import { STATUS_COLOURS } from '../map/siteIcon';

const rgba = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;

/**
 * The key to every symbol the plan map draws besides the coverage heat map (its own legend, Legend.tsx): sites by
 * status, priority places by status, gap outlines, the fibre symbols and the population classes. Folded by default
 * under one line, so it costs the map no room until asked for.
 */
export function LayerKey() {
  const { t } = useTranslation();
  const placeStatuses = ['met', 'partial', 'missed'] as const;
  return (
    <details className="layer-key" data-testid="layer-key">
      <summary>{t('layout.key.title')}</summary>
      <div className="layer-key-body">
        <h4>{t('layers.sites')}</h4>
        <ul>
          {SITE_STATUSES.map((s) => (
            <li key={s}><span className="key-dot" style={{ background: STATUS_COLOURS[s] }} />{t(`site.statuses.${s}`)}</li>
          ))}
          <li><span className="key-dot proposed-ring" />{t('layers.proposed')}</li>
        </ul>
        <h4>{t('layers.places')}</h4>
        <ul>
          {placeStatuses.map((s) => (
            <li key={s}><span className="key-area" style={{ borderColor: PLACE_STATUS_COLOURS[s], background: `${PLACE_STATUS_COLOURS[s]}22` }} />{t(`layout.placeStatus.${s}`)}</li>
          ))}
          <li><span className="key-area dashed" style={{ borderColor: PLACE_STATUS_COLOURS.unscored }} />{t('layout.key.illustrative')}</li>
        </ul>
        <h4>{t('layers.gaps')}</h4>
        <ul>
          <li><span className="key-line gap" />{t('layout.key.gap')}</li>
        </ul>
        <h4>{t('layout.key.fibre')}</h4>
        <ul>
          <li><span className="point-icon olt key-point" />{t('layers.olts')}</li>
          <li><span className="point-icon fibre-upgrade fibre-xgs_line_card key-point" />{t('layout.key.card')}</li>
          <li><span className="point-icon fibre-upgrade fibre-new_odn key-point" />{t('layout.key.newOdn')}</li>
          <li><span className="point-icon fibre-upgrade fibre-new_olt key-point" />{t('layout.key.newOlt')}</li>
          <li><span className="key-area" style={{ borderColor: '#6b46c1' }} />{t('layers.fibreServiceArea')}</li>
        </ul>
        <h4>{t('layers.population')}</h4>
        <ul>
          {POPULATION_PALETTE.steps.slice(1).map((s) => (
            <li key={s.labelKey}><span className="key-area" style={{ background: rgba(s.rgba), borderColor: 'transparent' }} />{t(s.labelKey)}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
