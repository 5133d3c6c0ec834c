import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { analyseFibre } from '../../../core/ftth';
import { FibrePanel } from '../../../renderer/components/FibrePanel';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';
import { syntheticCounty } from '../../fixtures/ftth/syntheticCounty';

async function render(lng: 'en' | 'zh', element: ReactElement): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

describe('FibrePanel', () => {
  const county = syntheticCounty({ sideM: 30000, cellSizeM: 100, roadLines: 10, households: 3000, oltCount: 6, xgsShare: 0.5, seed: 7 });
  const r = analyseFibre(county.project, { householdPoints: county.householdPoints, seatLonLat: county.seatLonLat });
  if (!r.ok) throw new Error(r.message);
  const v = r.value;

  it('shows the KPIs and one row per upgrade with its estimated cost (English)', async () => {
    const html = await render('en', <FibrePanel result={v} upgrades={v.upgrades} />);
    expect(html).toContain('Households with gigabit fibre, urban');
    expect(html).toContain('3,000 imported household points');
    const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(v.kpis.gigabitShare);
    expect(html).toContain(`${pct} (${new Intl.NumberFormat('en').format(v.kpis.gigabitHouseholds)} of 3,000 households)`);
    expect(html).toContain('20% (24 of 120 PON ports)');
    expect(v.upgrades.length).toBeGreaterThan(0);
    expect(html.match(/data-upgrade-index=/g)).toHaveLength(v.upgrades.length);
    const first = v.upgrades[0];
    expect(html).toContain(`${(first.costCny / 1e4).toFixed(1)} × 10k CNY`);
  });

  it('labels modelled households and speaks Chinese', async () => {
    const html = await render('zh', <FibrePanel result={{ ...v, householdProvenance: 'modelled' }} upgrades={[]} />);
    expect(html).toContain('千兆光网');
    expect(html).toContain('模型推算');
    expect(html).toContain('无需改造');
  });
});
