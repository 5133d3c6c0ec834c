import { useTranslation } from 'react-i18next';
import { useApp } from '../appContext';
import { useSelect } from '../state/useStore';
import { EditThreadsStatus } from './EditThreadsStatus';

/** The status bar: the pointer's position on the map, the last file message, how edits are computed, the map's attribution. */
export function StatusBar() {
  const { t } = useTranslation();
  const app = useApp();
  const cursor = useSelect(app.cursor, (c) => c.lonLat);
  const notice = useSelect(app.session, (s) => s.notice);
  const project = useSelect(app.session, (s) => s.project);
  return (
    <footer className="statusbar">
      <span data-testid="cursor">{cursor ? t('map.cursor', { lon: cursor[0].toFixed(5), lat: cursor[1].toFixed(5) }) : '\u00a0'}</span>
      {notice && <span className="statusbar-notice" data-testid="file-notice" title={notice}>{notice}</span>}
      {project && <EditThreadsStatus compute={project.compute} />}
      <span className="muted">{t('map.attribution')}</span>
    </footer>
  );
}
