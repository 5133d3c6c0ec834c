import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode, newCountyProject } from '../geodata/counties';
import { countReplaced, importRecords, type ImportedRecords } from './actions/importActions';
import { CountyInfo } from './components/CountyInfo';
import { CountyList } from './components/CountyList';
import { ExportDialog } from './components/ExportDialog';
import { FileActions } from './components/FileActions';
import { ImportDialog } from './components/ImportDialog';
import { useSiteGains } from './components/useSiteGains';
import { RecentFiles } from './components/RecentFiles';
import { RecoveryList } from './components/RecoveryList';
import { MapView } from './components/MapView';
import { PlanWorkspace } from './components/PlanWorkspace';
import type { Host } from './host';
import type { RecentFile, RecoverableProject } from './host/Host';
import { SHORTCUTS } from './keyboard/shortcuts';
import { setLanguage } from './i18n';
import sampleUrl from '../samples/renhuai.gpkg?url';
import { StartPanel } from './components/StartPanel';
import { TaskBar } from './components/TaskBar';
import { PlanCompute } from './session/PlanCompute';
import { ProjectFile, type ProjectFileOptions } from './session/ProjectFile';
import { openSession, type ProjectSession } from './session/ProjectSession';
import { sessionBuildList } from './session/sessionBuildList';
import { TaskTracker } from './tasks/TaskTracker';
import { ExportRunner } from './workers/exportRunner';
import { ImportRunner } from './workers/importRunner';
import { ProjectRunner } from './workers/projectRunner';
import { CoveragePool } from './workers/pool';

/** An open project, the computation that keeps its coverage and scores current, and its file. */
interface OpenProject {
  session: ProjectSession;
  compute: PlanCompute;
  file: ProjectFile;
}

/** How a project was opened: from a file (with the host's handle), a crash copy, or nothing. */
type OpenFrom = Omit<ProjectFileOptions, 'projectKey'>;

let projectCount = 0;
/** A key for one open project's autosaves, unique in this run (letters, digits and -). */
function nextProjectKey(): string {
  projectCount += 1;
  return `p-${Date.now().toString(36)}-${projectCount}`;
}

/** Hosts whose close handler is registered (once per page: the host keeps every handler it is given). */
const quitHandled = new WeakSet<Host>();

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

/** Reads import files in a web worker; it starts one per read, so one runner serves the page's life. */
const importRunner = new ImportRunner();
/** Writes build-list exports in a web worker, one per export. */
const exportRunner = new ExportRunner();
/** Parses project files in a web worker, one per open. */
const projectRunner = new ProjectRunner();

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
  const [notice, setNotice] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recoverable, setRecoverable] = useState<RecoverableProject[]>([]);
  const [dialog, setDialog] = useState<'import' | 'export' | null>(null);
  const projectRef = useRef<OpenProject | null>(null);
  projectRef.current = project;
  const tracker = useMemo(() => new TaskTracker(), []);
  const pool = coveragePool();
  const selected = useMemo(() => (selectedCode ? countyByCode(selectedCode) : undefined), [selectedCode]);
  const isZh = i18n.language === 'zh';

  const select = useCallback((code: string) => {
    setSelectedCode(code);
    setZoomRequest((n) => n + 1);
  }, []);

  const open = useCallback(
    (session: ProjectSession, from: OpenFrom = {}) => {
      const compute = new PlanCompute(session, pool, tracker);
      const file = new ProjectFile(host, session, { ...from, projectKey: nextProjectKey() });
      file.startAutosave((reason) => setNotice(t('file.autosaveFailed', { reason })));
      const old = projectRef.current;
      if (old) {
        // replaced without the close dialog: its unsaved edits stay recoverable
        old.compute.dispose();
        old.file.stop();
      }
      setProject({ session, compute, file });
      setOpenError(null);
      setNotice(null);
      void compute.recompute();
    },
    [host, pool, t, tracker],
  );

  /** Closes the open project; unsaved edits go only after the planner confirms. */
  const close = useCallback(async () => {
    const p = projectRef.current;
    if (!p) return;
    if (p.file.isDirty()) {
      const isSure = await host.confirm({
        title: t('file.closeTitle'),
        message: t('file.closeMessage', { name: p.file.suggestedName() }),
        okLabel: t('file.closeAnyway'),
        cancelLabel: t('file.keepEditing'),
      });
      if (!isSure) return;
    }
    p.compute.dispose();
    await p.file.close();
    setProject(null);
    setDialog(null);
    setNotice(null);
  }, [host, t]);

  const save = useCallback(
    async (asNew: boolean) => {
      const p = projectRef.current;
      if (!p) return;
      const res = await p.file.save(asNew);
      if (!res.ok) setNotice(t('file.saveFailed', { reason: res.message }));
      else if (res.value) setNotice(t('file.saved', { name: res.value.name }));
    },
    [t],
  );

  // closing the window or tab autosaves unsaved edits of whatever project is open then
  useEffect(() => {
    if (quitHandled.has(host)) return;
    quitHandled.add(host);
    host.onQuitRequested(async () => projectRef.current?.file.quitAnswer() ?? { clean: true });
  }, [host]);

  // Ctrl+S / Ctrl+Shift+S while a project is open
  useEffect(() => {
    if (!project) return;
    // also while typing in a field: the browser's own Ctrl+S (save the page) is never what the planner wants
    const onKey = (e: KeyboardEvent) => {
      const shortcut = SHORTCUTS.find((s) => (s.command === 'save' || s.command === 'saveAs') && s.matches(e));
      if (!shortcut) return;
      e.preventDefault();
      void save(shortcut.command === 'saveAs');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [project, save]);


  // the start screen's recent files and crash copies, read again each time it shows
  const refreshStart = useCallback(async () => {
    const [r, c] = await Promise.all([host.listRecent(), host.listRecoverable()]);
    setRecent(r.ok ? r.value : []);
    setRecoverable(c.ok ? c.value : []);
    if (!r.ok) setOpenError(r.message);
    else if (!c.ok) setOpenError(c.message);
  }, [host]);
  useEffect(() => {
    if (!project) void refreshStart();
  }, [project, refreshStart]);

  // the build list as the project stands when the export dialog opens; what each site adds on its own follows
  // from the plan worker a moment later (the dialog shows the rows at once)
  const exportGains = useSiteGains(project?.compute ?? null, dialog === 'export' && project ? project.session.store.getState().sites : null);
  const exportRows = useMemo(
    () => (dialog === 'export' && project ? sessionBuildList(project.session, project.compute.getSnapshot().fibre, exportGains) : null),
    [dialog, project, exportGains],
  );

  const fileSnapshot = useSyncExternalStore(
    useCallback((l: () => void) => project?.file.subscribe(l) ?? (() => undefined), [project]),
    () => project?.file.getSnapshot() ?? null,
  );
  const title = project ? `${fileSnapshot?.isDirty ? '● ' : ''}${fileSnapshot?.name ?? t('file.neverSaved')} · ${t('app.title')}` : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const planCounty = useCallback(
    (code: string) => {
      const county = countyByCode(code);
      if (county) open(openSession(newCountyProject(county), county));
    },
    [open],
  );

  /** Opens project bytes (read in a worker, which takes them), or says on the start screen why not (nothing already open is touched). */
  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array, from: OpenFrom = {}) => {
      const result = await tracker.run('tasks.open', (signal, onProgress) => projectRunner.run(bytes, { signal, onProgress }));
      // the planner cancelled on the task bar: nothing to explain
      if (!result.ok && result.code === 'cancelled') return;
      if (!result.ok) return setOpenError(t('start.openFailed', { name, reason: result.message }));
      const county = countyByCode(result.value.countyCode);
      if (!county) return setOpenError(t('start.openFailed', { name, reason: t('start.unknownCounty', { code: result.value.countyCode }) }));
      open(openSession(result.value, county, name), { name, ...from });
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
    const picked = await host.openFile({ purpose: 'open-project' });
    if (!picked.ok) return setOpenError(picked.message);
    if (picked.value) await openBytes(picked.value.name, picked.value.bytes, { handle: picked.value.handle });
  }, [host, openBytes, t]);

  const openRecent = useCallback(
    async (handle: string) => {
      const picked = await host.openRecent(handle);
      if (!picked.ok) {
        setOpenError(picked.message);
        return refreshStart();
      }
      await openBytes(picked.value.name, picked.value.bytes, { handle: picked.value.handle });
    },
    [host, openBytes, refreshStart],
  );

  const recover = useCallback(
    async (id: string) => {
      const copy = await host.recover(id);
      if (!copy.ok) return setOpenError(copy.message);
      const item = recoverable.find((r) => r.id === id);
      await openBytes(copy.value.name, copy.value.bytes, { handle: copy.value.handle, name: item?.projectName ?? (copy.value.handle ? copy.value.name : null), isRecovered: true, recoveryId: id });
    },
    [host, openBytes, recoverable],
  );

  const discardRecovery = useCallback(
    async (id: string) => {
      const res = await host.discardRecovery(id);
      if (!res.ok) setOpenError(res.message);
      await refreshStart();
    },
    [host, refreshStart],
  );

  const acceptImport = useCallback((imported: ImportedRecords, fileName: string) => {
    projectRef.current?.session.store.dispatch(importRecords, imported);
    setDialog(null);
    setNotice(t('importer.done', { count: imported.records.length, file: fileName }));
  }, [t]);

  return (
    <div className="app" data-host={host.kind}>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          {project ? (
            <span className="subtitle" data-testid="project-name">
              {isZh ? project.session.county.name : project.session.county.nameEn} · {project.session.county.code}
              {' · '}
              <span data-testid="file-name">{fileSnapshot?.name ?? t('file.neverSaved')}</span>
              {fileSnapshot?.isDirty && (
                <span className="dirty-marker" data-testid="dirty-marker" title={t('file.unsaved')} aria-label={t('file.unsaved')}>
                  {' ●'}
                </span>
              )}
            </span>
          ) : (
            <span className="subtitle">{t('app.subtitle')}</span>
          )}
        </div>
        <div className="actions">
          {project ? (
            <button type="button" data-testid="close-project" onClick={() => void close()}>
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
          <PlanWorkspace
            session={project.session}
            compute={project.compute}
            host={host}
            onCursor={setCursor}
            onExport={() => setDialog('export')}
            fileActions={
              fileSnapshot && (
                <FileActions
                  file={fileSnapshot}
                  onSave={() => void save(false)}
                  onSaveAs={() => void save(true)}
                  onImport={() => setDialog('import')}
                  onExport={() => setDialog('export')}
                />
              )
            }
          />
          {dialog === 'import' && (
            <ImportDialog
              host={host}
              county={{ name: project.session.county.name, boundary: project.session.base.boundary }}
              tracker={tracker}
              runner={importRunner}
              countReplaced={(imported) => countReplaced(project.session.store.getState(), imported)}
              onImport={acceptImport}
              onClose={() => setDialog(null)}
            />
          )}
          {exportRows && (
            <ExportDialog
              host={host}
              tracker={tracker}
              runner={exportRunner}
              rows={exportRows}
              fibreMessage={project.compute.getSnapshot().fibreMessage}
              baseName={t('exporter.fileName', { county: project.session.county.name })}
              title={t('exporter.fileTitle', { county: project.session.county.name })}
              onDone={(message) => {
                setDialog(null);
                setNotice(message);
              }}
              onClose={() => setDialog(null)}
            />
          )}
        </main>
      ) : (
        <main className="workspace">
          <div className="start-column">
            <StartPanel onOpenSample={() => void openSample()} onOpenFile={() => void openFile()} error={openError} />
            <RecoveryList items={recoverable} onRecover={(id) => void recover(id)} onDiscard={(id) => void discardRecovery(id)} />
            <RecentFiles files={recent} onOpen={(handle) => void openRecent(handle)} />
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
        {notice && <span data-testid="file-notice">{notice}</span>}
        <span className="muted">{t('map.attribution')}</span>
      </footer>
    </div>
  );
}
