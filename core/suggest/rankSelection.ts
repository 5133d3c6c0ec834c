import FlatQueue from 'flatqueue';
import { CoverageState } from './coverageState';
import type { SuggestInput, SuggestedSite, SuggestionResult } from './types';

/**
 * Puts a chosen set of candidates in build order (greedily, best gain per CNY first when `isRatio`, else
 * best gain) and counts, from scratch, what each adds given the ones before it: weighted demand, persons,
 * places newly reached (every listed cell covered) and area, and the relief of overloaded sectors (cells
 * marked `isRelief`, which count in gainRelief and not as coverage). The curve is the running sum of cost,
 * demand and people. All figures are recounted here, independently of the optimiser's bookkeeping.
 * @example rankSelection(input, [3, 7], new Set([7]), true).sites[0].gainDemandPer10kCny
 */
export function rankSelection(
  input: SuggestInput,
  chosen: readonly number[],
  forced: ReadonlySet<number>,
  isRatio: boolean,
): Pick<SuggestionResult, 'sites' | 'curve' | 'totals'> {
  const { candidates, demand, population, places = [], grid, isRelief } = input;
  const state = new CoverageState(candidates, demand);
  const cellAreaKm2 = (grid.cellSizeM * grid.cellSizeM) / 1e6;
  const placesOfCell = new Map<number, number[]>();
  const placeLeft = places.map((p) => p.cellIndices.length);
  places.forEach((p, pi) => {
    for (const cell of p.cellIndices) {
      const list = placesOfCell.get(cell);
      if (list) list.push(pi);
      else placesOfCell.set(cell, [pi]);
    }
  });

  const key = (c: number, g: number) => -(isRatio ? g / candidates[c].costCny : g);
  const queue = new FlatQueue<number>();
  for (const c of chosen) queue.push(c, key(c, state.gain(c)));
  const sites: SuggestedSite[] = [];
  const curve = { costCny: [0], demand: [0], people: [0] };
  const totals = { costCny: 0, demand: 0, relief: 0, people: 0, places: 0, areaKm2: 0 };
  while (queue.length > 0) {
    const c = queue.pop()!;
    const g = state.gain(c);
    const k = key(c, g);
    if (queue.length > 0 && k > queue.peekValue()!) {
      queue.push(c, k);
      continue;
    }
    let gainDemand = 0;
    let gainRelief = 0;
    let gainPeople = 0;
    let gainCells = 0;
    let gainPlaces = 0;
    for (const cell of candidates[c].cellIndices) {
      if (state.counts[cell] !== 0) continue;
      const d = demand[cell] > 0 ? demand[cell] : 0;
      gainDemand += d;
      if (isRelief?.[cell]) {
        gainRelief += d;
        continue;
      }
      gainCells++;
      const p = population ? population[cell] : NaN;
      if (p > 0) gainPeople += p;
      for (const pi of placesOfCell.get(cell) ?? []) if (--placeLeft[pi] === 0) gainPlaces++;
    }
    state.add(c);
    const { costCny } = candidates[c];
    totals.costCny += costCny;
    totals.demand += gainDemand;
    totals.relief += gainRelief;
    totals.people += gainPeople;
    totals.places += gainPlaces;
    totals.areaKm2 += gainCells * cellAreaKm2;
    curve.costCny.push(totals.costCny);
    curve.demand.push(totals.demand);
    curve.people.push(totals.people);
    sites.push({
      rank: sites.length + 1,
      candidateId: candidates[c].candidateId,
      costCny,
      isRequired: forced.has(c),
      gainDemand,
      gainRelief,
      gainPeople,
      gainPlaces,
      gainAreaKm2: gainCells * cellAreaKm2,
      gainDemandPer10kCny: (gainDemand * 1e4) / costCny,
      gainPeoplePer10kCny: (gainPeople * 1e4) / costCny,
      cumulativeCostCny: totals.costCny,
      cumulativeDemand: totals.demand,
    });
  }
  return { sites, curve, totals };
}
