import { useTranslation } from 'react-i18next';
import type { RoadmapCountyEntry } from '../../core/roadmap';
import { countyByCode } from '../../geodata/counties';
import { useFormatter } from '../i18n/useFormatter';
import { figureOf, provinceStanding, rankCounties, PROVINCE_FIGURES, type FigureClass, type ProvinceFigure } from '../province/provinceFigures';
import type { LoadedRoadmap } from '../session/AppSession';

/** The county's name in the UI's language (the roadmap writes Chinese names; English shows the pinyin name). */
function useCountyName() {
  const f = useFormatter();
  return (c: Pick<RoadmapCountyEntry, 'code' | 'name'>): string => (f.language === 'zh' ? c.name : countyByCode(c.code)?.nameEn ?? c.name);
}

/** The value of `figure` as the table and legend show it. */
function useFigureText() {
  const { t } = useTranslation();
  const f = useFormatter();
  return (value: number | null, figure: ProvinceFigure): string => {
    if (value === null || !Number.isFinite(value)) return t('provinceView.noValue');
    if (figure === 'reached') return f.n.percent(value, 0);
    if (figure === 'cost') return f.n.integer(value);
    return f.n.fixed(value, 1);
  };
}

interface OpenProps {
  error: string | null;
  onOpen(): void;
}

/** The start screen's province block without a roadmap: what it is and the button to open a roadmap folder. */
export function ProvinceOpen({ error, onOpen }: OpenProps) {
  const { t } = useTranslation();
  return (
    <section className="start-panel province-open" aria-label={t('provinceView.heading')}>
      <h2>{t('provinceView.heading')}</h2>
      <p className="muted small">{t('provinceView.intro')}</p>
      <button type="button" data-testid="open-roadmap" onClick={onOpen}>
        {t('provinceView.open')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="roadmap-error">
          {error}
        </p>
      )}
    </section>
  );
}

interface PanelProps {
  roadmap: LoadedRoadmap;
  figure: ProvinceFigure;
  selectedCode: string | null;
  error: string | null;
  onFigure(figure: ProvinceFigure): void;
  onSelect(code: string): void;
  onOpenCounty(code: string): void;
  onClose(): void;
}

/**
 * The province view's left panel: what roadmap is shown (year, grid, when), the figure the map is coloured by,
 * the province totals against the plan's 16万 with the network basis ("from zero" or the operator's file) and the
 * 估 mark on costs, and the ranking with a button per county opening its proposed plan.
 */
export function ProvincePanel({ roadmap, figure, selectedCode, error, onFigure, onSelect, onOpenCounty, onClose }: PanelProps) {
  const { t } = useTranslation();
  const f = useFormatter();
  const text = useFigureText();
  const { index } = roadmap;
  const p = index.province;
  const standing = provinceStanding(index);
  const ranked = rankCounties(index, figure);
  const est = f.words.marks.estimate;
  return (
    <section className="province-panel" aria-label={t('provinceView.heading')} data-testid="province-panel">
      <header>
        <h2>{t('provinceView.heading')}</h2>
        <button type="button" className="link" data-testid="close-roadmap" onClick={onClose}>
          {t('provinceView.close')}
        </button>
      </header>
      <p className="muted small" data-testid="roadmap-meta">
        {roadmap.name} · {t('provinceView.loaded', { year: index.year, counties: index.counties.length, cell: index.cellSizeM, when: f.dateTime(new Date(index.generatedAtMs)) })}
      </p>
      {index.failed.length > 0 && <p className="warning small">{t('provinceView.failedCounties', { count: index.failed.length, names: index.failed.map((x) => x.name).join(f.words.nameSeparator) })}</p>}
      {error && (
        <p className="error small" role="alert" data-testid="roadmap-error">
          {error}
        </p>
      )}
      <label className="province-figure">
        {t('provinceView.figure')}
        <select value={figure} data-testid="province-figure" onChange={(e) => onFigure(e.target.value as ProvinceFigure)}>
          {PROVINCE_FIGURES.map((id) => (
            <option key={id} value={id}>
              {t(`provinceView.figures.${id}`)}
              {id === 'cost' ? ` (${est})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="province-totals" data-testid="province-totals">
        <h3>{t('provinceView.totals')}</h3>
        <dl>
          <dt>{t('provinceView.existing')}</dt>
          <dd>{f.n.integer(standing.existing)}</dd>
          <dt>{t('provinceView.proposed')}</dt>
          <dd data-testid="province-proposed">
            {f.n.integer(p.proposed.total)}
            <div className="muted small">{t('provinceView.byKind', { macro: f.n.integer(p.proposed.macro), micro: f.n.integer(p.proposed.micro), indoor: f.n.integer(p.proposed.indoor) })}</div>
          </dd>
          <dt>{t('provinceView.cost')}</dt>
          <dd>
            {t('provinceView.costValue', { value: f.language === 'zh' ? f.n.fixed(p.proposed.costCny / 1e8, 2) : f.n.fixed(p.proposed.costCny / 1e6, 1) })} <span className="tag estimate" title={f.words.markLegend.estimate}>{est}</span>
          </dd>
          <dt>{t('provinceView.after')}</dt>
          <dd data-testid="province-after">
            {f.n.integer(p.sitesAfter)}
            <div className="small">{t('provinceView.against', { target: f.n.integer(p.planTargetBaseStations), share: f.n.percent(standing.shareOfPlan, 1) })}</div>
          </dd>
        </dl>
        <p className="small basis" data-testid="province-basis">
          {standing.basis === 'all-from-zero'
            ? t('provinceView.fromZeroAll', { count: standing.fromZero })
            : standing.basis === 'some-from-zero'
              ? t('provinceView.fromZeroSome', { count: standing.fromZero })
              : t('provinceView.operatorAll')}
        </p>
        <p className="muted small">{t('provinceView.estimateNote')}</p>
      </div>
      <h3>{t('provinceView.ranking')}</h3>
      <p className="muted small">{t('provinceView.clickHint')}</p>
      <div className="province-ranking">
        <table className="small" data-testid="province-ranking">
          <thead>
            <tr>
              <th>{t('provinceView.rank')}</th>
              <th>{t('provinceView.county')}</th>
              <th>{t(`provinceView.figures.${figure}`)}</th>
              <th>{t('provinceView.sites')}</th>
              <th>{t('provinceView.reached')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ranked.map((c, i) => (
              <RankingRow key={c.code} county={c} rank={i + 1} figure={figure} value={text(figureOf(c, figure), figure)} isSelected={c.code === selectedCode} onSelect={onSelect} onOpen={onOpenCounty} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface RowProps {
  county: RoadmapCountyEntry;
  rank: number;
  figure: ProvinceFigure;
  value: string;
  isSelected: boolean;
  onSelect(code: string): void;
  onOpen(code: string): void;
}

function RankingRow({ county: c, rank, value, isSelected, onSelect, onOpen }: RowProps) {
  const { t } = useTranslation();
  const f = useFormatter();
  const nameOf = useCountyName();
  const judged = c.after.targets.filter((x) => x.isMet !== null);
  const met = judged.filter((x) => x.isMet).length;
  const basis = c.network.basis === 'from-zero' ? t('provinceView.basisFromZero') : t('provinceView.basisFile', { file: c.network.file ?? '', date: c.network.fileModifiedMs ? f.dateTime(new Date(c.network.fileModifiedMs)) : '' });
  return (
    <tr className={isSelected ? 'selected' : undefined} data-code={c.code} onClick={() => onSelect(c.code)}>
      <td>{rank}</td>
      <td title={`${c.prefecture} · ${t('provinceView.basis')}: ${basis}`}>{nameOf(c)}</td>
      <td className="num">{value}</td>
      <td className="num">{f.n.integer(c.proposed.total)}</td>
      <td className="num">{t('provinceView.metCount', { met, judged: judged.length })}</td>
      <td>
        <button type="button" className="link" data-testid={`open-county-plan-${c.code}`} title={t('provinceView.openTitle', { name: nameOf(c) })} onClick={(e) => {
          e.stopPropagation();
          onOpen(c.code);
        }}>
          {t('provinceView.openPlan')}
        </button>
      </td>
    </tr>
  );
}

interface CardProps {
  county: RoadmapCountyEntry;
  onOpen(code: string): void;
  onClose(): void;
}

/** The clicked county of the province map: its roadmap figures, what stays unmet and why, and open its plan. */
export function RoadmapCountyCard({ county: c, onOpen, onClose }: CardProps) {
  const { t } = useTranslation();
  const f = useFormatter();
  const est = f.words.marks.estimate;
  const nameOf = useCountyName();
  const unmet = c.targets
    .filter((x) => x.reason || c.after.targets.find((a) => a.id === x.id)?.isMet === false)
    .map((x) => `${t(`provinceView.targets.${x.id}`)}${x.reason ? f.words.paren(t(`provinceView.reasons.${x.reason}`)) : ''}`);
  return (
    <aside className="county-info roadmap-card" aria-label={nameOf(c)} data-testid="roadmap-county-card">
      <header>
        <h2>{nameOf(c)}</h2>
        <button type="button" className="close" aria-label={t('county.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('provinceView.prefecture')}</dt>
        <dd>{c.prefecture}</dd>
        <dt>{t('provinceView.sites')}</dt>
        <dd>
          {f.n.integer(c.proposed.total)} <span className="muted">({t('provinceView.byKind', { macro: c.proposed.macro, micro: c.proposed.micro, indoor: c.proposed.indoor })})</span>
        </dd>
        <dt>{t('provinceView.figures.per10k')}</dt>
        <dd>{c.proposedPer10k === null ? t('provinceView.noValue') : f.n.fixed(c.proposedPer10k, 1)}</dd>
        <dt>{t('provinceView.costWan')}</dt>
        <dd>
          {f.n.integer(c.proposed.costCny / 1e4)} <span className="tag estimate">{est}</span>
        </dd>
        <dt>{t('provinceView.basis')}</dt>
        <dd>{c.network.basis === 'from-zero' ? t('provinceView.basisFromZero') : t('provinceView.basisFile', { file: c.network.file ?? '', date: c.network.fileModifiedMs ? f.dateTime(new Date(c.network.fileModifiedMs)) : '' })}</dd>
      </dl>
      {unmet.length > 0 && <p className="small warn">{t('provinceView.unmet', { targets: unmet.join(f.words.nameSeparator) })}</p>}
      <button type="button" className="primary" data-testid="open-roadmap-county" onClick={() => onOpen(c.code)}>
        {t('provinceView.openPlan')}
      </button>
    </aside>
  );
}

interface LegendProps {
  figure: ProvinceFigure;
  classes: readonly FigureClass[];
}

/** The province map's legend: the classes of the chosen figure, and grey for no data. */
export function ProvinceLegend({ figure, classes }: LegendProps) {
  const { t } = useTranslation();
  const text = useFigureText();
  return (
    <div className="province-legend" data-testid="province-legend">
      <div className="legend-title">{t('provinceView.legendTitle', { figure: t(`provinceView.figures.${figure}`) })}</div>
      <ul>
        {[...classes].reverse().map((c) => (
          <li key={c.min}>
            <span className="swatch" style={{ background: c.colour }} />
            {figure === 'reached' ? text(c.min, figure) : `${text(c.min, figure)} – ${text(c.max, figure)}`}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: '#e2e8f0' }} />
          {t('provinceView.noValue')}
        </li>
      </ul>
    </div>
  );
}
