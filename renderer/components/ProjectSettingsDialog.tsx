import { useContext, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { SPLIT_SCHEMES } from '../../core/ftth';
import { BAND_IDS, type BuildMethod, type SiteKind } from '../../core/model';
import { EN } from '../../core/text/en';
import { ZH } from '../../core/text/zh';
import { updateSettings } from '../actions/settingsActions';
import { ProjectContext, useProject } from '../appContext';
import {
  COST_KEYS, FIBRE_COST_KEYS, formFromSettings, KPI_IDS, kpiUnit, RANGES, settingsFromForm, type SettingsError, type SettingsForm,
} from '../settings/settingsForm';

/**
 * The project settings screen (项目设置): the grid (read-only: it is fixed when the project is made), band, coverage
 * thresholds and location probability, KPI targets, unit costs of sites and fibre, and the fibre assumptions.
 * Apply checks every field with the limits the project reader uses (settingsFromForm) and makes one named undo step;
 * a wrong field shows its error and nothing changes. The coverage and scores recompute after a change (PlanCompute).
 */
export function ProjectSettingsDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { session } = useProject();
  const { store, base } = session;
  const settings = useSyncExternalStore(store.subscribe, () => store.getState().settings);
  const saved = useMemo(() => formFromSettings(settings), [settings]);
  const [form, setForm] = useState<SettingsForm>(saved);
  const [error, setError] = useState<SettingsError | null>(null);
  const words = i18n.language === 'en' ? EN : ZH;
  const isChanged = JSON.stringify(form) !== JSON.stringify(saved);
  const grid = base.grid;

  const apply = () => {
    const r = settingsFromForm(settings, form);
    if ('error' in r) return setError(r.error);
    setError(null);
    store.dispatch(updateSettings, { settings: r.settings });
    onClose();
  };
  const errorText = (field: string) => {
    if (error?.field !== field) return null;
    return (
      <span className="error" role="alert" data-testid="settings-error">
        {error.min === error.max ? t('projectSettings.invalid') : t('projectSettings.range', { min: error.min, max: error.max })}
      </span>
    );
  };
  const numberRow = (field: string, label: string, unit: string, value: string, set: (v: string) => void, note?: string) => (
    <tr key={field} className={error?.field === field ? 'invalid' : undefined}>
      <th scope="row"><label htmlFor={`ps-${field}`}>{label}</label></th>
      <td>
        <input id={`ps-${field}`} data-testid={`settings-${field}`} inputMode="decimal" value={value} aria-invalid={error?.field === field} onChange={(e) => set(e.target.value)} />
        <span className="unit"> {unit}</span>
        {errorText(field)}
        {note && <div className="muted small">{note}</div>}
      </td>
    </tr>
  );
  const set = (patch: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...patch }));
  const selectRow = (field: string, label: string, value: string, options: readonly (readonly [string, string])[], onPick: (v: string) => void, note?: string) => (
    <tr key={field}>
      <th scope="row"><label htmlFor={`ps-${field}`}>{label}</label></th>
      <td>
        <select id={`ps-${field}`} data-testid={`settings-${field}`} value={value} onChange={(e) => onPick(e.target.value)}>
          {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
        </select>
        {note && <div className="muted small">{note}</div>}
      </td>
    </tr>
  );
  const kpiUnitText = (id: (typeof KPI_IDS)[number]) => words.kpiUnits[kpiUnit(id)];
  const kpiRange = (id: (typeof KPI_IDS)[number]) => RANGES[kpiUnit(id)];

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal project-settings" role="dialog" aria-label={t('projectSettings.heading')} data-testid="project-settings" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>{t('projectSettings.heading')}</h2>
          <button type="button" className="close" aria-label={t('county.close')} onClick={onClose}>×</button>
        </header>
        <p className="muted small">{t('projectSettings.intro')}</p>
        <div className="settings-columns">
          <section>
            <h3>{t('projectSettings.gridHeading')}</h3>
            <p data-testid="settings-grid">
              {t('projectSettings.grid', { cols: grid.cols, rows: grid.rows, cell: grid.cellSizeM, areaKm2: ((grid.cols * grid.rows * grid.cellSizeM ** 2) / 1e6).toFixed(2) })}
            </p>
            <p className="muted small">{t('projectSettings.gridNote')}</p>
            <h3>{t('projectSettings.radioHeading')}</h3>
            <table>
              <tbody>
                {selectRow('band', t('projectSettings.band'), form.band, BAND_IDS.map((b) => [b, words.bands[b]]), (v) => set({ band: v as SettingsForm['band'] }), t('projectSettings.bandNote'))}
                {numberRow('baselineRsrpDbm', t('projectSettings.rsrp'), 'dBm', form.baselineRsrpDbm, (v) => set({ baselineRsrpDbm: v }), t('projectSettings.thresholdNote'))}
                {numberRow('baselineSinrDb', t('projectSettings.sinr'), 'dB', form.baselineSinrDb, (v) => set({ baselineSinrDb: v }))}
                {numberRow('locationProbabilityPct', t('projectSettings.locationProbability'), '%', form.locationProbabilityPct, (v) => set({ locationProbabilityPct: v }),
                  t('projectSettings.locationProbabilityNote', { pct: form.locationProbabilityPct }))}
                {numberRow('loadFactorPct', t('projectSettings.loadFactor'), '%', form.loadFactorPct, (v) => set({ loadFactorPct: v }), t('projectSettings.loadFactorNote'))}
                {numberRow('householdSize', t('projectSettings.householdSize'), t('projectSettings.personsPerHousehold'), form.householdSize, (v) => set({ householdSize: v }))}
              </tbody>
            </table>
            <h3>{t('projectSettings.fibreHeading')}</h3>
            <table>
              <tbody>
                {selectRow('splitScheme', t('projectSettings.splitScheme'), form.splitScheme, SPLIT_SCHEMES.map((x) => [x, x]), (v) => set({ splitScheme: v as SettingsForm['splitScheme'] }))}
                {numberRow('takeRatePct', t('projectSettings.takeRate'), '%', form.takeRatePct, (v) => set({ takeRatePct: v }))}
                {FIBRE_COST_KEYS.map((k) => numberRow(`fibre.${k}`, t(`projectSettings.fibreCosts.${k}`), t('projectSettings.yuan'), form.fibreCosts[k], (v) => set({ fibreCosts: { ...form.fibreCosts, [k]: v } })))}
              </tbody>
            </table>
          </section>
          <section>
            <h3>{t('projectSettings.kpiHeading')}</h3>
            <table>
              <tbody>
                {KPI_IDS.map((id) => numberRow(`kpi.${id}`, words.kpiNames[id], kpiUnitText(id), form.kpiTargets[id], (v) => set({ kpiTargets: { ...form.kpiTargets, [id]: v } }),
                  undefined))}
              </tbody>
            </table>
            <p className="muted small">{t('projectSettings.kpiNote', { min: kpiRange('popCoverageOutdoor')[0], max: kpiRange('popCoverageOutdoor')[1] })}</p>
            <h3>{t('projectSettings.costHeading')}</h3>
            <table>
              <tbody>
                {COST_KEYS.map((k) => {
                  const [kind, method] = k.split(':') as [SiteKind, BuildMethod];
                  return numberRow(`cost.${k}`, `${words.siteKinds[kind]} · ${words.buildMethods[method]}`, t('projectSettings.wan'), form.siteCostsWan[k], (v) => set({ siteCostsWan: { ...form.siteCostsWan, [k]: v } }));
                })}
              </tbody>
            </table>
            <p className="muted small">{t('projectSettings.costNote')}</p>
          </section>
        </div>
        <footer className="settings-actions">
          {error && <span className="error" role="alert">{t('projectSettings.notApplied')}</span>}
          <button type="button" onClick={() => { setForm(saved); setError(null); }} disabled={!isChanged}>{t('projectSettings.reset')}</button>
          <button type="button" onClick={onClose}>{t('projectSettings.cancel')}</button>
          <button type="button" className="primary" data-testid="settings-apply" disabled={!isChanged} onClick={apply}>{t('projectSettings.apply')}</button>
        </footer>
      </div>
    </div>
  );
}

/**
 * A link that opens the project settings screen, for every text that says a figure can be changed there. Outside an
 * open project (a panel rendered alone) it shows the words without the link.
 */
export function ProjectSettingsLink() {
  const { t } = useTranslation();
  const project = useContext(ProjectContext);
  if (!project) return <span>{t('projectSettings.heading')}</span>;
  return (
    <button type="button" className="link" data-testid="open-settings-link" onClick={() => project.workspace.ui.update({ isSettingsOpen: true })}>
      {t('projectSettings.heading')}
    </button>
  );
}
