import { useTranslation } from 'react-i18next';

interface Props {
  onOpenSample(): void;
  onOpenFile(): void;
  /** a message from the last attempt to open a file (bad file, newer version ...), shown until the next one */
  error: string | null;
}

/** The start screen's first block: open the sample county, open a project file, or pick any county below. */
export function StartPanel({ onOpenSample, onOpenFile, error }: Props) {
  const { t } = useTranslation();
  return (
    <section className="start-panel" aria-label={t('start.heading')}>
      <h2>{t('start.heading')}</h2>
      <button type="button" className="primary" data-testid="open-sample" onClick={onOpenSample}>
        {t('start.openSample')}
      </button>
      <p className="muted small">{t('start.sampleNote')}</p>
      <button type="button" data-testid="open-project" onClick={onOpenFile}>
        {t('start.openFile')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="open-error">
          {error}
        </p>
      )}
      <p className="muted small">{t('start.pickCounty')}</p>
    </section>
  );
}
