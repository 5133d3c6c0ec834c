import { useTranslation } from 'react-i18next';
import type { RecoverableProject } from '../host/Host';

interface Props {
  items: readonly RecoverableProject[];
  onRecover(id: string): void;
  onDiscard(id: string): void;
}

/** The start screen's offer to recover autosaves an earlier run left behind (host.listRecoverable). */
export function RecoveryList({ items, onRecover, onDiscard }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="recovery-list" role="alert" aria-label={t('file.recoverHeading')} data-testid="recovery-list">
      <h3>{t('file.recoverHeading')}</h3>
      <p className="muted small">{t('file.recoverNote')}</p>
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <span>{t('file.recoverItem', { name: r.projectName ?? r.name, time: when.format(r.modifiedMs) })}</span>
            <button type="button" className="primary" data-testid="recover" onClick={() => onRecover(r.id)}>{t('file.recover')}</button>
            <button type="button" onClick={() => onDiscard(r.id)}>{t('file.discard')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
