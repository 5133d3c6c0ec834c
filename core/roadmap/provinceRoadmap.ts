import { PLAN_2025_BASE_STATIONS, type RoadmapCountyEntry, type RoadmapProvinceTotals } from './roadmapIndex';

/**
 * The province's sums over its counties' roadmaps: residents, sites existing, planned and proposed by kind,
 * estimated cost, sites after the plan against the plan's 16万, counties planned "from zero", and people
 * covered outdoors before and after.
 * @example provinceTotals(index.counties).sitesAfter
 */
export function provinceTotals(counties: readonly RoadmapCountyEntry[]): RoadmapProvinceTotals {
  const t: RoadmapProvinceTotals = {
    counties: counties.length,
    people: 0,
    existingSites: 0,
    plannedSites: 0,
    proposed: { macro: 0, micro: 0, indoor: 0, total: 0, costCny: 0 },
    sitesAfter: 0,
    planTargetBaseStations: PLAN_2025_BASE_STATIONS,
    fromZeroCounties: 0,
    peopleCoveredBefore: 0,
    peopleCoveredAfter: 0,
  };
  for (const c of counties) {
    t.people += c.population.total ?? 0;
    t.existingSites += c.network.existingSites;
    t.plannedSites += c.network.plannedSites;
    for (const k of ['macro', 'micro', 'indoor', 'total', 'costCny'] as const) t.proposed[k] += c.proposed[k];
    if (c.network.basis === 'from-zero') t.fromZeroCounties++;
    t.peopleCoveredBefore += c.curve.peopleCovered[0] ?? 0;
    t.peopleCoveredAfter += c.curve.peopleCovered[c.curve.peopleCovered.length - 1] ?? 0;
  }
  t.sitesAfter = t.existingSites + t.plannedSites + t.proposed.total;
  return t;
}

/**
 * The province's coverage against investment: every county's evaluated curve cut into its steps (cost and
 * people newly covered between two points of the county's plan), the steps of all counties taken best first
 * (people per CNY), so each point is the province coverage the cheapest spending so far buys. Starts at
 * today's coverage; ends at the sum of the county plans. Shares of the residents on the counties' grids.
 * @example const { costCny, coverage } = provinceCurve(index.counties)
 */
export function provinceCurve(counties: readonly RoadmapCountyEntry[]): { costCny: number[]; coverage: number[] } {
  let people = 0;
  let covered = 0;
  const steps: { cost: number; gain: number }[] = [];
  for (const c of counties) {
    people += c.population.total ?? 0;
    const { costCny, peopleCovered } = c.curve;
    covered += peopleCovered[0] ?? 0;
    for (let k = 1; k < costCny.length; k++) steps.push({ cost: costCny[k] - costCny[k - 1], gain: peopleCovered[k] - peopleCovered[k - 1] });
  }
  steps.sort((a, b) => b.gain / Math.max(b.cost, 1) - a.gain / Math.max(a.cost, 1) || a.cost - b.cost);
  const out = { costCny: [0], coverage: [people > 0 ? covered / people : NaN] };
  let cost = 0;
  for (const s of steps) {
    cost += s.cost;
    covered += s.gain;
    out.costCny.push(cost);
    out.coverage.push(people > 0 ? covered / people : NaN);
  }
  return out;
}
