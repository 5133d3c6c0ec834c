/**
 * The sample project 仁怀市 (520382), built deterministically from the reference data plus clearly labelled
 * illustrative content. Real: the county boundary and seat (geodata/counties), the sourced catalogue places
 * (遵义茅台机场). Modelled: population (the sourced 2020 census total spread by core/population). Synthetic:
 * the terrain (seeded karst noise). Illustrative (isIllustrative, source 'illustrative'): town centres,
 * places of every category, existing macro sites, candidate locations and OLTs; candidate costs are
 * estimates from ../shared/reference/ftth.md section 4.
 * The lead wires buildRenhuaiSample() to the GeoPackage writer (samples/renhuai.gpkg).
 */
import { booleanPointInPolygon } from '@turf/turf';
import { makeLocalProjection } from '../../core/geo/localProjection';
import type { BuildMethod, Olt, Place, PlaceCategory, Project, Site, SiteKind } from '../../core/model';
import { SITE_KIND_DEFAULTS } from '../../core/model';
import type { ModelTown } from '../../core/population';
import { mulberry32 } from '../../core/random';
import { syntheticKarstTerrain } from '../../core/terrain';
import { countyByCode, newCountyProject } from '../../geodata/counties';

/** Seed of every random choice in the sample (the county code). */
export const RENHUAI_SAMPLE_SEED = 520382;

const ILLUSTRATIVE = 'illustrative';

/**
 * Candidate build cost by method, CNY: ESTIMATES from ../shared/reference/ftth.md section 4 (mostly [EST]):
 * shared tower = midpoint of "5G macro site all-in, existing 铁塔 site, shared ¥250k-400k"; new tower = that
 * plus the midpoint of "tower / pole ¥50-200k"; rooftop = the shared all-in midpoint (an existing structure);
 * smart pole = "micro / small cell ... use ¥50k installed".
 */
export const SAMPLE_COST_ESTIMATES_CNY: Record<Exclude<BuildMethod, 'indoor-system'>, number> = {
  'shared-tower': 325_000,
  'new-tower': 450_000,
  rooftop: 325_000,
  'smart-pole': 50_000,
};
const COST_SOURCE = 'estimate: ../shared/reference/ftth.md section 4 unit costs ([EST])';

interface LocalPoint {
  xM: number;
  yM: number;
}

/**
 * Builds the 仁怀市 sample project from the reference data and the fixed seed; the same Project on every
 * call. The shipped file uses a 50 m grid (`cellSizeM`, default 50) so it stays a few MB; terrain heights
 * are rounded to 0.5 m, finer than any DEM a planner loads, so the file compresses well. Layers: boundary, grid, modelled population, synthetic terrain, real + illustrative places,
 * illustrative existing macro sites, proposed candidates (towers, smart poles, rooftops) and OLTs.
 * @example const sample = buildRenhuaiSample(); sample.sites.length // illustrative existing macro sites
 */
export function buildRenhuaiSample(options: { cellSizeM?: number } = {}): Project {
  const county = countyByCode('520382')!;
  const proj = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  const random = mulberry32(RENHUAI_SAMPLE_SEED);
  const toLonLat = (p: LocalPoint): [number, number] => {
    const [lon, lat] = proj.inverse([p.xM, p.yM]);
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  };
  const inside = (p: LocalPoint) => booleanPointInPolygon(toLonLat(p), county.boundary);
  const at = (xM: number, yM: number): LocalPoint => ({ xM, yM });
  const offset = (p: LocalPoint, distanceM: number, bearingDeg: number): LocalPoint => {
    const a = (bearingDeg * Math.PI) / 180;
    return at(p.xM + distanceM * Math.sin(a), p.yM + distanceM * Math.cos(a));
  };
  const seat = at(0, 0);

  // Illustrative town centres: 10 points inside the county, 6+ km from the seat and 5+ km from each other.
  const [bw, bs, be, bn] = county.bbox;
  const corners = [proj.forward([bw, bs]), proj.forward([be, bn])];
  const towns: (LocalPoint & { weight: number })[] = [];
  while (towns.length < 10) {
    const p = at(corners[0][0] + random() * (corners[1][0] - corners[0][0]), corners[0][1] + random() * (corners[1][1] - corners[0][1]));
    const far = (q: LocalPoint, d: number) => Math.hypot(p.xM - q.xM, p.yM - q.yM) >= d;
    if (inside(p) && far(seat, 6000) && towns.every((t) => far(t, 5000))) towns.push({ ...p, weight: 1 + Math.round(random() * 20) / 10 });
  }
  const modelTowns: ModelTown[] = towns.map((t) => ({ lonLat: toLonLat(t), weight: t.weight }));

  const project = newCountyProject(county, { cellSizeM: options.cellSizeM ?? 50, towns: modelTowns, name: '仁怀市 示例项目 (sample)' });
  project.population!.source += '; town centres are illustrative (scripts/sample/renhuai.ts)';
  project.terrain = {
    values: syntheticKarstTerrain(project.grid, RENHUAI_SAMPLE_SEED, { baseM: 900 }).map((h) => Math.round(h * 2) / 2),
    provenance: 'synthetic',
    source: `synthetic karst terrain, seed ${RENHUAI_SAMPLE_SEED} (core/terrain/syntheticKarstTerrain); not real heights`,
  };

  // Illustrative places of every category, with key points for deep coverage; positions relative to the seat.
  const illustrativePlaces: { name: string; category: PlaceCategory; subcategory?: string; centre: LocalPoint; radiusM: number }[] = [
    { name: '中心商圈', category: 'business_district', centre: offset(seat, 350, 40), radiusM: 300 },
    { name: '汽车客运站', category: 'transport_hub', subcategory: 'bus_station', centre: offset(seat, 1400, 200), radiusM: 200 },
    { name: '人民医院', category: 'hospital', centre: offset(seat, 900, 310), radiusM: 150 },
    { name: '第一中学', category: 'school', centre: offset(seat, 1600, 100), radiusM: 250 },
    { name: '政务服务中心', category: 'government', centre: offset(seat, 500, 250), radiusM: 120 },
    { name: '滨河大型社区', category: 'community', centre: offset(seat, 2100, 20), radiusM: 400 },
    { name: '经济开发区', category: 'dev_zone', centre: offset(seat, 5000, 150), radiusM: 900 },
    { name: '4A景区', category: 'scenic', subcategory: 'scenic_4a', centre: offset(towns[0], 1500, 60), radiusM: 800 },
  ];
  const places: Place[] = illustrativePlaces.map((p, k) => {
    const keyPoints = [0, 1, 2, 3].map((q) => toLonLat(offset(p.centre, p.radiusM * (q === 0 ? 0 : 0.7), 90 * q + 15)));
    return {
      id: `sample-place-${k + 1}`,
      name: `${p.name} (示意 illustrative)`,
      category: p.category,
      ...(p.subcategory && { subcategory: p.subcategory }),
      geometry: { type: 'Point', coordinates: toLonLat(p.centre) },
      radiusM: p.radiusM,
      keyPoints,
      isIllustrative: true,
      source: ILLUSTRATIVE,
    };
  });
  project.places = [...project.places, ...places];

  const makeSite = (id: string, kind: SiteKind, p: LocalPoint, fields: Partial<Site>): Site => {
    const d = SITE_KIND_DEFAULTS[kind];
    const rotationDeg = Math.round(random() * 120);
    const [lonDeg, latDeg] = toLonLat(p);
    return {
      id,
      name: id,
      kind,
      status: 'existing',
      buildMethod: d.buildMethod,
      lonDeg,
      latDeg,
      heightAglM: d.heightAglM,
      band: 'n78',
      sectors: d.sectors.map((s, k) => ({ ...s, id: `${id}-${k + 1}`, azimuthDeg: s.antenna === 'omni' ? 0 : (s.azimuthDeg + rotationDeg) % 360 })),
      isIllustrative: true,
      source: ILLUSTRATIVE,
      ...fields,
    };
  };

  // Existing macro sites: a ~700 m hexagonal layout over the seat (r <= 3 km, as dense as a county seat's
  // 4G/5G grid), three sites around each of 8 of the 10 towns (two towns and the countryside between are
  // left as gaps), one by the airport.
  const sitePoints: { p: LocalPoint; where: string; method: BuildMethod; heightAglM: number }[] = [];
  for (let j = -5; j <= 5; j++) {
    for (let i = -5; i <= 5; i++) {
      const p = at((i + (j % 2 ? 0.5 : 0)) * 700 + (random() - 0.5) * 140, j * 606 + (random() - 0.5) * 140);
      if (Math.hypot(p.xM, p.yM) <= 3000 && inside(p)) sitePoints.push({ p, where: '城区', method: 'rooftop', heightAglM: 25 });
    }
  }
  towns.slice(0, 8).forEach((t, k) => {
    for (let m = 0; m < 3; m++) sitePoints.push({ p: offset(t, 600, 45 * k + 120 * m), where: `示意乡镇${k + 1}`, method: 'shared-tower', heightAglM: 35 });
  });
  const airport = project.places.find((pl) => pl.subcategory === 'airport');
  if (airport && airport.geometry.type === 'Point') {
    const [x, y] = proj.forward(airport.geometry.coordinates as [number, number]);
    sitePoints.push({ p: offset(at(x, y), 600, 250), where: '机场', method: 'shared-tower', heightAglM: 35 });
  }
  project.sites = sitePoints.map((s, k) =>
    makeSite(`E${k + 1}`, 'macro', s.p, { name: `现网宏站-${s.where}-E${k + 1} (示意)`, buildMethod: s.method, heightAglM: s.heightAglM }),
  );

  // Candidates: shared towers and new-tower spots in the rural gaps, smart poles at places in town, rooftops
  // in the two towns without a site.
  const candidates: { p: LocalPoint; kind: SiteKind; method: Exclude<BuildMethod, 'indoor-system'>; label: string }[] = [];
  towns.slice(8).forEach((t, k) => candidates.push({ p: offset(t, 150, 90 * k), kind: 'macro', method: 'rooftop', label: `示意乡镇${9 + k} 楼顶` }));
  places.slice(0, 6).forEach((pl) => {
    const [lon, lat] = pl.geometry.coordinates as [number, number];
    const [x, y] = proj.forward([lon, lat]);
    candidates.push({ p: offset(at(x, y), 120, 30), kind: 'micro', method: 'smart-pole', label: `${pl.name.replace(/ \(.*\)$/, '')} 智慧杆` });
  });
  for (let k = 0; candidates.filter((c) => c.kind === 'macro' && c.method !== 'rooftop').length < 10 && k < 500; k++) {
    const a = towns[k % towns.length];
    const b = towns[(k * 3 + 1) % towns.length];
    const f = 0.3 + 0.4 * random();
    const p = at(a.xM + f * (b.xM - a.xM) + (random() - 0.5) * 3000, a.yM + f * (b.yM - a.yM) + (random() - 0.5) * 3000);
    const clear = sitePoints.every((s) => Math.hypot(s.p.xM - p.xM, s.p.yM - p.yM) > 3000) &&
      candidates.every((c) => Math.hypot(c.p.xM - p.xM, c.p.yM - p.yM) > 2500);
    if (a !== b && inside(p) && clear) {
      const shared = candidates.length % 2 === 0;
      candidates.push({ p, kind: 'macro', method: shared ? 'shared-tower' : 'new-tower', label: shared ? '现有铁塔 (未开5G)' : '新建铁塔选址' });
    }
  }
  project.candidates = candidates.map((c, k) =>
    makeSite(`C${k + 1}`, c.kind, c.p, {
      name: `候选-${c.label}-C${k + 1} (示意)`,
      status: 'proposed',
      buildMethod: c.method,
      costCny: SAMPLE_COST_ESTIMATES_CNY[c.method],
      notes: `costCny: ${COST_SOURCE}`,
    }),
  );

  // OLTs: two in the seat (one already 10G-PON), one in each of the three largest towns (GPON only).
  const bigTowns = [...towns].sort((a, b) => b.weight - a.weight).slice(0, 3);
  const olt = (id: string, name: string, p: LocalPoint, gponPorts: number, xgsPonPorts: number): Olt => {
    const [lonDeg, latDeg] = toLonLat(p);
    return { id, name: `${name} (示意)`, lonDeg, latDeg, gponPorts, xgsPonPorts, status: 'existing', isIllustrative: true, source: ILLUSTRATIVE };
  };
  project.olts = [
    olt('OLT1', '城区中心局', offset(seat, 300, 180), 64, 32),
    olt('OLT2', '城区北局', offset(seat, 1800, 10), 48, 0),
    ...bigTowns.map((t, k) => olt(`OLT${k + 3}`, `乡镇局 ${k + 1}`, offset(t, 100, 180), 16, 0)),
  ];
  return project;
}
