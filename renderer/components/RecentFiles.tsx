import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../host/Host';
import { useFormatter } from '../i18n/useFormatter';

interface Props {
  files: readonly RecentFile[];
  onOpen(handle: string): void;
}

/**
 * The start screen's recent project files (host.listRecent), newest first; a click reopens one. Under each name the
 * folder it is in (desktop) or whether the browser kept it as opened or saved, its size and local time, so two files
 * of one name (the sample and a saved copy) can be told apart.
 */
export function RecentFiles({ files, onOpen }: Props) {
  const { t } = useTranslation();
  const f = useFormatter();
  const names = new Map<string, number>();
  for (const file of files) names.set(file.name, (names.get(file.name) ?? 0) + 1);
  return (
    <section className="recent-files" aria-label={t('file.recentHeading')} data-testid="recent-files">
      <h3>{t('file.recentHeading')}</h3>
      {files.length === 0 ? (
        <p className="muted small">{t('file.recentEmpty')}</p>
      ) : (
        <ul>
          {files.map((file) => {
            const where = file.folder ?? (file.origin ? t(`file.recentOrigin.${file.origin}`) : '');
            const size = file.sizeBytes === undefined ? '' : t('file.recentSize', { mb: f.n.fixed(file.sizeBytes / 1e6, 1) });
            const detail = [where, size, t('file.recentOpened', { time: f.dateTime(new Date(file.modifiedMs)) })].filter(Boolean).join(' · ');
            return (
              <li key={file.handle} className={(names.get(file.name) ?? 0) > 1 ? 'same-name' : undefined}>
                <button type="button" className="link" title={detail} onClick={() => onOpen(file.handle)}>
                  {file.name}
                </button>
                <span className="muted recent-detail">{detail}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
