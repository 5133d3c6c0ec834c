import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../core/cancel';
import { suggestSites, type SuggestInput } from '../../../core/suggest';
import { bruteForce, cand, chosenIds, lineGrid, randomInstance, recount } from './helpers';

const ones = (n: number) => new Float32Array(n).fill(1);

describe('suggestSites on hand-made instances', () => {
  // Greedy trap for k = 2: Z covers 5 cells, X and Y 4 each; greedy takes Z then 2 more (7), optimum X + Y = 8.
  const trap: SuggestInput = {
    grid: lineGrid(9),
    demand: ones(9),
    candidates: [cand('X', 1, [0, 1, 2, 3]), cand('Y', 1, [4, 5, 6, 7]), cand('Z', 1, [0, 1, 4, 5, 8])],
  };

  it('greedy alone falls in the trap; local search and HiGHS find the optimum of 8', async () => {
    const greedyOnly = await suggestSites(trap, { maxSites: 2, maxLocalSearchPasses: 0 });
    expect(greedyOnly.method.greedyDemand).toBe(7);
    expect(greedyOnly.totals.demand).toBe(7);
    expect(greedyOnly.exact?.status).toBe('optimal');
    expect(greedyOnly.exact?.optimumDemand).toBeCloseTo(8, 9);
    expect(greedyOnly.exact?.heuristicGapPct).toBeCloseTo(12.5, 9);
    expect(greedyOnly.exact?.candidateIds.sort()).toEqual(['X', 'Y']);

    const full = await suggestSites(trap, { maxSites: 2 });
    expect(full.totals.demand).toBe(8);
    expect(full.method.localSearchMoves).toBeGreaterThan(0);
    expect(chosenIds(full).sort()).toEqual(['X', 'Y']);
    expect(full.exact?.heuristicGapPct).toBeCloseTo(0, 9);
  });

  it('takes the best single site (greedy by gain) when the ratio greedy would spend the budget badly', async () => {
    const input: SuggestInput = {
      grid: lineGrid(12),
      demand: ones(12),
      candidates: [cand('cheap', 1_000, [0, 1]), cand('big', 10_000, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11])],
    };
    const r = await suggestSites(input, { budgetCny: 10_000, maxLocalSearchPasses: 0 });
    expect(r.method.greedyCostExponent).toBeLessThan(1);
    expect(chosenIds(r)).toEqual(['big']);
    expect(r.exact?.optimumDemand).toBeCloseTo(10, 9);
  });

  it('ranks by gain per CNY, with marginal figures, area, people, places and the curve', async () => {
    const input: SuggestInput = {
      grid: lineGrid(6),
      demand: Float32Array.of(10, 10, 10, 4, 4, NaN),
      population: Float32Array.of(5, 5, 5, 2, 2, 1),
      candidates: [cand('A', 20_000, [0, 1, 2]), cand('B', 10_000, [2, 3, 4, 5])],
      places: [{ placeId: 'school', cellIndices: Uint32Array.of(4, 5) }],
    };
    const r = await suggestSites(input, { budgetCny: 30_000 });
    // B: 18 demand for 10k CNY beats A: 30 for 20k; then A adds only cells 0 and 1.
    expect(chosenIds(r)).toEqual(['B', 'A']);
    const [b, a] = r.sites;
    expect(b).toMatchObject({ rank: 1, gainDemand: 18, gainPeople: 10, gainPlaces: 1, gainDemandPer10kCny: 18, gainPeoplePer10kCny: 10 });
    expect(b.gainAreaKm2).toBeCloseTo((4 * 625) / 1e6, 12);
    expect(a).toMatchObject({ rank: 2, gainDemand: 20, gainPeople: 10, gainPlaces: 0, cumulativeCostCny: 30_000, cumulativeDemand: 38 });
    expect(r.curve).toEqual({ costCny: [0, 10_000, 30_000], demand: [0, 18, 38], people: [0, 10, 20] });
    expect(r.totals).toMatchObject({ demand: 38, people: 20, places: 1, costCny: 30_000 });
    expect(r.allCandidatesDemand).toBe(38);
  });

  it('meets a required place and an at-least-one-site cell set even when they gain less', async () => {
    const input: SuggestInput = {
      grid: lineGrid(10),
      demand: Float32Array.of(9, 9, 9, 9, 1, 1, 0, 0, 0, 0),
      candidates: [cand('best', 1, [0, 1, 2, 3]), cand('hill', 1, [4, 5]), cand('seat', 1, [6, 7]), cand('lonely', 1, [9])],
      places: [{ placeId: 'hospital', cellIndices: Uint32Array.of(5) }],
    };
    const r = await suggestSites(input, {
      maxSites: 3,
      requiredPlaceIds: ['hospital'],
      atLeastOneSitePer: [{ id: 'town', cellIndices: Uint32Array.of(6, 7) }],
    });
    expect(chosenIds(r).sort()).toEqual(['best', 'hill', 'seat']);
    expect(r.sites.find((s) => s.candidateId === 'seat')?.isRequired).toBe(true);
    expect(r.unmetConstraints).toEqual([]);
    expect(r.exact?.optimumDemand).toBeCloseTo(38, 9);
    const tight = await suggestSites(input, { maxSites: 1, requiredPlaceIds: ['hospital'], atLeastOneSitePer: [{ id: 'x', cellIndices: Uint32Array.of(8) }] });
    expect(tight.unmetConstraints.join(' ')).toMatch(/cell set x/);
    expect(tight.exact?.status).toBe('optimal');
    expect(tight.exact?.candidateIds).toEqual(['hill']);
    const impossible = await suggestSites(input, { maxSites: 1, requiredPlaceIds: ['hospital'], atLeastOneSitePer: [{ id: 'town', cellIndices: Uint32Array.of(6) }] });
    expect(impossible.unmetConstraints.join(' ')).toMatch(/need 2 sites, more than maxSites 1/);
    expect(impossible.exact?.status).toBe('infeasible');
    expect(impossible.exact?.heuristicGapPct).toBeNaN();
  });

  it('on random instances: HiGHS equals brute force, the heuristic never claims more than it covers', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const input = randomInstance(seed, 12, 60);
      const budgetCny = 150_000;
      const maxSites = seed % 2 === 0 ? 4 : Infinity;
      const r = await suggestSites(input, { budgetCny, maxSites: Number.isFinite(maxSites) ? maxSites : undefined, seed });
      const truth = bruteForce(input, budgetCny, maxSites);
      const mine = recount(input, chosenIds(r));
      expect(r.exact?.status).toBe('optimal');
      expect(r.exact?.optimumDemand).toBeCloseTo(truth, 6);
      expect(recount(input, r.exact!.candidateIds).demand).toBeCloseTo(truth, 6);
      expect(r.totals.demand).toBeCloseTo(mine.demand, 6);
      expect(r.sites.reduce((s, x) => s + x.gainDemand, 0)).toBeCloseTo(mine.demand, 6);
      expect(mine.costCny).toBeLessThanOrEqual(budgetCny);
      expect(mine.demand).toBeLessThanOrEqual(truth + 1e-6);
      expect(r.exact!.heuristicGapPct).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it('with constraints on random instances: HiGHS equals brute force and the heuristic stays feasible', async () => {
    for (let seed = 21; seed <= 28; seed++) {
      const input = randomInstance(seed, 10, 50);
      const place = { placeId: 'P', cellIndices: Uint32Array.of(seed % 50, (seed * 7) % 50) };
      const set = Uint32Array.of((seed * 13) % 50);
      const options = { budgetCny: 200_000, requiredPlaceIds: ['P'], atLeastOneSitePer: [{ id: 'seat', cellIndices: set }], seed };
      const r = await suggestSites({ ...input, places: [place] }, options);
      const ids = input.candidates.map((c) => c.candidateId);
      const covers = (chosen: string[], cell: number) => input.candidates.some((c) => chosen.includes(c.candidateId) && c.cellIndices.includes(cell));
      // Parts no candidate can meet are reported and left out, as suggestSites documents.
      const reachable = (cell: number) => covers(ids, cell);
      const isFeasible = (chosen: string[]) =>
        recount(input, chosen).costCny <= options.budgetCny &&
        Array.from(place.cellIndices).every((cell) => !reachable(cell) || covers(chosen, cell)) &&
        (!reachable(set[0]) || covers(chosen, set[0]));
      const unreachable = [...Array.from(place.cellIndices), set[0]].filter((cell) => !reachable(cell));
      expect(r.unmetConstraints.length > 0).toBe(unreachable.length > 0 || r.unmetConstraints.some((u) => /over the budget/.test(u)));
      let truth = -1;
      for (let mask = 0; mask < 1 << ids.length; mask++) {
        const chosen = ids.filter((_, i) => mask & (1 << i));
        if (isFeasible(chosen)) truth = Math.max(truth, recount(input, chosen).demand);
      }
      expect(truth).toBeGreaterThanOrEqual(0);
      expect(r.exact?.status).toBe('optimal');
      expect(r.exact?.optimumDemand).toBeCloseTo(truth, 6);
      expect(isFeasible(r.exact!.candidateIds)).toBe(true);
      expect(isFeasible(chosenIds(r))).toBe(true);
      expect(r.sites.some((site) => site.isRequired)).toBe(true);
      expect(recount(input, chosenIds(r)).demand).toBeLessThanOrEqual(truth + 1e-6);
    }
  });

  it('is deterministic for a seed', async () => {
    const input = randomInstance(99, 40, 200);
    const a = await suggestSites(input, { budgetCny: 300_000, seed: 7, exact: false });
    const b = await suggestSites(input, { budgetCny: 300_000, seed: 7, exact: false });
    expect(a).toEqual(b);
  });

  it('reports progress, stops on cancel, and names bad arguments', async () => {
    const input = randomInstance(5, 30, 100);
    const fractions: number[] = [];
    await suggestSites(input, { budgetCny: 200_000, exact: false, onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
    await expect(suggestSites(input, { budgetCny: 200_000, cancel: { aborted: true } })).rejects.toBeInstanceOf(CancelledError);
    await expect(suggestSites(input, {})).rejects.toThrow(/budgetCny or maxSites/);
    await expect(suggestSites(input, { maxSites: 0 })).rejects.toThrow(/maxSites/);
    const bad = { ...input, candidates: [cand('a', 1, [3]), { candidateId: 'b', costCny: 1, cellIndices: Uint32Array.of(5, 4) }] };
    await expect(suggestSites(bad, { maxSites: 1 })).rejects.toThrow(/candidates\[1\]\.cellIndices/);
    await expect(suggestSites(input, { maxSites: 1, requiredPlaceIds: ['nope'] })).rejects.toThrow(/requiredPlaceIds/);
  });
});
