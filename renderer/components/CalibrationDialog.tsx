import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PredictionScores } from '../../core/calibration';
import { useProject } from '../appContext';
import type { CalibrationOutcome, DriveTestPreview } from '../calibration/calibrationJobs';
import { matchExampleText, matchReasonText } from '../calibration/modelText';
import { calibrationScatterOption, errorHistogramOption, SCATTER_MAX_POINTS } from '../charts/calibrationCharts';
import { EChart } from '../charts/EChart';
import { useFormatter } from '../i18n/useFormatter';
import { FitFiguresTable } from './ModelPanel';

function brief(s: PredictionScores) {
  return { count: s.count, rmseDb: s.rmseDb, meanErrorDb: s.meanErrorDb, sigmaDb: s.sigmaDb, pcrr: s.pcrr };
}

/** The matching report: per file, then matched and unmatched samples with the reasons, before any fit. */
function MatchingReport({ preview, isFolded }: { preview: DriveTestPreview; isFolded: boolean }) {
  const { t } = useTranslation();
  const m = preview.matching;
  const summary = t('calibration.matchSummary', { records: m.records, matched: m.matched, byId: m.matchedById, byPci: m.matchedByPci, sites: m.perSite.length, unmatched: m.unmatched });
  // once fitted, the report folds to its summary line so the result shows without scrolling
  if (isFolded) {
    return (
      <details data-testid="calibration-matching">
        <summary><strong>{t('calibration.matching')}</strong>: <span data-testid="calibration-match-summary">{summary}</span></summary>
        <MatchingDetails preview={preview} />
      </details>
    );
  }
  return (
    <section data-testid="calibration-matching">
      <h3>{t('calibration.matching')}</h3>
      <p data-testid="calibration-match-summary">{summary}</p>
      <MatchingDetails preview={preview} />
    </section>
  );
}

/** The files read, the unmatched reasons and the points per site. */
function MatchingDetails({ preview }: { preview: DriveTestPreview }) {
  const { t } = useTranslation();
  const f = useFormatter();
  const m = preview.matching;
  return (
    <>
      <ul className="calibration-files">
        {preview.files.map((file) => (
          <li key={file.file}>
            {file.ok
              ? t('calibration.fileRow', { file: file.file, layout: t(`calibration.layouts.${file.layout}`), rows: file.rowsRead, samples: file.samples, skipped: file.skipped })
              : <span className="error">{t('calibration.fileFailed', { file: file.file, reason: f.problemReason({ reason: file.message ?? '', ...file.reason }) })}</span>}
            {file.problems.length > 0 && (
              <ul className="muted small">
                {file.problems.slice(0, 3).map((p) => <li key={`${p.line}-${p.field}`}>{t('calibration.problemRow', { line: p.line ?? '–', field: p.field ?? '', reason: f.problemReason(p) })}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {m.unmatchedReasons.length > 0 && (
        <>
          <h4>{t('calibration.unmatchedHead')}</h4>
          <table className="model-table" data-testid="calibration-unmatched">
            <thead><tr><th>{t('calibration.reasonCol')}</th><th>{t('calibration.countCol')}</th><th>{t('calibration.examplesCol')}</th></tr></thead>
            <tbody>
              {m.unmatchedReasons.map((r) => (
                <tr key={r.reason}><td>{matchReasonText(r.reason, t)}</td><td className="num">{r.count}</td><td className="small">{r.examples.map((e) => matchExampleText(e, t)).join('；')}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {m.perSite.length > 0 && (
        <details>
          <summary>{t('calibration.perSiteHead')}</summary>
          <table className="model-table">
            <thead><tr><th>{t('calibration.siteCol')}</th><th>{t('calibration.countCol')}</th></tr></thead>
            <tbody>{m.perSite.map((s) => <tr key={s.siteId}><td>{s.siteName || s.siteId}</td><td className="num">{s.points}</td></tr>)}</tbody>
          </table>
        </details>
      )}
    </>
  );
}

/** Before vs after, the scatter and the error histogram of a finished calibration. */
function CalibrationResult({ outcome }: { outcome: CalibrationOutcome }) {
  const { t } = useTranslation();
  const labels = { before: t('calibration.scatterBefore'), after: t('calibration.scatterAfter') };
  const scatter = useMemo(
    () => calibrationScatterOption(outcome.points, { title: t('calibration.scatterTitle'), xAxis: t('calibration.scatterX'), yAxis: t('calibration.scatterY'), ...labels }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcome, t],
  );
  const histogram = useMemo(
    () => errorHistogramOption(outcome.points, { title: t('calibration.histTitle'), xAxis: t('calibration.histX'), yAxis: t('calibration.histY'), ...labels }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcome, t],
  );
  const total = outcome.points.measuredDbm.length;
  return (
    <section data-testid="calibration-result">
      <h3>{t('calibration.result')}</h3>
      <FitFiguresTable before={brief(outcome.before)} after={brief(outcome.after)} testId="calibration-figures" />
      <p className="muted small">{t('calibration.resultNote', { folds: outcome.folds })} {t('calibration.pcrrNote', { dbm: outcome.after.weakThresholdDbm })}</p>
      {outcome.notPredicted > 0 && <p className="muted small">{t('calibration.notPredicted', { count: outcome.notPredicted })}</p>}
      <div className="calibration-charts">
        <EChart option={scatter} height={260} testId="calibration-scatter" />
        <EChart option={histogram} height={260} testId="calibration-histogram" />
      </div>
      {total > SCATTER_MAX_POINTS && <p className="muted small">{t('calibration.sampled', { shown: SCATTER_MAX_POINTS, total })}</p>}
    </section>
  );
}

/**
 * 导入路测数据 → 校准: add drive-test files, read the matching report, calibrate in a worker (progress, Cancel),
 * see before/after with the charts, show the points on the map, apply (one undo step).
 */
export function CalibrationDialog() {
  const { t } = useTranslation();
  const { calibration } = useProject();
  const c = useSyncExternalStore(calibration.subscribe, calibration.getSnapshot);
  const isBusy = c.step === 'reading' || c.step === 'fitting';
  return (
    <div className="modal-backdrop">
      <div className="modal calibration-dialog" role="dialog" aria-label={t('calibration.dialog')} data-testid="calibration-dialog">
        <header>
          <h2>{t('calibration.dialog')}</h2>
          <button type="button" className="close" aria-label={t('calibration.close')} onClick={() => calibration.close()}>×</button>
        </header>
        <p className="muted small">{t('calibration.formats')}</p>
        <div className="dialog-fields">
          <button type="button" data-testid="calibration-add-file" disabled={isBusy} onClick={() => void calibration.addFile()}>{t('calibration.addFile')}</button>
          {c.files.map((file) => (
            <span key={file.name} className="calibration-file-chip">
              {file.name}
              <button type="button" className="link" disabled={isBusy} aria-label={`${t('calibration.remove')} ${file.name}`} onClick={() => void calibration.removeFile(file.name)}>×</button>
            </span>
          ))}
        </div>
        {c.step === 'reading' && <p className="muted" data-testid="calibration-reading">{t('calibration.reading')}</p>}
        {c.error && (
          <p className="error" role="alert" data-testid="calibration-error">
            {/at least 2 sites|10 (measured )?points|fewer than/i.test(c.error) ? t('calibration.tooFew') : t('calibration.failed', { reason: c.error })}
          </p>
        )}
        {c.preview && <MatchingReport preview={c.preview} isFolded={c.outcome !== null} />}
        {c.step === 'fitting' && (
          <div className="calibration-progress" data-testid="calibration-fitting">
            <progress max={1} value={c.progress ?? 0} />
            <span>{t('calibration.fitting', { pct: Math.round(100 * (c.progress ?? 0)) })}</span>
            <button type="button" data-testid="calibration-cancel" onClick={() => calibration.cancel()}>{t('calibration.cancel')}</button>
          </div>
        )}
        {c.outcome && <CalibrationResult outcome={c.outcome} />}
        {c.outcome && (
          <label className="checkbox">
            <input type="checkbox" data-testid="calibration-show-map" checked={c.showOnMap} onChange={(e) => calibration.setShowOnMap(e.target.checked)} />
            {t('calibration.showOnMap')}
          </label>
        )}
        {c.isApplied && <p className="ok" data-testid="calibration-applied">{t('calibration.applied')}</p>}
        <footer className="dialog-buttons">
          {c.step === 'preview' && (
            <button type="button" className="primary" data-testid="calibration-fit" title={t('calibration.fitHint')} disabled={!c.preview || c.preview.matching.matched === 0} onClick={() => void calibration.fit()}>
              {t('calibration.fit')}
            </button>
          )}
          {c.outcome && (
            <button type="button" className="primary" data-testid="calibration-apply" title={t('calibration.applyHint')} disabled={c.isApplied} onClick={() => calibration.apply()}>
              {t('calibration.apply')}
            </button>
          )}
          <button type="button" data-testid="calibration-close" onClick={() => calibration.close()}>{t('calibration.close')}</button>
        </footer>
      </div>
    </div>
  );
}
