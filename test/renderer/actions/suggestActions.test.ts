import { describe, expect, it } from 'vitest';
import { makeSite } from '../../../core/model';
import { acceptedSuggestionIds, acceptSuggestedSites } from '../../../renderer/actions/suggestActions';
import { EMPTY_PLAN } from '../../../renderer/state/planState';
import { PlanStore } from '../../../renderer/state/PlanStore';

const proposed = (id: string, lon: number) => ({ ...makeSite('macro', [lon, 27.8], id), status: 'proposed' as const });

describe('acceptSuggestedSites', () => {
  it('turns suggestions into planned sites in one undo step, removing accepted project candidates', () => {
    const existing = makeSite('macro', [106.3, 27.8], 'S1');
    const towerCandidate = proposed('T-7', 106.41);
    const store = new PlanStore({ ...EMPTY_PLAN, countyCode: '520382', name: 't', sites: [existing], candidates: [towerCandidate] });
    const suggested = [proposed('GC-2', 106.4), towerCandidate, proposed('GC-5', 106.42)];
    store.dispatch(acceptSuggestedSites, { suggested, candidateIds: ['GC-2', 'T-7'] });
    const { sites, candidates } = store.getState();
    expect(sites.map((s) => [s.id, s.status, s.lonDeg])).toEqual([['S1', 'planned', 106.3], ['S2', 'planned', 106.4], ['S3', 'planned', 106.41]]);
    expect(candidates).toEqual([]);
    expect([...acceptedSuggestionIds(store.getState())].sort()).toEqual(['GC-2', 'T-7']);
    expect(store.undoName()).toBe('acceptSuggestions');
    store.undo();
    expect(store.getState().sites.map((s) => s.id)).toEqual(['S1']);
    expect(store.getState().candidates).toEqual([towerCandidate]);
    expect(acceptedSuggestionIds(store.getState()).size).toBe(0);
  });
});
