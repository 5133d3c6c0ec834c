import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../appContext';
import { setLanguage } from '../i18n';
import type { OpenProject } from '../session/AppSession';
import { useSelect } from '../state/useStore';

const NO_FILE = () => null;
const NO_SUBSCRIPTION = () => () => undefined;

/**
 * The title bar: the app's name, the open project's county and file (● = unsaved edits, also in the window
 * title), Project settings and Close (or Reset view on the start screen), and the language switch.
 */
export function AppHeader() {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const project = useSelect(app.session, (s) => s.project);
  const file = useSyncExternalStore(project?.file.subscribe ?? NO_SUBSCRIPTION, project?.file.getSnapshot ?? NO_FILE);
  const isZh = i18n.language === 'zh';
  const fileName = file?.name ?? t('file.neverSaved');
  const title = project ? `${file?.isDirty ? '● ' : ''}${fileName} · ${t('app.title')}` : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <header className="topbar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        {project ? <ProjectName project={project} fileName={fileName} isDirty={!!file?.isDirty} isZh={isZh} /> : <span className="subtitle">{t('app.subtitle')}</span>}
      </div>
      <div className="actions">
        {project && (
          <button type="button" data-testid="open-settings" onClick={() => project.workspace.ui.update({ isSettingsOpen: true })}>
            {t('projectSettings.heading')}
          </button>
        )}
        {project ? (
          <button type="button" data-testid="close-project" onClick={() => void app.session.close()}>
            {t('plan.close')}
          </button>
        ) : (
          <button type="button" onClick={() => app.startMap.resetView()}>
            {t('map.resetView')}
          </button>
        )}
        <button type="button" aria-label={t('app.language')} data-testid="language-toggle" onClick={() => void setLanguage(isZh ? 'en' : 'zh')}>
          {t('app.switchTo')}
        </button>
      </div>
    </header>
  );
}

function ProjectName({ project, fileName, isDirty, isZh }: { project: OpenProject; fileName: string; isDirty: boolean; isZh: boolean }) {
  const { t } = useTranslation();
  const { county } = project.session;
  return (
    <span className="subtitle" data-testid="project-name">
      {isZh ? county.name : county.nameEn} · {county.code}
      {' · '}
      <span data-testid="file-name">{fileName}</span>
      {isDirty && (
        <span className="dirty-marker" data-testid="dirty-marker" title={t('file.unsaved')} aria-label={t('file.unsaved')}>
          {' ●'}
        </span>
      )}
    </span>
  );
}
