import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode } from '../geodata/counties';
import { CountyInfo } from './components/CountyInfo';
import { CountyList } from './components/CountyList';
import { MapView } from './components/MapView';
import { PlanWorkspace } from './components/PlanWorkspace';
import type { Host } from './host';
import { setLanguage } from './i18n';
import sampleUrl from '../samples/renhuai.gpkg?url';
import { readProjectGpkg } from '../geodata/project';
import { StartPanel } from './components/StartPanel';
import { TaskBar } from './components/TaskBar';
import { PlanCompute } from './session/PlanCompute';
import { openSession, type ProjectSession } from './session/ProjectSession';
import { newProject } from './session/newProject';
import { TaskTracker } from './tasks/TaskTracker';
import { CoveragePool } from './workers/pool';

/** An open project and the computation that keeps its coverage and scores current. */
interface OpenProject {
  session: ProjectSession;
  compute: PlanCompute;
}

/**
 * The coverage workers: one per core but one (the UI thread keeps a core), at least one. Created once for
 * the page's life, outside React: a pool made during a render React throws away would leave its comlink
 * proxies to the garbage collector, which releases (closes) the worker's end (comlink 4.4 FinalizationRegistry).
 */
let sharedPool: CoveragePool | null = null;
function coveragePool(): CoveragePool {
  sharedPool ??= new CoveragePool({ size: Math.max(1, (navigator.hardwareConcurrency || 2) - 1) });
  return sharedPool;
}

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
  const [project, setProject] = useState<OpenProject | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const tracker = useMemo(() => new TaskTracker(), []);
  const pool = coveragePool();
  const selected = useMemo(() => (selectedCode ? countyByCode(selectedCode) : undefined), [selectedCode]);
  const isZh = i18n.language === 'zh';

  const select = useCallback((code: string) => {
    setSelectedCode(code);
    setZoomRequest((n) => n + 1);
  }, []);

  const open = useCallback(
    (session: ProjectSession) => {
      const compute = new PlanCompute(session, pool, tracker);
      setProject((old) => {
        old?.compute.dispose();
        return { session, compute };
      });
      setOpenError(null);
      void compute.recompute();
    },
    [pool, tracker],
  );

  const close = useCallback(() => {
    setProject((old) => {
      old?.compute.dispose();
      return null;
    });
  }, []);

  const planCounty = useCallback(
    (code: string) => {
      const county = countyByCode(code);
      if (county) open(openSession(newProject(county), county));
    },
    [open],
  );

  /** Opens project bytes, or says on the start screen why not (nothing already open is touched). */
  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      const result = await tracker.run('tasks.open', () => readProjectGpkg(bytes));
      if (!result.ok) return setOpenError(t('start.openFailed', { name, reason: result.message }));
      const county = countyByCode(result.value.countyCode);
      if (!county) return setOpenError(t('start.openFailed', { name, reason: t('start.unknownCounty', { code: result.value.countyCode }) }));
      open(openSession(result.value, county, name));
    },
    [open, t, tracker],
  );

  const openSample = useCallback(async () => {
    try {
      const response = await fetch(sampleUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await openBytes('renhuai.gpkg', new Uint8Array(await response.arrayBuffer()));
    } catch (err) {
      setOpenError(t('start.openFailed', { name: 'renhuai.gpkg', reason: String(err) }));
    }
  }, [openBytes, t]);

  const openFile = useCallback(async () => {
    const picked = await host.openFile({ title: t('start.openFile'), filters: [{ name: 'GeoPackage', extensions: ['gpkg'] }] });
    if (!picked.ok) return setOpenError(picked.message);
    if (picked.value) await openBytes(picked.value.name, picked.value.bytes);
  }, [host, openBytes, t]);

  return (
    <div className="app" data-host={host.kind}>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          {project ? (
            <span className="subtitle" data-testid="project-name">
              {isZh ? project.session.county.name : project.session.county.nameEn} · {project.session.county.code}
            </span>
          ) : (
            <span className="subtitle">{t('app.subtitle')}</span>
          )}
        </div>
        <div className="actions">
          {project ? (
            <button type="button" data-testid="close-project" onClick={close}>
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
          <PlanWorkspace session={project.session} compute={project.compute} host={host} onCursor={setCursor} />
        </main>
      ) : (
        <main className="workspace">
          <div className="start-column">
            <StartPanel onOpenSample={() => void openSample()} onOpenFile={() => void openFile()} error={openError} />
            <CountyList counties={GUIZHOU_COUNTIES} selectedCode={selectedCode} onSelect={select} />
          </div>
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
      <TaskBar tracker={tracker} />
      <footer className="statusbar">
        <span data-testid="cursor">
          {cursor ? t('map.cursor', { lon: cursor[0].toFixed(5), lat: cursor[1].toFixed(5) }) : '\u00a0'}
        </span>
        <span className="muted">{t('map.attribution')}</span>
      </footer>
    </div>
  );
}
