import { describe, expect, it } from 'vitest';
import { makeSite } from '../../../core/model';
import { acceptSuggestions } from '../../../core/suggest';

describe('acceptSuggestions', () => {
  const sites = [makeSite('macro', [106.4, 27.8], 'S7')];
  const candidates = [
    { ...makeSite('micro', [106.41, 27.81], 'GC-1', { status: 'proposed' }), costCny: 50_000, source: 'generated: gap centre' },
    { ...makeSite('macro', [106.42, 27.82], 'HP-0-1', { status: 'proposed' }), costCny: 450_000 },
  ];

  it('appends accepted candidates as planned sites with fresh ids, in the given order, once each', () => {
    const r = acceptSuggestions(sites, candidates, ['HP-0-1', 'GC-1', 'HP-0-1']);
    expect(r.sites.map((s) => [s.id, s.status, s.kind, s.costCny])).toEqual([
      ['S7', 'planned', 'macro', undefined],
      ['S8', 'planned', 'macro', 450_000],
      ['S9', 'planned', 'micro', 50_000],
    ]);
    expect(r.sites[2].source).toBe('suggestion GC-1; generated: gap centre');
    expect(r.candidates).toEqual([]);
    expect(candidates[0].status).toBe('proposed');
  });
  it('leaves the others as candidates and names an unknown id', () => {
    expect(acceptSuggestions(sites, candidates, ['GC-1']).candidates.map((c) => c.id)).toEqual(['HP-0-1']);
    expect(() => acceptSuggestions(sites, candidates, ['nope'])).toThrow(/acceptedIds: 'nope'/);
  });
});
