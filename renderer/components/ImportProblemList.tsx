import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../geodata/import';
import { useFormatter } from '../i18n/useFormatter';

/** Problems drawn as table rows; a file with 50,000 bad rows would freeze the page drawing them all (issue #11). */
export const PROBLEM_ROWS_SHOWN = 200;

interface Props {
  problems: readonly ImportProblem[];
  /** saves the full list (every problem, not only those shown) as a CSV */
  onSaveAll(): void;
}

/**
 * The problems of an import read (file, row, field, reason, severity): the first PROBLEM_ROWS_SHOWN as a
 * table, then how many more there are and a button to save them all as CSV.
 * @example <ImportProblemList problems={read.problems} onSaveAll={saveProblems} />
 */
export function ImportProblemList({ problems, onSaveAll }: Props) {
  const { t } = useTranslation();
  const f = useFormatter();
  const hidden = problems.length - PROBLEM_ROWS_SHOWN;
  return (
    <>
      <div className="problem-list">
        <h3>{t('importer.problemsHeading', { count: problems.length })}</h3>
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
            {problems.slice(0, PROBLEM_ROWS_SHOWN).map((p, i) => (
              <tr key={i} className={p.severity} data-row={p.row ?? ''}>
                <td>{p.file}</td>
                <td>{p.row ?? t('importer.wholeFile')}</td>
                <td>{p.field ?? t('importer.wholeRow')}</td>
                <td data-code={p.code ?? ''}>{f.problemReason(p)}</td>
                <td>{t(`importer.severity.${p.severity}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* below the scrolling table, so the count and the button show without scrolling */}
      <p className="problem-list-more">
        {hidden > 0 && <span className="muted small" data-testid="import-problems-more">{t('importProblems.more', { count: hidden })} </span>}
        <button type="button" data-testid="import-problems-save" onClick={onSaveAll}>{t('importProblems.saveAll')}</button>
      </p>
    </>
  );
}
