import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SuggestionResult } from '../../../core/suggest';
import { coverageCurveOption } from '../../../renderer/charts/coverageCurveOption';
import { SuggestPanel } from '../../../renderer/components/SuggestPanel';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';

const result: SuggestionResult = {
  sites: [
    { rank: 1, candidateId: 'GC-0', costCny: 450_000, isRequired: false, gainDemand: 900, gainRelief: 0, gainPeople: 800, gainPlaces: 1, gainAreaKm2: 3.2, gainDemandPer10kCny: 20, gainPeoplePer10kCny: 17.8, cumulativeCostCny: 450_000, cumulativeDemand: 900 },
    { rank: 2, candidateId: 'IN-H1', costCny: 200_000, isRequired: true, gainDemand: 300, gainRelief: 0, gainPeople: 100, gainPlaces: 1, gainAreaKm2: 0.01, gainDemandPer10kCny: 15, gainPeoplePer10kCny: 5, cumulativeCostCny: 650_000, cumulativeDemand: 1200 },
  ],
  curve: { costCny: [0, 450_000, 650_000], demand: [0, 900, 1200], people: [0, 800, 900] },
  totals: { costCny: 650_000, demand: 1200, relief: 0, people: 900, places: 2, areaKm2: 3.21 },
  allCandidatesDemand: 5000,
  unmetConstraints: [],
  method: { seed: 1, greedyDemand: 1200, localSearchDemand: 1200, localSearchMoves: 0, greedyCostExponent: 1 },
  exact: { status: 'optimal', optimumDemand: 1212, upperBoundDemand: 1212, heuristicGapPct: 0.99, candidateIds: ['GC-0', 'IN-H1'], patternCount: 7 },
};

async function render(language: 'zh' | 'en', props: Partial<Parameters<typeof SuggestPanel>[0]> = {}): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <SuggestPanel budgetCny={1_000_000} onRun={() => {}} onAccept={() => {}} {...props} />
    </I18nextProvider>,
  );
}

describe('SuggestPanel', () => {
  it('shows the ranked list, totals in 10k CNY, the gap to the optimum and the estimate note', async () => {
    const html = await render('en', { result, candidateNames: { 'GC-0': 'Gap centre 0' } });
    expect(html).toContain('2 sites, 65.0 x 10k CNY, newly covering 900 people, 2 places, 3.21 km²');
    expect(html).toContain('Gap to the HiGHS optimum: 0.99%');
    expect(html).toContain('Gap centre 0');
    expect(html).toContain('IN-H1<span class="muted"> (Constraint)</span>');
    expect(html.match(/data-testid="suggest-row"/g)).toHaveLength(2);
    expect(html).toContain('Costs are estimates');
    expect(html).toContain('value="100"');
  });
  it('shows progress while running and an empty state in Chinese', async () => {
    const html = await render('zh', { progress: 0.42 });
    expect(html).toContain('计算中 42%');
    expect(html).toContain('尚无建议');
  });
});

describe('coverageCurveOption', () => {
  it('plots cumulative 10k CNY against the cumulative people newly covered (the summary\'s figure) from the origin', () => {
    const option = coverageCurveOption(result.curve, { title: 't', xAxis: 'x', yAxis: 'y' }) as { series: { data: number[][] }[] };
    expect(option.series[0].data).toEqual([[0, 0], [45, 800], [65, 900]]);
  });

  it('keeps a large budget\'s axis labels short and apart, and marks the knee', () => {
    type Axis = { axisLabel: { hideOverlap: boolean; formatter: (v: number) => string } };
    const zhOption = coverageCurveOption(result.curve, { title: 't', xAxis: 'x', yAxis: 'y', knee: 'k' }, { language: 'zh', kneeCostCny: 450_000 }) as unknown as { xAxis: Axis; series: { markLine: { data: { xAxis: number }[] } }[] };
    expect(zhOption.xAxis.axisLabel.hideOverlap).toBe(true);
    expect([5000, 10_000, 15_000].map(zhOption.xAxis.axisLabel.formatter)).toEqual(['5000', '1万', '1.5万']);
    expect(zhOption.series[0].markLine.data).toEqual([{ xAxis: 45 }]);
    const enOption = coverageCurveOption(result.curve, { title: 't', xAxis: 'x', yAxis: 'y' }, { language: 'en' }) as unknown as { xAxis: Axis };
    expect([500, 15_000].map(enOption.xAxis.axisLabel.formatter)).toEqual(['500', '15k']);
  });
});
