import { useTranslation } from 'react-i18next';
import { BAND_IDS, BUILD_METHODS, SITE_KINDS, SITE_LIMITS, SITE_STATUSES, type FieldRange, type Site } from '../../core/model';
import { NumberField, SelectField, TextField } from './fields';

interface Props {
  site: Site;
  onChange(changes: Partial<Omit<Site, 'id' | 'sectors'>>): void;
  onSectorChange(sectorId: string, changes: { azimuthDeg?: number; mechanicalTiltDeg?: number; electricalTiltDeg?: number }): void;
  onRotate(deltaDeg: number): void;
  onCopy(): void;
  onDelete(): void;
}

/** Every parameter of one site, validated with units against SITE_LIMITS (the import's schema); each committed change is one undoable edit. */
export function SiteEditor({ site, onChange, onSectorChange, onRotate, onCopy, onDelete }: Props) {
  const { t } = useTranslation();
  const limits = (r: FieldRange) => ({ min: r.min, max: r.max, rangeMessage: t('site.range', { min: r.min, max: r.max }) });
  return (
    <section className="site-editor" aria-label={t('site.heading')} data-testid="site-editor" data-site-id={site.id}>
      <h3>{t('site.heading')}</h3>
      {site.isIllustrative && <p className="warn small">{t('site.illustrative')}</p>}
      <TextField label={t('site.name')} value={site.name} maxLength={100} requiredMessage={t('site.nameRequired')} onCommit={(name) => onChange({ name })} testId="site-name" />
      <div className="row">
        <SelectField label={t('site.kind')} value={site.kind} options={SITE_KINDS.map((k) => ({ value: k, label: t(`site.kinds.${k}`) }))} onChange={(kind) => onChange({ kind })} />
        <SelectField label={t('site.status')} value={site.status} options={SITE_STATUSES.map((k) => ({ value: k, label: t(`site.statuses.${k}`) }))} onChange={(status) => onChange({ status })} />
      </div>
      <div className="row">
        <SelectField label={t('site.buildMethod')} value={site.buildMethod} options={BUILD_METHODS.map((k) => ({ value: k, label: t(`site.buildMethods.${k}`) }))} onChange={(buildMethod) => onChange({ buildMethod })} />
        <SelectField label={t('site.band')} value={site.band} options={BAND_IDS.map((k) => ({ value: k, label: t(`site.bands.${k}`) }))} onChange={(band) => onChange({ band })} />
      </div>
      <div className="row">
        <NumberField label={t('site.height')} unit="m" value={site.heightAglM} {...limits(SITE_LIMITS.heightAglM[site.kind])} onCommit={(heightAglM) => onChange({ heightAglM })} testId="site-height" />
      </div>
      <div className="row">
        <NumberField label={t('site.lon')} unit="°E" value={round(site.lonDeg, 6)} {...limits(SITE_LIMITS.lonDeg)} step={0.0001} onCommit={(lonDeg) => onChange({ lonDeg })} />
        <NumberField label={t('site.lat')} unit="°N" value={round(site.latDeg, 6)} {...limits(SITE_LIMITS.latDeg)} step={0.0001} onCommit={(latDeg) => onChange({ latDeg })} />
      </div>
      {site.sectors.map((sector) => (
        <fieldset key={sector.id} className="sector">
          <legend>
            {t('site.sector', { id: sector.id })}
            {sector.antenna === 'omni' ? ` · ${t('site.omni')}` : ''}
          </legend>
          <div className="row three">
            {sector.antenna !== 'omni' && (
              <NumberField label={t('site.azimuth')} unit="°" value={sector.azimuthDeg} {...limits(SITE_LIMITS.azimuthDeg)} onCommit={(azimuthDeg) => onSectorChange(sector.id, { azimuthDeg })} testId={`sector-${sector.id}-azimuth`} />
            )}
            <NumberField label={t('site.mechanicalTilt')} unit="°" value={sector.mechanicalTiltDeg} {...limits(SITE_LIMITS.mechanicalTiltDeg)} onCommit={(mechanicalTiltDeg) => onSectorChange(sector.id, { mechanicalTiltDeg })} />
            <NumberField label={t('site.electricalTilt')} unit="°" value={sector.electricalTiltDeg} {...limits(SITE_LIMITS.electricalTiltDeg)} onCommit={(electricalTiltDeg) => onSectorChange(sector.id, { electricalTiltDeg })} />
          </div>
        </fieldset>
      ))}
      <div className="buttons">
        <button type="button" onClick={() => onRotate(-15)}>{t('site.rotateLeft')}</button>
        <button type="button" onClick={() => onRotate(15)}>{t('site.rotateRight')}</button>
        <button type="button" onClick={onCopy}>{t('site.copy')}</button>
        <button type="button" className="danger" onClick={onDelete} data-testid="site-delete">{t('site.delete')}</button>
      </div>
    </section>
  );
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
