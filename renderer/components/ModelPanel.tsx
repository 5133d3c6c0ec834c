import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { landUseSource } from '../../core/coverage/landUseSource';
import { DEFAULT_LOCATION_PROBABILITY, DEFAULT_PROPAGATION_MODEL, K_FACTOR_NAMES, LAND_USE_CLASSES, shadowMarginDb, type FitScores, type KFactors } from '../../core/propagation';
import { resetPropagationModel } from '../actions/modelActions';
import { useProject } from '../appContext';
import { modelKindText } from '../calibration/modelText';
import { useFormatter } from '../i18n/useFormatter';
import { useSelect } from '../state/useStore';

/** Units of the K-factors as shown (the loss side: a positive value adds loss). */
const K_UNITS: Record<keyof KFactors, string> = {
  offsetDb: 'dB', distanceDbPerDecade: 'dB', heightDbPerDecade: 'dB', distanceHeightDb: 'dB', farDistanceDbPerDecade: 'dB',
  terrainDiffraction: '×', clutterDiffraction: '×', horizontalPattern: '×', verticalPattern: '×', frontBackDb: 'dB', verticalSlopeDbPerDeg: 'dB/°',
};

/** The fit figures, before and after, as rows. */
export function FitFiguresTable({ before, after, testId }: { before?: Omit<FitScores, 'weakThresholdDbm'> | null; after: Omit<FitScores, 'weakThresholdDbm'>; testId?: string }) {
  const { t } = useTranslation();
  const rows: { label: string; pick(s: Omit<FitScores, 'weakThresholdDbm'>): string }[] = [
    { label: t('calibration.rmse'), pick: (s) => `${s.rmseDb.toFixed(1)} dB` },
    { label: t('calibration.meanError'), pick: (s) => `${s.meanErrorDb >= 0 ? '+' : ''}${s.meanErrorDb.toFixed(1)} dB` },
    { label: t('calibration.sigma'), pick: (s) => `${s.sigmaDb.toFixed(1)} dB` },
    { label: t('calibration.pcrr'), pick: (s) => s.pcrr.toFixed(2) },
    { label: t('calibration.points'), pick: (s) => String(s.count) },
  ];
  return (
    <table className="model-table" data-testid={testId}>
      <thead>
        <tr><th>{t('calibration.figure')}</th>{before && <th>{t('calibration.beforeCol')}</th>}<th>{t('calibration.afterCol')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}><td>{r.label}</td>{before && <td className="num">{r.pick(before)}</td>}<td className="num strong">{r.pick(after)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The 传播模型 tab: the project's propagation model (kind, provenance, held-out fit figures, K-factors in plain
 * words, clutter corrections by land-use class), the location probability the coverage uses and what it means,
 * and the actions: import drive tests and calibrate, reset to the default (undoable).
 */
export function ModelPanel() {
  const { t, i18n } = useTranslation();
  const f = useFormatter();
  const { session, calibration } = useProject();
  const { store, base } = session;
  const stored = useSelect(store, (s) => s.propagationModel);
  const settings = useSelect(store, (s) => s.settings);
  const calib = useSyncExternalStore(calibration.subscribe, calibration.getSnapshot);
  const model = stored ?? DEFAULT_PROPAGATION_MODEL;
  const isZh = i18n.language.startsWith('zh');
  const p = settings.radio.locationProbability ?? DEFAULT_LOCATION_PROBABILITY;
  const marginDb = shadowMarginDb(p, model.sigmaDb);
  const landText = useMemo(() => (base.landUse ? landUseSource(base).source : base.population ? t('calibration.landUseDerived') : t('calibration.landUseNone')), [base, t]);
  const fit = model.fit;
  const folds = fit ? /^(\d+)-fold/.exec(fit.method)?.[1] ?? '5' : '5';
  const pct = (x: number) => String(Math.round(x * 1000) / 10);
  return (
    <div className="model-panel" data-testid="model-panel">
      <h3 data-testid="model-kind">
        {modelKindText(model, t)}
        {fit && <span className="muted small"> · {t('calibration.fittedAt', { date: f.dateTime(new Date(fit.atIso)) })}</span>}
      </h3>
      {model.kind === 'reference' && <p className="muted small">{model.name}</p>}
      {fit ? (
        <>
          <dl className="model-provenance">
            <dt>{t('calibration.fittedOn')}</dt>
            <dd>{model.kind === 'default' ? t('calibration.defaultSource') : fit.fittedOn}; {t('calibration.fitSize', { cells: fit.cells, points: fit.points })}</dd>
            <dt>{t('calibration.method')}</dt>
            <dd>{t('calibration.methodText', { folds })}</dd>
            {fit.command && model.kind === 'default' && (<><dt>{t('calibration.reproduce')}</dt><dd><code>{fit.command}</code></dd></>)}
          </dl>
          <h4>{t('calibration.figures')}</h4>
          <FitFiguresTable before={fit.before} after={fit.heldOut} testId="model-figures" />
          <p className="muted small">{t('calibration.pcrrNote', { dbm: fit.heldOut.weakThresholdDbm })}</p>
        </>
      ) : (
        <p className="warning small">{t('calibration.notFitted')}</p>
      )}
      <h4>{t('calibration.probability')}</h4>
      <p className="small" data-testid="model-probability">
        {p === 0.5
          ? t('calibration.probabilityMedian', { p: pct(p) })
          : t('calibration.probabilityMargin', { p: pct(p), margin: marginDb.toFixed(1), sigma: model.sigmaDb.toFixed(1) })}
      </p>
      <p className="muted small">{t('calibration.sigmaUsed', { sigma: model.sigmaDb.toFixed(1) })} · {t('calibration.probabilityWhere')}</p>
      <div className="model-actions">
        <button type="button" className="primary" data-testid="calibrate-open" onClick={() => calibration.open()}>{t('calibration.import')}</button>
        {calib.outcome && !calib.isOpen && <button type="button" data-testid="calibrate-show" onClick={() => calibration.open()}>{t('calibration.showResult')}</button>}
        <button type="button" data-testid="model-reset" disabled={!stored} title={t('calibration.resetHint')} onClick={() => store.dispatch(resetPropagationModel, undefined)}>
          {t('calibration.reset')}
        </button>
      </div>
      {!stored && <p className="muted small">{t('calibration.isDefaultNow')}</p>}
      <h4>{t('calibration.kFactors')}</h4>
      <table className="model-table" data-testid="model-kfactors">
        <tbody>
          {K_FACTOR_NAMES.map((k) => (
            <tr key={k}><td>{t(`calibration.k.${k}`)}</td><td className="num">{model.kFactors[k].toFixed(2)} {K_UNITS[k]}</td></tr>
          ))}
        </tbody>
      </table>
      <h4>{t('calibration.clutter')}</h4>
      <table className="model-table" data-testid="model-clutter">
        <tbody>
          {LAND_USE_CLASSES.filter((c) => c.id !== 'unknown').map((c) => (
            <tr key={c.id}><td>{isZh ? c.nameZh : c.nameEn}</td><td className="num">{model.clutterCorrectionDb[c.id] >= 0 ? '+' : ''}{model.clutterCorrectionDb[c.id].toFixed(1)} dB</td></tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('calibration.clutterNote')}</p>
      <p className="muted small">
        {t('calibration.landUseSource', { source: landText })}
      </p>
    </div>
  );
}
