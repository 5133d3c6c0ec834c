import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildListCostSource, BuildListRow } from '../../core/buildList';
import type { Localized } from '../../core/sources';
import { formatterFor, LANGUAGES, languageOf, type Language } from '../../core/text';
import { BUILD_LIST_FORMATS, EXPORT_CRSES, type BuildListFormat, type ExportCrs } from '../../geodata/export';
import type { Host } from '../host';
import type { TaskTracker } from '../tasks/TaskTracker';
import type { ExportRunner } from '../workers/exportRunner';


interface Props {
  host: Host;
  tracker: TaskTracker;
  /** writes the file off the UI thread (a web worker); the task bar's Cancel stops it */
  runner: ExportRunner;
  /** the rows as the project stands (sessionBuildList) */
  rows: BuildListRow[];
  /** why fibre upgrades are missing (no OLTs, no households), when they are */
  fibreMessage: string | null;
  /** the county, for the file name and the XLSX title in the file's language */
  countyName: Localized;
  /** the unit costs behind the rows, cited in the XLSX notes */
  costSources: readonly BuildListCostSource[];
  onDone(message: string): void;
  onClose(): void;
}

/**
 * Exports the build list in XLSX, CSV, GeoJSON, KML, KMZ or GeoPackage, WGS-84 or GCJ-02 (geodata/export,
 * which names the system in the file), through the host's save dialog (browser: a download). The file is
 * written in a worker: the task bar shows it running, and its Cancel (or closing the dialog) saves nothing.
 */
export function ExportDialog({ host, tracker, runner, rows, fibreMessage, countyName, costSources, onDone, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<BuildListFormat>('xlsx');
  const [crs, setCrs] = useState<ExportCrs>('wgs84');
  const [language, setLanguage] = useState<Language>(() => languageOf(i18n.language));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const sites = useMemo(() => rows.filter((r) => r.kind === 'site').length, [rows]);

  // closing the dialog mid-export stops the worker: nothing is saved
  useEffect(() => () => runner.cancel(), [runner]);

  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      const words = formatterFor(language).words.buildList;
      const county = countyName[language];
      const title = words.title(county);
      const job = { rows, format, crs, language, title, generatedAt: new Date(), costSources };
      const written = await tracker.run('tasks.export', (signal, onProgress) => runner.run(job, { signal, onProgress }));
      if (!written.ok) {
        if (written.code !== 'cancelled') setError(t('exporter.failed', { reason: written.message }));
        return;
      }
      const bytes = written.value;
      const suffix = crs === 'gcj02' ? '_GCJ02' : '';
      const baseName = `${county}_${words.sheetName}`.replace(/\s+/g, '_');
      const saved = await host.saveFile({ purpose: 'export-build-list', suggestedName: `${baseName}${suffix}.${format}`, bytes });
      if (!saved.ok) return setError(t('exporter.failed', { reason: saved.message }));
      if (saved.value) onDone(t('exporter.done', { rows: rows.length, name: saved.value.name }));
    } catch (err) {
      setError(t('exporter.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal export-dialog"
        role="dialog"
        aria-label={t('exporter.heading')}
        data-testid="export-dialog"
        data-new-people-rows={rows.filter((r) => r.newPeopleCovered !== undefined).length}
      >
        <header>
          <h2>{t('exporter.heading')}</h2>
          <button type="button" className="close" aria-label={t('exporter.cancel')} onClick={onClose}>×</button>
        </header>
        <div className="dialog-fields">
          <label>
            {t('exporter.format')}
            <select value={format} data-testid="export-format" disabled={isBusy} onChange={(e) => setFormat(e.target.value as BuildListFormat)}>
              {BUILD_LIST_FORMATS.map((f) => <option key={f} value={f}>{t(`exporter.formats.${f}`)}</option>)}
            </select>
          </label>
          <label>
            {t('exporter.crs')}
            <select value={crs} data-testid="export-crs" disabled={isBusy} onChange={(e) => setCrs(e.target.value as ExportCrs)}>
              {EXPORT_CRSES.map((c) => <option key={c} value={c}>{t(`exporter.crsNames.${c}`)}</option>)}
            </select>
          </label>
          <label>
            {t('exporter.language')}
            <select value={language} data-testid="export-language" disabled={isBusy} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => <option key={l} value={l}>{t(`exporter.languages.${l}`)}</option>)}
            </select>
          </label>
        </div>
        <p data-testid="export-contents">{t('exporter.contents', { sites, fibre: rows.length - sites })}</p>
        {fibreMessage && <p className="muted small">{t('exporter.noFibre', { reason: fibreMessage })}</p>}
        {error && <p className="error" role="alert" data-testid="export-error">{error}</p>}
        <footer className="dialog-buttons">
          <button type="button" className="primary" data-testid="export-run" disabled={isBusy} onClick={() => void run()}>{t('exporter.export')}</button>
          <button type="button" onClick={onClose}>{t('exporter.cancel')}</button>
        </footer>
      </div>
    </div>
  );
}
