import { useTranslation } from 'react-i18next';
import type { County } from '../../geodata/counties';

interface Props {
  county: County;
  onClose(): void;
  onPlan(code: string): void;
}

/** The selected county's facts, each with its source; a figure no source gives says so. */
export function CountyInfo({ county, onClose, onPlan }: Props) {
  const { t, i18n } = useTranslation();
  const isZh = i18n.language === 'zh';
  const number = (n: number) => n.toLocaleString(isZh ? 'zh-CN' : 'en-US');
  return (
    <aside className="county-info" aria-label={county.name} data-testid="county-info">
      <header>
        <h2>
          {county.name}
          {!isZh && <small> {county.nameEn}</small>}
        </h2>
        <button type="button" className="close" aria-label={t('county.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('county.code')}</dt>
        <dd data-field="code">{county.code}</dd>
        <dt>{t('county.prefecture')}</dt>
        <dd data-field="prefecture">{isZh ? county.prefecture : `${county.prefectureEn} (${county.prefecture})`}</dd>
        <dt>{t('county.area')}</dt>
        <dd data-field="area">
          {t('county.areaValue', { km2: number(Math.round(county.areaKm2)) })}
          {county.officialAreaKm2 !== undefined && (
            <span className="muted" title={county.officialAreaSource}>
              {' · '}
              {t('county.officialArea', { km2: number(county.officialAreaKm2) })}
            </span>
          )}
        </dd>
        <dt>{t('county.population')}</dt>
        <dd data-field="population">
          {county.pop2020 !== undefined ? (
            <span title={`${t('county.source')}: ${county.pop2020Source ?? ''}`}>{number(county.pop2020)}</span>
          ) : (
            <span className="warn">{t('county.populationMissing')}</span>
          )}
        </dd>
        <dt>{t('county.pilot')}</dt>
        <dd data-field="pilot">{county.isPilot ? t('county.pilotYes') : t('county.pilotNo')}</dd>
        <dt>{t('county.seat')}</dt>
        <dd data-field="seat" title={county.seatSource}>
          {county.seatLonLat[0].toFixed(4)}°E, {county.seatLonLat[1].toFixed(4)}°N
        </dd>
      </dl>
      <button type="button" className="primary" data-testid="plan-county" onClick={() => onPlan(county.code)}>
        {t('plan.start')}
      </button>
    </aside>
  );
}
