import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM, polygonMask } from '../../../core/grid';
import { modelPopulation } from '../../../core/population';
import { countyByCode } from '../../../geodata/counties';

const renhuai = countyByCode('520382')!;
const proj = makeLocalProjection(renhuai.seatLonLat[0], renhuai.seatLonLat[1]);
const [w, s, e, n] = renhuai.bbox;
const corners = [proj.forward([w, s]), proj.forward([e, n]), proj.forward([w, n]), proj.forward([e, s])];
const boundsM: [number, number, number, number] = [
  Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])),
  Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1])),
];
const grid = gridForBoundsM(boundsM, 100, proj.proj4);
const towns = [
  { lonLat: [106.37, 27.86] as [number, number], weight: 2 },
  { lonLat: [106.55, 27.95] as [number, number] },
];

describe('modelPopulation (仁怀市, 100 m grid)', () => {
  const persons = modelPopulation(grid, renhuai.boundary, 655_300, { seatLonLat: renhuai.seatLonLat, towns });

  it('preserves the census total', () => {
    let sum = 0;
    for (const v of persons) sum += v;
    expect(Math.abs(sum - 655_300)).toBeLessThan(0.01);
  });

  it('puts nobody outside the boundary and somebody in every inside cell', () => {
    const mask = polygonMask(grid, renhuai.boundary);
    let outsideWithPeople = 0;
    let insideEmpty = 0;
    for (let i = 0; i < persons.length; i++) {
      if (!mask[i] && persons[i] !== 0) outsideWithPeople++;
      if (mask[i] && !(persons[i] > 0)) insideEmpty++;
    }
    expect([outsideWithPeople, insideEmpty]).toEqual([0, 0]);
    // the mask's area matches the county's (turf geodesic) area within 1 %
    expect((mask.reduce((a, b) => a + b, 0) * 0.01) / renhuai.areaKm2).toBeCloseTo(1, 2);
    // spot-check the mask against turf on a few populated cells
    for (const i of [0, 1, 2, 3].map((k) => mask.indexOf(1, (k * mask.length) / 4))) {
      const [lon, lat] = proj.inverse([grid.originXM + ((i % grid.cols) + 0.5) * 100, grid.originYM - (Math.floor(i / grid.cols) + 0.5) * 100]);
      expect(booleanPointInPolygon(point([lon, lat]), renhuai.boundary)).toBe(true);
    }
  });

  it('is densest at the seat and the towns (heavier town first), thin in the countryside', () => {
    const at = (lonLat: [number, number]) => {
      const [x, y] = proj.forward(lonLat);
      return persons[Math.floor((grid.originYM - y) / 100) * grid.cols + Math.floor((x - grid.originXM) / 100)];
    };
    const rural = at([106.25, 27.75]);
    expect(at(renhuai.seatLonLat)).toBeGreaterThan(20 * rural);
    expect(at(towns[0].lonLat)).toBeGreaterThan(at(towns[1].lonLat));
    expect(at(towns[1].lonLat)).toBeGreaterThan(10 * rural);
  });

  it('spreads everything evenly with zero shares, and checks its arguments', () => {
    const flat = modelPopulation(grid, renhuai.boundary, 1000, { seatLonLat: renhuai.seatLonLat, seatShare: 0 });
    const values = Array.from(flat).filter((v) => v > 0);
    const spread = values.reduce((a, b) => Math.max(a, b), 0) - values.reduce((a, b) => Math.min(a, b), Infinity);
    expect(spread).toBeLessThan(1e-3);
    expect(() => modelPopulation(grid, renhuai.boundary, -1, { seatLonLat: renhuai.seatLonLat })).toThrow(/totalPersons/);
    expect(() => modelPopulation(grid, renhuai.boundary, 1, { seatLonLat: renhuai.seatLonLat, seatShare: 0.9, townShare: 0.2, towns })).toThrow(/seatShare/);
  });
});
