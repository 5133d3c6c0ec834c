import { DEFAULT_PROPAGATION_MODEL } from '../../../core/propagation';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type Project } from '../../../core/model';

/**
 * A small hand-made project near 仁怀市 for file tests: 2x3 grid, 2 sites (one planned, one proposed),
 * 1 candidate, 3 places (point, polygon, line), 2 OLTs, a road, terrain with a NaN cell, an edit log.
 * Coordinates and figures are illustrative test values.
 */
export function smallProject(): Project {
  const macro = { ...makeSite('macro', [106.41, 27.81], 'S1', { status: 'planned', name: '仁怀中枢宏站' }), costCny: 320_000, source: 'test' };
  const micro = { ...makeSite('micro', [106.42, 27.80], 'S2', { status: 'proposed' }), buildMethod: 'smart-pole' as const, notes: '靠近学校' };
  const existing = { ...makeSite('macro', [106.40, 27.82], 'S3', { status: 'existing' }), buildMethod: 'shared-tower' as const };
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: '仁怀市测试',
    countyCode: '520382',
    boundary: { type: 'MultiPolygon', coordinates: [[[[106.3, 27.7], [106.5, 27.7], [106.5, 27.9], [106.3, 27.9], [106.3, 27.7]]]] },
    seat: { lonLat: [106.4, 27.8], nameZh: '市区', nameEn: 'the city centre' },
    grid: { cols: 3, rows: 2, originXM: -75, originYM: 50, cellSizeM: 50, crs: '+proj=tmerc +lat_0=27.8 +lon_0=106.4 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs' },
    settings: { ...defaultProjectSettings(), scoring: { targetRsrpDbm: -105 } },
    sites: [macro, micro, existing],
    candidates: [{ ...makeSite('macro', [106.43, 27.83], 'C1', { status: 'proposed' }), buildMethod: 'shared-tower', isIllustrative: true }],
    places: [
      { id: 'P1', name: '仁怀市人民医院', category: 'hospital', geometry: { type: 'Point', coordinates: [106.415, 27.805] }, radiusM: 150, keyPoints: [[106.415, 27.805], [106.416, 27.806]], source: 'test' },
      { id: 'P2', name: '名酒工业园区', category: 'dev_zone', geometry: { type: 'Polygon', coordinates: [[[106.42, 27.81], [106.43, 27.81], [106.43, 27.82], [106.42, 27.81]]] }, isIllustrative: true },
      { id: 'P3', name: 'G4215', category: 'line', geometry: { type: 'LineString', coordinates: [[106.35, 27.75], [106.45, 27.85]] } },
    ],
    olts: [
      { id: 'O1', name: '中枢局', lonDeg: 106.41, latDeg: 27.805, gponPorts: 64, xgsPonPorts: 16, status: 'existing' },
      { id: 'O2', name: '新建OLT-坛厂', lonDeg: 106.45, latDeg: 27.85, gponPorts: 0, xgsPonPorts: 8, status: 'planned', isIllustrative: true },
    ],
    roads: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 7, properties: { name: '国道' }, geometry: { type: 'LineString', coordinates: [[106.3, 27.8], [106.5, 27.8]] } }] },
    terrain: { values: new Float32Array([850, 860.5, NaN, 870, 880, 890.25]), provenance: 'file', source: 'test.tif' },
    population: { values: new Float32Array([0, 12.5, 3, 0, 0, 1]), provenance: 'modelled', source: 'test' },
    landUse: { values: new Float32Array([2, 6, 7, NaN, 3, 4]), provenance: 'file', source: 'landuse.tif' },
    propagationModel: {
      ...DEFAULT_PROPAGATION_MODEL,
      name: 'calibrated in a test',
      kind: 'calibrated',
      kFactors: { ...DEFAULT_PROPAGATION_MODEL.kFactors, offsetDb: 71.5 },
      sigmaDb: 8.25,
      fit: {
        fittedOn: 'dt.csv (120 points, 3 sites)', cells: 3, points: 120, method: '3-fold cross-validation by site or cell, held out',
        heldOut: { count: 120, rmseDb: 8.5, meanErrorDb: 0.25, sigmaDb: 8.25, pcrr: 0.31, weakThresholdDbm: -103 }, atIso: '2026-11-24T06:00:00.000Z',
      },
    },
    history: [{ atIso: '2026-11-24T06:00:00.000Z', action: 'site.add', detail: [{ op: 'add', path: ['sites', 0] }] }],
  };
}
