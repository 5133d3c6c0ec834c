import { booleanPointInPolygon, point } from '@turf/turf';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellCentreXM, cellCentreYM } from '../../../core/grid';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { PLACE_CATEGORIES } from '../../../core/model';
import { countyByCode } from '../../../geodata/counties';
import { SAMPLE_COST_ESTIMATES_CNY, buildRenhuaiSample } from '../../../scripts/sample/renhuai';

const county = countyByCode('520382')!;
const sample = buildRenhuaiSample();
const inCounty = (lonLat: [number, number]) => booleanPointInPolygon(point(lonLat), county.boundary);

describe('buildRenhuaiSample', () => {
  it('is the real county on a 50 m grid, with every layer present', () => {
    expect(sample).toMatchObject({ countyCode: '520382', boundary: county.boundary });
    expect(sample.grid.cellSizeM).toBe(50);
    const cells = sample.grid.cols * sample.grid.rows;
    expect(sample.population).toMatchObject({ provenance: 'modelled' });
    expect(sample.terrain).toMatchObject({ provenance: 'synthetic' });
    expect(sample.population!.values.length).toBe(cells);
    expect(sample.terrain!.values.length).toBe(cells);
    for (const layer of ['sites', 'candidates', 'places', 'olts'] as const) expect(sample[layer].length, layer).toBeGreaterThan(0);
  });

  it('spreads the sourced census total (655,300) and keeps synthetic heights in a plateau range', () => {
    expect(Math.abs(sample.population!.values.reduce((a, b) => a + b, 0) - 655_300)).toBeLessThan(0.05);
    let min = Infinity;
    let max = -Infinity;
    for (const v of sample.terrain!.values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(2000);
    expect(sample.terrain!.source).toMatch(/synthetic/);
  });

  it('has the real airport and an illustrative place of every required category, all inside the county', () => {
    const real = sample.places.filter((p) => !p.isIllustrative);
    expect(real.map((p) => p.name)).toEqual(['遵义茅台机场 WMT/ZUMT']);
    expect(real[0].source).toMatch(/wikipedia/);
    const illustrative = sample.places.filter((p) => p.isIllustrative);
    const required = ['business_district', 'transport_hub', 'hospital', 'school', 'government', 'community', 'dev_zone', 'scenic'];
    expect(new Set(illustrative.map((p) => p.category))).toEqual(new Set(required));
    for (const p of sample.places) {
      expect(PLACE_CATEGORIES).toContain(p.category);
      expect(inCounty((p.geometry as Point).coordinates as [number, number]), p.name).toBe(true);
    }
    for (const p of illustrative) {
      expect(p.name).toMatch(/示意/);
      expect(p.source).toBe('illustrative');
      expect(p.keyPoints!.length).toBeGreaterThanOrEqual(3);
      for (const k of p.keyPoints!) expect(inCounty(k), p.name).toBe(true);
    }
  });

  it('has a seat grid and town sites (60-120 illustrative existing macro sites) inside the county that leave gaps', () => {
    expect(sample.sites.length).toBeGreaterThanOrEqual(60);
    expect(sample.sites.length).toBeLessThanOrEqual(120);
    for (const s of sample.sites) {
      expect(s).toMatchObject({ kind: 'macro', status: 'existing', isIllustrative: true, source: 'illustrative' });
      expect(s.sectors).toHaveLength(3);
      expect(inCounty([s.lonDeg, s.latDeg]), s.id).toBe(true);
    }
    // Gaps: share of the modelled people more than 3 km from any site (sampled every 4th cell each way).
    const proj = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
    const sitesXy = sample.sites.map((s) => proj.forward([s.lonDeg, s.latDeg]));
    const { grid } = sample;
    let total = 0;
    let far = 0;
    for (let row = 0; row < grid.rows; row += 4) {
      for (let col = 0; col < grid.cols; col += 4) {
        const persons = sample.population!.values[row * grid.cols + col];
        if (!persons) continue;
        const x = cellCentreXM(grid, col);
        const y = cellCentreYM(grid, row);
        total += persons;
        if (sitesXy.every(([sx, sy]) => Math.hypot(sx - x, sy - y) > 3000)) far += persons;
      }
    }
    expect(far / total).toBeGreaterThan(0.15);
    expect(far / total).toBeLessThan(0.75);
  });

  it('offers proposed candidates of each build method with estimated costs, and OLTs, inside the county', () => {
    const methods = new Set(sample.candidates.map((c) => c.buildMethod));
    expect(methods).toEqual(new Set(['shared-tower', 'new-tower', 'smart-pole', 'rooftop']));
    for (const c of sample.candidates) {
      expect(c).toMatchObject({ status: 'proposed', isIllustrative: true });
      expect(c.costCny).toBe(SAMPLE_COST_ESTIMATES_CNY[c.buildMethod as keyof typeof SAMPLE_COST_ESTIMATES_CNY]);
      expect(c.notes).toMatch(/estimate/);
      expect(c.kind).toBe(c.buildMethod === 'smart-pole' ? 'micro' : 'macro');
      expect(inCounty([c.lonDeg, c.latDeg]), c.id).toBe(true);
    }
    expect(sample.olts.some((o) => o.xgsPonPorts > 0)).toBe(true);
    for (const o of sample.olts) expect(inCounty([o.lonDeg, o.latDeg]), o.id).toBe(true);
  });

  it('is the same on every build', () => {
    const again = buildRenhuaiSample();
    const vector = (p: typeof sample) => JSON.stringify([p.sites, p.candidates, p.places, p.olts, p.grid, p.population!.source]);
    expect(vector(again)).toBe(vector(sample));
    // element loop: vitest's deep equality is far too slow on 6.4 M cells
    const mismatches = (a: Float32Array, b: Float32Array) => {
      let n = a.length === b.length ? 0 : 1;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
      return n;
    };
    expect(mismatches(again.terrain!.values, sample.terrain!.values)).toBe(0);
    expect(mismatches(again.population!.values, sample.population!.values)).toBe(0);
  });
});
