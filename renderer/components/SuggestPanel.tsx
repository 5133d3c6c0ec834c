import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/text';
import { curveKnee, type SuggestionResult } from '../../core/suggest';
import { coverageCurveOption } from '../charts/coverageCurveOption';
import { EChart } from '../charts/EChart';
import { ProjectSettingsLink } from './ProjectSettingsDialog';

interface Props {
  /** the budget the form starts with, CNY: the last run's, which a "budget below the cheapest site" reason names */
  budgetCny: number;
  result?: SuggestionResult;
  /** run (or re-run) the suggestion */
  onRun(request: { budgetCny: number; maxSites?: number }): void;
  /** turn these candidates into planned sites (one undoable step for the caller) */
  onAccept(candidateIds: string[]): void;
  /** fraction 0..1 while a run is under way; undefined when idle */
  progress?: number;
  /** display names by candidate id; the id is shown otherwise */
  candidateNames?: Record<string, string>;
  /** suggestions already turned into planned sites */
  acceptedIds?: ReadonlySet<string>;
}

const wan = (cny: number) => (cny / 1e4).toFixed(1);

/**
 * The suggestion panel: budget (万元) and site limit, run with progress, the ranked list with what each
 * site buys, the coverage-vs-investment curve, the gap to the exact optimum when known, and accept one,
 * the top N or all. Presentational: the caller runs suggestSites in a worker and applies accepted ids.
 */
export function SuggestPanel({ budgetCny, result, onRun, onAccept, progress, candidateNames, acceptedIds }: Props) {
  const { t, i18n } = useTranslation();
  const [budgetWan, setBudgetWan] = useState(String(budgetCny / 1e4));
  const [maxSites, setMaxSites] = useState('');
  const [topN, setTopN] = useState(5);
  const isRunning = progress !== undefined;
  const budgetValue = Number(budgetWan) * 1e4;
  const maxSitesValue = maxSites === '' ? undefined : Number(maxSites);
  const isBudgetValid = budgetWan.trim() !== '' && budgetValue > 0 && Number.isFinite(budgetValue);
  const isMaxSitesValid = maxSitesValue === undefined || (Number.isInteger(maxSitesValue) && maxSitesValue > 0);
  const isValid = isBudgetValid && isMaxSitesValid;
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  // where more budget stops buying much (the curve's knee): said above the list, its later sites marked
  const knee = useMemo(() => (result ? curveKnee(result.curve) : null), [result]);
  const option = useMemo(
    () =>
      result &&
      coverageCurveOption(
        result.curve,
        { title: t('suggest.chartTitle'), xAxis: t('suggest.chartX'), yAxis: t('suggest.chartY'), knee: t('layout.kneeMark') },
        { language, kneeCostCny: knee?.costCny },
      ),
    [result, knee, t, language],
  );
  const why = result?.noSiteReason;
  const ids = result?.sites.map((s) => s.candidateId) ?? [];

  return (
    <section className="suggest-panel" data-testid="suggest-panel">
      <h2>{t('suggest.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (isValid) onRun({ budgetCny: budgetValue, maxSites: maxSitesValue });
        }}
      >
        <label>
          {t('suggest.budget')}
          <input type="number" min={0} step={1} value={budgetWan} onChange={(e) => setBudgetWan(e.target.value)} data-testid="suggest-budget" />
        </label>
        <label>
          {t('suggest.maxSites')}
          <input type="number" min={1} step={1} placeholder={t('suggest.maxSitesAny')} value={maxSites} onChange={(e) => setMaxSites(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!isValid || isRunning} data-testid="suggest-run">
          {isRunning ? t('suggest.running', { percent: Math.round(progress * 100) }) : t('suggest.run')}
        </button>
        {isRunning && <progress max={1} value={progress} />}
        {!isBudgetValid && <p className="warning" role="alert" data-testid="suggest-why-disabled">{t('suggestWhy.badBudget')}</p>}
        {isBudgetValid && !isMaxSitesValid && <p className="warning" role="alert" data-testid="suggest-why-disabled">{t('suggestWhy.badMaxSites')}</p>}
      </form>
      <p className="muted">{t('suggest.costNote')} <ProjectSettingsLink /></p>
      {!result && <p className="muted">{t('suggest.none')}</p>}
      {result && (
        <>
          <p data-testid="suggest-summary">
            {t('suggest.summary', {
              sites: result.sites.length,
              cost: wan(result.totals.costCny),
              people: Math.round(result.totals.people),
              places: result.totals.places,
              area: result.totals.areaKm2.toFixed(2),
            })}
          </p>
          {knee && (
            <p className="suggest-knee" data-testid="suggest-knee" data-site-count={knee.siteCount}>
              {t('layout.knee', {
                sites: knee.siteCount,
                cost: wan(knee.costCny),
                people: Math.round(knee.people),
                before: knee.peoplePer10kCnyBefore.toFixed(0),
                after: knee.peoplePer10kCnyAfter.toFixed(0),
                rest: result.sites.length - knee.siteCount,
              })}
            </p>
          )}
          {result.exact && result.exact.status === 'optimal' && <p>{t('suggest.gap', { gap: result.exact.heuristicGapPct.toFixed(2) })}</p>}
          {result.exact && result.exact.status === 'time-limit' && <p>{t('suggest.gapBound', { gap: result.exact.heuristicGapPct.toFixed(2) })}</p>}
          {result.sites.length === 0 && why && (
            <p className="warning" role="alert" data-testid="suggest-why-none">
              {why.code === 'below-cheapest'
                ? t('suggestWhy.belowCheapest', { budget: wan(budgetCny), cheapest: wan(why.cheapestCny), name: candidateNames?.[why.candidateId] ?? why.candidateId })
                : t(`suggestWhy.${why.code === 'no-candidates' ? 'noCandidates' : 'noGain'}`)}
            </p>
          )}
          {result.unmetConstraints.length > 0 && <p className="warning">{t('suggest.unmet', { list: result.unmetConstraints.join('; ') })}</p>}
          {option && result.sites.length > 0 && (
            <>
              <EChart option={option} height={200} testId="suggest-curve" />
              <p className="muted small" data-testid="suggest-curve-note">{t('suggestWhy.summaryPeopleNote')}</p>
            </>
          )}
          {result.sites.length > 0 && (
            <>
              <div className="suggest-accept">
                <label>
                  <input type="number" min={1} max={Math.max(1, ids.length)} value={topN} onChange={(e) => setTopN(Math.max(1, Number(e.target.value) || 1))} />
                </label>
                <button type="button" disabled={ids.length === 0} onClick={() => onAccept(ids.slice(0, topN))}>
                  {t('suggest.acceptTop', { count: Math.min(topN, ids.length) })}
                </button>
                <button type="button" disabled={ids.length === 0} onClick={() => onAccept(ids)} data-testid="suggest-accept-all">
                  {t('suggest.acceptAll')}
                </button>
              </div>
              <table className="suggest-table">
                <thead>
                  <tr>
                    <th>{t('suggest.rank')}</th>
                    <th>{t('suggest.candidate')}</th>
                    <th>{t('suggest.cost')}</th>
                    <th>{t('suggest.people')}</th>
                    <th>{t('suggest.places')}</th>
                    <th>{t('suggest.area')}</th>
                    <th>{t('suggest.perCost')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.sites.map((s, k) => (
                    <tr key={s.candidateId} data-testid="suggest-row" className={knee && k >= knee.siteCount ? 'past-knee' : undefined}>
                      <td>
                        {s.rank}
                        {knee && k >= knee.siteCount && <span className="past-knee-mark" title={t('layout.pastKneeHint')}>{t('layout.pastKnee')}</span>}
                      </td>
                      <td>
                        {candidateNames?.[s.candidateId] ?? s.candidateId}
                        {s.isRequired && <span className="muted"> ({t('suggest.required')})</span>}
                        <br />
                        {acceptedIds?.has(s.candidateId) ? (
                          <span className="muted" data-testid="suggest-accepted">{t('suggest.accepted')}</span>
                        ) : (
                          <button type="button" onClick={() => onAccept([s.candidateId])}>
                            {t('suggest.accept')}
                          </button>
                        )}
                      </td>
                      <td>{wan(s.costCny)}</td>
                      <td>{Math.round(s.gainPeople)}</td>
                      <td>{s.gainPlaces}</td>
                      <td>{s.gainAreaKm2.toFixed(2)}</td>
                      <td>{s.gainPeoplePer10kCny.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
