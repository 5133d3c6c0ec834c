import { useTranslation } from 'react-i18next';
import type { FibreResult, FibreUpgradeRow } from '../../core/ftth';
import { useFormatter } from '../i18n/useFormatter';
import { ProjectSettingsLink } from './ProjectSettingsDialog';

interface Props {
  result: FibreResult;
  upgrades: readonly FibreUpgradeRow[];
  /** click on an upgrade row (e.g. to zoom the map to it) */
  onSelectUpgrade?(row: FibreUpgradeRow, index: number): void;
}

/**
 * The fibre panel: gigabit-capable households (all, urban, rural), 10G-PON port share and capacity, places
 * meeting their fibre target, and the upgrade list with estimated costs. Presentational: data in, clicks out.
 */
export function FibrePanel({ result, upgrades, onSelectUpgrade }: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormatter();
  const k = result.kpis;
  const int = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const wan = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const share = (x: number) => (Number.isFinite(x) ? pct.format(x) : t('fibre.none'));
  const shareRow = (labelKey: string, part: number, total: number, s: number) => (
    <tr key={labelKey}>
      <th scope="row">{t(labelKey)}</th>
      <td>{t('fibre.shareValue', { share: share(s), count: int.format(part), total: int.format(total) })}</td>
    </tr>
  );
  const totalHouseholds = upgrades.reduce((s, u) => s + u.householdsGained, 0);
  const totalCostCny = upgrades.reduce((s, u) => s + u.costCny, 0);

  return (
    <section className="fibre-panel" aria-label={t('fibre.heading')}>
      <h2>{t('fibre.heading')}</h2>
      <p className="muted small" title={result.householdSource}>
        {result.householdProvenance === 'points'
          ? t('fibre.sourcePoints', { count: int.format(result.households.xM.length) })
          : t('fibre.sourcePopulation')}
      </p>
      {(result.householdProvenance === 'modelled' || result.householdProvenance === 'synthetic') && (
        <p className="warn small">{t(`fibre.provenance.${result.householdProvenance}`)}</p>
      )}
      <table className="fibre-kpis">
        <caption>{t('fibre.kpis')}</caption>
        <tbody>
          {shareRow('fibre.gigabitAll', k.gigabitHouseholds, k.households, k.gigabitShare)}
          {shareRow('fibre.gigabitUrban', k.urbanGigabitHouseholds, k.urbanHouseholds, k.urbanGigabitShare)}
          {shareRow('fibre.gigabitRural', k.ruralGigabitHouseholds, k.ruralHouseholds, k.ruralGigabitShare)}
          <tr>
            <td colSpan={2} className="muted small">{t('fibre.kpiNote')}</td>
          </tr>
          <tr>
            <th scope="row">{t('fibre.xgsPortShare')}</th>
            <td>{t('fibre.portsValue', { share: share(k.xgsPortShare), xgs: int.format(k.xgsPonPorts), all: int.format(k.gponPorts + k.xgsPonPorts) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('fibre.capacity')}</th>
            <td>{t('fibre.capacityValue', { households: int.format(k.xgsPortCapacityHouseholds), ratio: share(k.urbanCapacityRatio) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('fibre.places')}</th>
            <td>{t('fibre.placesValue', { met: int.format(k.placesMet), total: int.format(k.placesWithTarget) })}</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('fibre.upgrades')}</h3>
      {upgrades.length === 0 ? (
        <p className="muted small">{t('fibre.noUpgrades')}</p>
      ) : (
        <>
          <table className="fibre-upgrades">
            <thead>
              <tr>
                <th scope="col">{t('fibre.name')}</th>
                <th scope="col">{t('fibre.type')}</th>
                <th scope="col">{t('fibre.scheme')}</th>
                <th scope="col">{t('fibre.householdsGained')}</th>
                <th scope="col">{t('fibre.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {upgrades.map((u, i) => (
                <tr key={`${u.type}-${i}`} data-upgrade-index={i} onClick={onSelectUpgrade && (() => onSelectUpgrade(u, i))}>
                  <td title={f.words.buildList.fibreDetail(u.detail, f.n)}>{f.words.buildList.fibreLabel(u.label)}</td>
                  <td>{t(`fibre.types.${u.type}`)}</td>
                  <td>{u.splitScheme ?? ''}</td>
                  <td>{int.format(u.householdsGained)}</td>
                  <td>{t('fibre.costWan', { wan: wan.format(u.costCny / 1e4) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            {t('fibre.total', { households: int.format(totalHouseholds), cost: t('fibre.costWan', { wan: wan.format(totalCostCny / 1e4) }) })}
          </p>
        </>
      )}
      <p className="muted small">{t('fibre.estimateNote')} <ProjectSettingsLink /></p>
    </section>
  );
}
