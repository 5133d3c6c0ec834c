import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../keyboard/shortcuts';

/** The list of keyboard shortcuts, from the same table the handler uses. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label={t('shortcuts.heading')} data-testid="shortcut-help" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>{t('shortcuts.heading')}</h2>
          <button type="button" className="close" aria-label={t('county.close')} onClick={onClose}>×</button>
        </header>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.command}>
                <td><kbd>{s.keys}</kbd></td>
                <td>{t(`shortcuts.${s.command}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
