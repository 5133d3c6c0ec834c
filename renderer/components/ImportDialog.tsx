import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportImportProblemsCsv } from '../../geodata/export';
import type { MultiPolygon } from 'geojson';
import { SITE_STATUSES, type SiteStatus } from '../../core/model';
import { IMPORT_CRSES, type ImportCrs, type ImportProblem } from '../../geodata/import';
import type { ImportedRecords } from '../actions/importActions';
import type { Host } from '../host';
import type { TaskTracker } from '../tasks/TaskTracker';
import { useFormatter } from '../i18n/useFormatter';
import type { ImportRunner } from '../workers/importRunner';
import { ImportProblemList } from './ImportProblemList';

type Kind = ImportedRecords['kind'];
const KINDS: Kind[] = ['sites', 'places', 'olts'];

/** A file read and checked, waiting for the planner's answer. */
interface Checked {
  file: string;
  rowsRead: number;
  imported: ImportedRecords;
  problems: ImportProblem[];
  /** rows without a status that took the chosen one */
  defaultStatusRows: number;
}

interface Props {
  host: Host;
  /** the project's county: rows outside it are errors naming the distance, or sites kept flagged on request */
  county?: { name: string; boundary: MultiPolygon };
  tracker: TaskTracker;
  /** reads the file off the UI thread (a web worker), with progress and cancel on the task bar */
  runner: ImportRunner;
  /** how many of the records would replace records already in the project (same id) */
  countReplaced(imported: ImportedRecords): number;
  /** the planner accepted the good rows: dispatch them as one undoable edit */
  onImport(imported: ImportedRecords, file: string): void;
  onClose(): void;
}

/**
 * Import sites, places or OLTs from CSV, XLSX, GeoJSON, KML or KMZ in WGS-84, CGCS2000 or GCJ-02 (the
 * readers of geodata/import). After reading it lists the first problems (file, row, field, reason), saves
 * them all as CSV on request, and offers "import the N good rows" or "cancel"; nothing reaches the project
 * before that answer. The file is read in
 * a worker: the task bar shows progress and its Cancel (or closing the dialog) drops the read.
 */
export function ImportDialog({ host, county, tracker, runner, countReplaced, onImport, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormatter();
  const [kind, setKind] = useState<Kind>('sites');
  const [crs, setCrs] = useState<ImportCrs>('wgs84');
  // No status is assumed for rows without one (issue 19): until the planner picks one, such rows are errors.
  const [defaultStatus, setDefaultStatus] = useState<SiteStatus | ''>('');
  const [keepOutside, setKeepOutside] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const isBusy = reading !== null;

  // closing the dialog mid-read stops the worker: nothing of that file is kept
  useEffect(() => () => runner.cancel(), [runner]);

  const choose = async () => {
    setError(null);
    setChecked(null);
    const picked = await host.openFile({ purpose: `import-${kind}` });
    if (!picked.ok) return setError(picked.message);
    if (!picked.value) return;
    const { name, bytes } = picked.value;
    setReading(name);
    try {
      const job = {
        kind, bytes, fileName: name, crs, ...(county ? { county } : {}), ...(defaultStatus ? { defaultStatus } : {}),
        outsideCounty: keepOutside ? 'keep-flagged' as const : 'error' as const,
      };
      const read = await tracker.run('tasks.import', (signal, onProgress) => runner.run(job, { signal, onProgress }));
      if (!read.ok) {
        if (read.code !== 'cancelled') setError(t('importer.readFailed', { name, reason: read.reason ? f.problemReason({ reason: read.message, ...read.reason }) : read.message }));
        return;
      }
      const v = read.value;
      setChecked({ file: v.file, rowsRead: v.rowsRead, problems: v.problems, imported: { kind, records: v.records } as ImportedRecords, defaultStatusRows: v.defaultStatusRows ?? 0 });
    } catch (err) {
      setError(t('importer.readFailed', { name, reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setReading(null);
    }
  };

  const saveProblems = async (read: Checked) => {
    const saved = await host.saveFile({
      purpose: 'export-import-problems', suggestedName: t('importProblems.fileName', { file: read.file.replace(/\.[^.]*$/, '') }),
      bytes: exportImportProblemsCsv(read.problems, f.language),
    });
    if (!saved.ok) setError(t('importProblems.saveFailed', { reason: saved.message }));
  };

  const errors = checked?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const good = checked?.imported.records.length ?? 0;
  const replaced = checked ? countReplaced(checked.imported) : 0;

  return (
    <div className="modal-backdrop">
      <div className="modal import-dialog" role="dialog" aria-label={t('importer.heading')} data-testid="import-dialog">
        <header>
          <h2>{t('importer.heading')}</h2>
          <button type="button" className="close" aria-label={t('importer.cancel')} onClick={onClose}>×</button>
        </header>
        <div className="dialog-fields">
          <label>
            {t('importer.what')}
            <select value={kind} data-testid="import-kind" disabled={isBusy} onChange={(e) => { setKind(e.target.value as Kind); setChecked(null); }}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`importer.${k}`)}</option>)}
            </select>
          </label>
          <label>
            {t('importer.crs')}
            <select value={crs} data-testid="import-crs" disabled={isBusy} onChange={(e) => { setCrs(e.target.value as ImportCrs); setChecked(null); }}>
              {IMPORT_CRSES.map((c) => <option key={c} value={c}>{t(`importer.crsNames.${c}`)}</option>)}
            </select>
          </label>
          {kind !== 'places' && (
            <label>
              {t('importer.defaultStatus')}
              <select value={defaultStatus} data-testid="import-default-status" disabled={isBusy} onChange={(e) => { setDefaultStatus(e.target.value as SiteStatus | ''); setChecked(null); }}>
                <option value="">{t('importer.noDefaultStatus')}</option>
                {SITE_STATUSES.map((st) => <option key={st} value={st}>{t(`site.statuses.${st}`)}</option>)}
              </select>
            </label>
          )}
          {kind === 'sites' && county && (
            <label className="checkbox">
              <input type="checkbox" checked={keepOutside} data-testid="import-keep-outside" disabled={isBusy} onChange={(e) => { setKeepOutside(e.target.checked); setChecked(null); }} />
              {t('importer.keepOutside', { county: county.name })}
            </label>
          )}
          <button type="button" data-testid="import-choose" disabled={isBusy} onClick={() => void choose()}>{t('importer.chooseFile')}</button>
        </div>
        <p className="muted small">{t('importer.formats')}</p>
        {reading && <p className="muted" data-testid="import-reading">{t('importWorker.reading', { file: reading })}</p>}
        {error && <p className="error" role="alert" data-testid="import-error">{error}</p>}
        {checked && (
          <>
            <p data-testid="import-summary">
              {t('importer.summary', { file: checked.file, read: checked.rowsRead, good, errors, warnings: checked.problems.length - errors })}
            </p>
            {replaced > 0 && <p className="muted small">{t('importer.replaceNote', { count: replaced })}</p>}
            {checked.defaultStatusRows > 0 && defaultStatus && (
              <p className="muted small" data-testid="import-default-status-note">{t('importer.defaultStatusNote', { count: checked.defaultStatusRows, status: t(`site.statuses.${defaultStatus}`) })}</p>
            )}
            {checked.problems.length === 0 ? (
              <p className="muted small">{t('importer.noProblems')}</p>
            ) : (
              <ImportProblemList problems={checked.problems} onSaveAll={() => void saveProblems(checked)} />
            )}
          </>
        )}
        <footer className="dialog-buttons">
          <button type="button" className="primary" data-testid="import-accept" disabled={!checked || good === 0} onClick={() => checked && onImport(checked.imported, checked.file)}>
            {t('importer.importGood', { count: good })}
          </button>
          <button type="button" data-testid="import-cancel" onClick={onClose}>{t('importer.cancel')}</button>
        </footer>
      </div>
    </div>
  );
}
