import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../host/Host';

interface Props {
  files: readonly RecentFile[];
  onOpen(handle: string): void;
}

/** The start screen's recent project files (host.listRecent), newest first; a click reopens one. */
export function RecentFiles({ files, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="recent-files" aria-label={t('file.recentHeading')} data-testid="recent-files">
      <h3>{t('file.recentHeading')}</h3>
      {files.length === 0 ? (
        <p className="muted small">{t('file.recentEmpty')}</p>
      ) : (
        <ul>
          {files.map((f) => (
            <li key={f.handle}>
              <button type="button" className="link" title={t('file.recentOpened', { time: when.format(f.modifiedMs) })} onClick={() => onOpen(f.handle)}>
                {f.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
