import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../core/result';
import { IMPORT_CRSES, IMPORT_FORMATS, importOlts, importPlaces, importSites, type ImportCrs, type ImportProblem, type ImportResult } from '../../geodata/import';
import type { ImportedRecords } from '../actions/importActions';
import type { Host } from '../host';
import type { TaskTracker } from '../tasks/TaskTracker';

type Kind = ImportedRecords['kind'];
const KINDS: Kind[] = ['sites', 'places', 'olts'];

/** A file read and checked, waiting for the planner's answer. */
interface Checked {
  file: string;
  rowsRead: number;
  imported: ImportedRecords;
  problems: ImportProblem[];
}

interface Props {
  host: Host;
  tracker: TaskTracker;
  /** how many of the records would replace records already in the project (same id) */
  countReplaced(imported: ImportedRecords): number;
  /** the planner accepted the good rows: dispatch them as one undoable edit */
  onImport(imported: ImportedRecords, file: string): void;
  onClose(): void;
}

async function readFile(kind: Kind, bytes: Uint8Array, fileName: string, crs: ImportCrs): Promise<Result<ImportResult<ImportedRecords['records'][number]>>> {
  switch (kind) {
    case 'sites': return importSites(bytes, { fileName, crs });
    case 'places': return importPlaces(bytes, { fileName, crs });
    case 'olts': return importOlts(bytes, { fileName, crs });
  }
}

/**
 * Import sites, places or OLTs from CSV, XLSX, GeoJSON, KML or KMZ in WGS-84, CGCS2000 or GCJ-02 (the
 * readers of geodata/import). After reading it lists EVERY problem (file, row, field, reason) and offers
 * "import the N good rows" or "cancel"; nothing reaches the project before that answer.
 */
export function ImportDialog({ host, tracker, countReplaced, onImport, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('sites');
  const [crs, setCrs] = useState<ImportCrs>('wgs84');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const choose = async () => {
    setError(null);
    setChecked(null);
    const picked = await host.openFile({ title: t('importer.heading'), filters: [{ name: 'CSV, XLSX, GeoJSON, KML, KMZ', extensions: [...IMPORT_FORMATS, 'json'] }] });
    if (!picked.ok) return setError(picked.message);
    if (!picked.value) return;
    const { name, bytes } = picked.value;
    setBusy(true);
    try {
      // the readers take no cancel token: a cancelled task's result is dropped instead
      const read = await tracker.run('tasks.import', async (signal) => ({ res: await readFile(kind, bytes, name, crs), isCancelled: signal.aborted }));
      if (read.isCancelled) return;
      if (!read.res.ok) return setError(t('importer.readFailed', { name, reason: read.res.message }));
      const v = read.res.value;
      setChecked({ file: v.file, rowsRead: v.rowsRead, problems: v.problems, imported: { kind, records: v.records } as ImportedRecords });
    } catch (err) {
      setError(t('importer.readFailed', { name, reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
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
          <button type="button" data-testid="import-choose" disabled={isBusy} onClick={() => void choose()}>{t('importer.chooseFile')}</button>
        </div>
        <p className="muted small">{t('importer.formats')}</p>
        {error && <p className="error" role="alert" data-testid="import-error">{error}</p>}
        {checked && (
          <>
            <p data-testid="import-summary">
              {t('importer.summary', { file: checked.file, read: checked.rowsRead, good, errors, warnings: checked.problems.length - errors })}
            </p>
            {replaced > 0 && <p className="muted small">{t('importer.replaceNote', { count: replaced })}</p>}
            {checked.problems.length === 0 ? (
              <p className="muted small">{t('importer.noProblems')}</p>
            ) : (
              <div className="problem-list">
                <h3>{t('importer.problemsHeading', { count: checked.problems.length })}</h3>
                <table data-testid="import-problems">
                  <thead>
                    <tr>
                      <th>{t('importer.colFile')}</th>
                      <th>{t('importer.colRow')}</th>
                      <th>{t('importer.colField')}</th>
                      <th>{t('importer.colReason')}</th>
                      <th>{t('importer.colSeverity')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {checked.problems.map((p, i) => (
                      <tr key={i} className={p.severity} data-row={p.row ?? ''}>
                        <td>{p.file}</td>
                        <td>{p.row ?? t('importer.wholeFile')}</td>
                        <td>{p.field ?? t('importer.wholeRow')}</td>
                        <td>{p.reason}</td>
                        <td>{t(`importer.severity.${p.severity}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
