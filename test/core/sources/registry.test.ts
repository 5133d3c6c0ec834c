import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import { FIBRE_SETTINGS_PROVENANCE } from '../../../core/ftth';
import { BAND_PRESETS } from '../../../core/radio/bands';
import { DEFAULT_SCORING_SETTINGS } from '../../../core/scoring';
import { cite, SOURCES, sourceOf, type Provenance, type Source } from '../../../core/sources';

/** Every provenance the defaults carry: KPI and place targets, unit costs, fibre settings, band presets. */
function defaultProvenances(): [string, Provenance][] {
  const out: [string, Provenance][] = [];
  for (const [id, k] of Object.entries(DEFAULT_SCORING_SETTINGS.kpis)) out.push([`kpi ${id}`, k.provenance]);
  for (const [id, p] of Object.entries(DEFAULT_SCORING_SETTINGS.places)) out.push([`place ${id}`, p.provenance]);
  for (const [kind, methods] of Object.entries(DEFAULT_COST_TABLE)) for (const [m, e] of Object.entries(methods)) out.push([`cost ${kind} ${m}`, e!.provenance]);
  for (const [id, p] of Object.entries(FIBRE_SETTINGS_PROVENANCE)) out.push([`fibre ${id}`, p]);
  for (const [band, preset] of Object.entries(BAND_PRESETS)) for (const [k, p] of Object.entries(preset.source)) out.push([`band ${band} ${k}`, p]);
  return out;
}

describe('source registry', () => {
  it('names every source in both languages with its issuing body, and nothing internal (no file names, no bracket tags)', () => {
    for (const [id, s] of Object.entries(SOURCES as Record<string, Source>)) {
      for (const text of [s.title.zh, s.title.en, s.issuer.zh, s.issuer.en]) {
        expect(text.trim(), id).not.toBe('');
        expect(text, id).not.toMatch(/\.md\b|\[[A-Z]+\]|§/);
      }
      expect(s.title.zh, id).toMatch(/[\u4e00-\u9fff]/);
      if (s.year !== undefined) expect(s.year, id).toBeGreaterThan(1990);
    }
  });

  it('resolves every citation of the defaults to a registered source, and every estimate or unverified figure says so', () => {
    const all = defaultProvenances();
    expect(all.length).toBeGreaterThan(50);
    for (const [where, p] of all) {
      expect(p.cites.length, where).toBeGreaterThan(0);
      for (const c of p.cites) expect(sourceOf(c), `${where}: ${c.source}`).toBeDefined();
      if (p.cites.some((c) => c.source === 'toolEstimate')) expect(p.isEstimate, where).toBe(true);
      for (const text of [p.note?.zh, p.note?.en, ...p.cites.flatMap((c) => [c.section?.zh, c.section?.en])]) {
        if (text) expect(text, where).not.toMatch(/\.md\b|\[[A-Z]+\]|§/);
      }
    }
  });

  it('cites by id, refusing an id the registry does not hold', () => {
    expect(cite('ictPlan14', '附件1')).toEqual({ source: 'ictPlan14', section: { zh: '附件1', en: '附件1' } });
    expect(() => cite('nope' as never)).toThrow(RangeError);
    expect(sourceOf({ source: 'from-a-newer-version' })).toBeUndefined();
  });
});
