import { describe, expect, it } from 'vitest';
import { PlanEvaluator } from '../../../core/evaluation';
import { cellCentreXM, cellCentreYM } from '../../../core/grid';
import { allTargetsMet, isTargetOpen, judgeTargets, planCountyRoadmap, provinceCurve, provinceTotals, type RoadmapCountyEntry } from '../../../core/roadmap';
import { smallCounty } from '../suggest/smallCounty';

describe('planCountyRoadmap', () => {
  it('adds sites until the targets are met and not one past it', async () => {
    const project = { ...smallCounty(), candidates: [], places: [] };
    const plan = await planCountyRoadmap(project);
    expect(plan.before.targets.some((t) => t.isMet === false)).toBe(true);
    expect(plan.proposedSites.length).toBeGreaterThan(0);
    expect(plan.rounds.at(-1)!.stop).toBe('targets-met');
    expect(plan.targets.filter(isTargetOpen)).toEqual([]);
    for (const s of plan.proposedSites) expect(s.status).toBe('proposed');
    // ids continue the project's own, names say what they are
    expect(plan.proposedSites[0].id).toBe('S2');
    expect(plan.proposedSites[0].name).toMatch(/^建议(宏站|微站)-S2$|室分$/);
    // a fresh evaluation agrees: met with every proposal, not met without the last one
    const met = (sites: typeof project.sites) => allTargetsMet(judgeTargets(new PlanEvaluator({ ...project, sites }).kpisNow()));
    expect(met([...project.sites, ...plan.proposedSites])).toBe(true);
    expect(met([...project.sites, ...plan.proposedSites.slice(0, -1)])).toBe(false);
    // the curve is the evaluated coverage after each batch, ending at the plan's cost
    const cost = plan.steps.reduce((a, s) => a + s.costCny, 0);
    expect(plan.curve.costCny.at(-1)).toBe(cost);
    for (let k = 1; k < plan.curve.costCny.length; k++) expect(plan.curve.costCny[k]).toBeGreaterThan(plan.curve.costCny[k - 1]);
    expect(plan.curve.peopleCovered.at(-1)!).toBeGreaterThan(plan.curve.peopleCovered[0]);
  });

  it('leaves a place missing only deep (indoor) coverage open, saying so, and takes back sites that make the plan worse', async () => {
    const plan = await planCountyRoadmap({ ...smallCounty(), candidates: [] });
    const places = plan.targets.find((t) => t.id === 'keyPlaces')!;
    expect(places.after.isMet).toBe(false);
    expect(places.reason).toBe('indoor');
    // the rest is met; the last round's batch lost covered people to interference and was taken back
    expect(plan.targets.filter((t) => t.id !== 'keyPlaces').every((t) => !isTargetOpen(t))).toBe(true);
    expect(plan.rounds.at(-1)!.stop).toBe('no-gain');
    expect(plan.curve.peopleCovered.at(-1)!).toBeGreaterThanOrEqual(Math.max(...plan.curve.peopleCovered) - 1e-6);
  });

  it('stops when more sites stop helping and says so, with the next site\'s gain', async () => {
    // no places: a site a priority place needs is taken whatever its gain
    const plan = await planCountyRoadmap({ ...smallCounty(), candidates: [], places: [] }, { minGainPer10kCny: 1e9 });
    expect(plan.proposedSites).toEqual([]);
    expect(plan.rounds).toHaveLength(1);
    expect(plan.rounds[0].stop).toBe('diminishing-returns');
    const open = plan.targets.filter(isTargetOpen);
    expect(open.length).toBeGreaterThan(0);
    for (const t of open) {
      expect(t.reason).toBe('diminishing-returns');
      expect(t.detail!.nextGainPer10kCny).toBeGreaterThan(0);
      expect(t.detail!.minGainPer10kCny).toBe(1e9);
    }
  });

  it('keeps within a cost ceiling and names the budget as the reason', async () => {
    const plan = await planCountyRoadmap({ ...smallCounty(), candidates: [] }, { maxCostCny: 500_000 });
    expect(plan.steps.reduce((a, s) => a + s.costCny, 0)).toBeLessThanOrEqual(500_000);
    const open = plan.targets.filter(isTargetOpen);
    expect(open.length).toBeGreaterThan(0);
    expect(new Set(open.map((t) => t.reason))).toEqual(new Set(['budget']));
  });

  it('says a county without population cannot be judged on its people, instead of adding sites', async () => {
    const { population: _p, ...noPeople } = smallCounty();
    const plan = await planCountyRoadmap({ ...noPeople, candidates: [] });
    for (const id of ['outdoorPopulation', 'towns', 'capacity'] as const) expect(plan.targets.find((t) => t.id === id)!.reason).toBe('no-population');
    expect(plan.proposedSites.filter((s) => s.kind !== 'indoor').length).toBe(0);
  });

  it('relieves an overloaded hot spot with micro sites when coverage is already met', async () => {
    const project = smallCounty();
    const { grid } = project;
    // a dense core around the existing macro: covered, but its sectors far over the target at DOU 150 GB
    const population = Float32Array.from(project.population!.values);
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        if (Math.hypot(cellCentreXM(grid, col) - 400, cellCentreYM(grid, row) - 300) <= 300) population[row * grid.cols + col] = 80;
      }
    }
    const hot = { ...project, candidates: [], places: [], population: { ...project.population!, values: population }, settings: { ...project.settings, capacity: { traffic: { douGbPerMonth: 150 } } } };
    const plan = await planCountyRoadmap(hot);
    expect(plan.before.capacity.overloadedSectors).toBeGreaterThan(0);
    const micro = plan.steps.filter((s) => s.kind === 'micro' && s.gainRelief > 0);
    expect(micro.length).toBeGreaterThan(0);
    expect(plan.after.capacity.demandShareWithinTarget!).toBeGreaterThan(plan.before.capacity.demandShareWithinTarget!);
  });
});

describe('province figures', () => {
  const entry = (code: string, people: number, costs: number[], covered: number[], proposed: number): RoadmapCountyEntry =>
    ({
      code, name: code, prefecture: 'p', isPilot: false, population: { total: people, provenance: 'modelled', source: '' }, terrain: null,
      network: { basis: 'from-zero', existingSites: 0, plannedSites: 0 },
      proposed: { macro: proposed, micro: 0, indoor: 0, total: proposed, costCny: costs.at(-1)! },
      curve: { costCny: costs, peopleCovered: covered },
    }) as unknown as RoadmapCountyEntry;

  it('sums the counties against the plan\'s 16万 and merges their curves best step first', () => {
    const a = entry('520101', 1000, [0, 100, 300], [0, 500, 600], 3);
    const b = entry('520102', 1000, [0, 200], [100, 900], 2);
    const totals = provinceTotals([a, b]);
    expect(totals).toMatchObject({ counties: 2, people: 2000, sitesAfter: 5, planTargetBaseStations: 160_000, fromZeroCounties: 2, peopleCoveredBefore: 100, peopleCoveredAfter: 1500 });
    expect(totals.proposed.costCny).toBe(500);
    const curve = provinceCurve([a, b]);
    // steps: b's 800 people for 200 (4/CNY), a's 500 for 100 (5/CNY), a's 100 for 200 (0.5/CNY)
    expect(curve.costCny).toEqual([0, 100, 300, 500]);
    expect(curve.coverage).toEqual([0.05, 0.3, 0.7, 0.75]);
  });
});
