import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode } from '../geodata/counties';
import { CountyInfo } from './components/CountyInfo';
import { CountyList } from './components/CountyList';
import { MapView } from './components/MapView';
import { PlanWorkspace } from './components/PlanWorkspace';
import type { Host } from './host';
import { setLanguage } from './i18n';
import { openSession, type ProjectSession } from './session/ProjectSession';
import { newProject } from './session/newProject';

interface Props {
  host: Host;
}

/** The app shell: header, then either the county browser (start) or a county's planning workspace. */
export function App({ host }: Props) {
  const { t, i18n } = useTranslation();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [zoomRequest, setZoomRequest] = useState(0);
  const [resetRequest, setResetRequest] = useState(0);
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const [project, setProject] = useState<ProjectSession | null>(null);
  const selected = useMemo(() => (selectedCode ? countyByCode(selectedCode) : undefined), [selectedCode]);
  const isZh = i18n.language === 'zh';

  const select = useCallback((code: string) => {
    setSelectedCode(code);
    setZoomRequest((n) => n + 1);
  }, []);

  const planCounty = useCallback((code: string) => {
    const county = countyByCode(code);
    if (!county) return;
    setProject(openSession(newProject(county), county));
  }, []);

  return (
    <div className="app" data-host={host.kind}>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          {project ? (
            <span className="subtitle" data-testid="project-name">
              {isZh ? project.county.name : project.county.nameEn} · {project.county.code}
            </span>
          ) : (
            <span className="subtitle">{t('app.subtitle')}</span>
          )}
        </div>
        <div className="actions">
          {project ? (
            <button type="button" data-testid="close-project" onClick={() => setProject(null)}>
              {t('plan.close')}
            </button>
          ) : (
            <button type="button" onClick={() => setResetRequest((n) => n + 1)}>
              {t('map.resetView')}
            </button>
          )}
          <button
            type="button"
            aria-label={t('app.language')}
            data-testid="language-toggle"
            onClick={() => void setLanguage(isZh ? 'en' : 'zh')}
          >
            {t('app.switchTo')}
          </button>
        </div>
      </header>
      {project ? (
        <main className="workspace-plan">
          <PlanWorkspace session={project} onCursor={setCursor} />
        </main>
      ) : (
        <main className="workspace">
          <CountyList counties={GUIZHOU_COUNTIES} selectedCode={selectedCode} onSelect={select} />
          <div className="map-pane">
            <MapView
              language={isZh ? 'zh' : 'en'}
              counties={GUIZHOU_COUNTIES}
              selectedCode={selectedCode}
              zoomRequest={zoomRequest}
              resetRequest={resetRequest}
              onSelect={select}
              onCursor={setCursor}
            />
            {selected && <CountyInfo county={selected} onClose={() => setSelectedCode(null)} onPlan={planCounty} />}
          </div>
        </main>
      )}
      <footer className="statusbar">
        <span data-testid="cursor">
          {cursor ? t('map.cursor', { lon: cursor[0].toFixed(5), lat: cursor[1].toFixed(5) }) : '\u00a0'}
        </span>
        <span className="muted">{t('map.attribution')}</span>
      </footer>
    </div>
  );
}
