import { describe, expect, it } from 'vitest';
import { suggestSites, type SuggestInput } from '../../../core/suggest';
import { cand, lineGrid } from './helpers';

describe('suggestSites says why it chose no site (issue 22 bug 7)', () => {
  it('names the cheapest candidate that would cover demand when the budget is below it', async () => {
    const input: SuggestInput = {
      grid: lineGrid(6),
      demand: new Float32Array([1, 1, 1, 0, 0, 0]),
      // 'idle' is cheaper but covers no demand, so the reason names 'cheap'
      candidates: [cand('idle', 10_000, [3, 4]), cand('cheap', 300_000, [0, 1]), cand('dear', 450_000, [1, 2])],
    };
    const r = await suggestSites(input, { budgetCny: 50_000 });
    expect(r.sites).toEqual([]);
    expect(r.noSiteReason).toEqual({ code: 'below-cheapest', cheapestCny: 300_000, candidateId: 'cheap' });
    const enough = await suggestSites(input, { budgetCny: 300_000 });
    expect(enough.sites.map((s) => s.candidateId)).toEqual(['cheap']);
    expect(enough.noSiteReason).toBeUndefined();
  });

  it('says there are no candidates, or that none adds coverage', async () => {
    const none = await suggestSites({ grid: lineGrid(3), demand: new Float32Array(3).fill(1), candidates: [] }, { budgetCny: 1e6 });
    expect(none.noSiteReason).toEqual({ code: 'no-candidates' });
    const covered = await suggestSites({ grid: lineGrid(3), demand: new Float32Array(3), candidates: [cand('A', 1_000, [0, 1])] }, { budgetCny: 1e6 });
    expect(covered.sites).toEqual([]);
    expect(covered.noSiteReason).toEqual({ code: 'no-gain' });
  });
});
