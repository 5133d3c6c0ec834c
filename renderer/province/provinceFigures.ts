import type { RoadmapCountyEntry, RoadmapIndex } from '../../core/roadmap';

/** The figures the province map can be coloured by. */
export type ProvinceFigure = 'per10k' | 'cost' | 'reached';
export const PROVINCE_FIGURES: readonly ProvinceFigure[] = ['per10k', 'cost', 'reached'];

/**
 * A county's value of `figure`: proposed sites per 10,000 residents, estimated cost in 万元 (CNY / 10,000), or the
 * share of its judged targets met after the plan (0..1). Null where the county has no such figure (no population,
 * no target judged).
 * @example figureOf(entry, 'cost') // 1234.5 (万元)
 */
export function figureOf(c: Pick<RoadmapCountyEntry, 'proposedPer10k' | 'proposed' | 'after'>, figure: ProvinceFigure): number | null {
  switch (figure) {
    case 'per10k': return c.proposedPer10k;
    case 'cost': return c.proposed.costCny / 1e4;
    case 'reached': {
      const judged = c.after.targets.filter((t) => t.isMet !== null);
      return judged.length ? judged.filter((t) => t.isMet).length / judged.length : null;
    }
  }
}

/** A colour class of the map: values from `min` (inclusive) to the next class's min. */
export interface FigureClass {
  min: number;
  max: number;
  colour: string;
}

/** Five steps light to dark: orange for need (sites, cost), green for targets reached. */
const NEED = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
const REACHED = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];
export const NO_VALUE_COLOUR = '#e2e8f0';

/**
 * Up to five classes of `values` by quantile (equal counts; repeated breaks merged), coloured for `figure`. The
 * share of targets reached uses fixed classes (0, 25, 50, 75, 100 %) so maps of two roadmaps compare.
 * @example figureClasses([1, 2, 3, 4, 5, 6], 'per10k').length // 5
 */
export function figureClasses(values: readonly (number | null)[], figure: ProvinceFigure): FigureClass[] {
  if (figure === 'reached') {
    return [0, 0.25, 0.5, 0.75, 1].map((min, i, all) => ({ min, max: all[i + 1] ?? 1, colour: REACHED[i] }));
  }
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 0; k < 5; k++) {
    const b = sorted[Math.floor((k * sorted.length) / 5)];
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  const top = sorted[sorted.length - 1];
  const palette = breaks.length === 1 ? [NEED[2]] : NEED.slice(5 - breaks.length);
  return breaks.map((min, i) => ({ min, max: breaks[i + 1] ?? top, colour: palette[i] }));
}

/** The colour of `value` among `classes` (the last class whose min it reaches); NO_VALUE_COLOUR for none. */
export function colourOfValue(value: number | null, classes: readonly FigureClass[]): string {
  if (value === null || !Number.isFinite(value) || classes.length === 0) return NO_VALUE_COLOUR;
  let colour = classes[0].colour;
  for (const c of classes) if (value >= c.min) colour = c.colour;
  return colour;
}

/**
 * The counties ranked by `figure`, highest first (for 'reached': lowest first, the counties furthest from their
 * targets on top); counties without the figure last, then by code.
 */
export function rankCounties(index: Pick<RoadmapIndex, 'counties'>, figure: ProvinceFigure): RoadmapCountyEntry[] {
  const sign = figure === 'reached' ? 1 : -1;
  return [...index.counties].sort((a, b) => {
    const va = figureOf(a, figure);
    const vb = figureOf(b, figure);
    if (va === null || vb === null) return va === null && vb === null ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
    return va === vb ? a.code.localeCompare(b.code) : sign * (va - vb);
  });
}

/** The province against the plan: sites after the plan as a share of its 16万, and the network basis. */
export function provinceStanding(index: Pick<RoadmapIndex, 'province' | 'counties'>): {
  existing: number;
  shareOfPlan: number;
  basis: 'all-from-zero' | 'some-from-zero' | 'all-operator';
  fromZero: number;
} {
  const p = index.province;
  const fromZero = index.counties.filter((c) => c.network.basis === 'from-zero').length;
  const basis = fromZero === 0 ? 'all-operator' : fromZero === index.counties.length ? 'all-from-zero' : 'some-from-zero';
  return { existing: p.existingSites + p.plannedSites, shareOfPlan: p.planTargetBaseStations > 0 ? p.sitesAfter / p.planTargetBaseStations : NaN, basis, fromZero };
}
