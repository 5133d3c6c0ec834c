import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { buildListCostSources, buildListRows } from '../../../core/buildList';
import { exportBuildList, GCJ02_SRS_ID } from '../../../geodata/export';
import { readGpkg } from '../../../geodata/gpkg';
import { importSites, readGeoJsonTable, readKmlTable } from '../../../geodata/import';
import { hasGpkgValidator, hasOgrinfo, ogrinfo, validateGpkg } from '../gpkg/gdal';
import { smallProject } from '../project/smallProject';

const rows = buildListRows(smallProject(), { countyName: { zh: '仁怀市', en: 'Renhuai' }, perSite: { S1: { newPeopleCovered: 3200, placesServed: ['医院', '园区'] } } });
const s1 = rows.find((r) => r.id === 'S1')!;

describe('build list exporters, read back', () => {
  it('XLSX: Chinese headers, widths, summary and notes sheets; our site importer reads the sites back', async () => {
    const bytes = await exportBuildList(rows, 'xlsx', { title: '仁怀市建设清单', generatedAt: new Date(2026, 11, 7, 11, 58), costSources: buildListCostSources(smallProject()) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as never);
    const [list, summary, notes] = wb.worksheets;
    expect([list.name, summary.name, notes.name]).toEqual(['建设清单', '汇总', '说明']);
    expect(list.getRow(1).getCell(3).value).toBe('名称');
    expect(list.getRow(1).getCell(7).value).toBe('经度(WGS-84)');
    expect(list.getColumn(3).width).toBe(26);
    expect(list.rowCount).toBe(1 + rows.length);
    const summaryText = summary.getSheetValues().flat().map(String).join('|');
    expect(summaryText).toContain('WGS-84');
    const total = Math.round(rows.reduce((a, r) => a + r.costWanCny, 0) * 100) / 100;
    expect(summaryText).toContain(`估算投资合计（万元）|${total}`);
    expect(summaryText).toContain('生成时间|2026年12月7日 11:58');
    const notesText = notes.getSheetValues().flat().map(String).join('\n');
    expect(notesText).toContain('估：估算值');
    expect(notesText).toContain('待核实：');
    expect(notesText).toMatch(/宏站（共享铁塔，每站） 32\.50 万元：本工具估算（黔城覆盖规划）；共享铁塔站址上的5G宏站.*（估）/);
    expect(notesText).not.toMatch(/\.md|\[EST\]|\[UNVERIFIED\]/);
    const back = await importSites(bytes, { fileName: 'list.xlsx' });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const site = back.value.records.find((s) => s.id === 'S1')!;
    expect(site).toMatchObject({ name: s1.name, kind: 'macro', buildMethod: 'new-tower', status: 'planned', heightAglM: 35, band: 'n78', costCny: 320_000 });
    expect(site.lonDeg).toBeCloseTo(s1.lonDeg, 7);
    expect(site.sectors.map((s) => s.azimuthDeg)).toEqual([0, 120, 240]);
    // The OLT row is not a site: the importer says so for that row only.
    expect(back.value.problems.map((p) => [p.field, p.severity])).toEqual([['类型', 'error']]);
  });

  it('CSV: UTF-8 with BOM, Chinese headers, reads back through importSites', async () => {
    const bytes = await exportBuildList(rows, 'csv', { crs: 'gcj02' });
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(bytes);
    expect(text.split('\r\n')[0]).toContain('经度(GCJ-02)');
    const back = await importSites(bytes, { fileName: 'list.csv', crs: 'gcj02' });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const site = back.value.records.find((s) => s.id === 'S1')!;
    // GCJ-02 out and back in: within 1 m of the original (gcoord's inverse is iterative).
    expect(Math.abs(site.lonDeg - s1.lonDeg) * 98_500).toBeLessThan(1);
    expect(Math.abs(site.latDeg - s1.latDeg) * 111_000).toBeLessThan(1);
  });

  it('GeoJSON: names its coordinate system; GCJ-02 coordinates are the gcoord shift of the WGS-84 ones', async () => {
    const wgs = JSON.parse(strFromU8(await exportBuildList(rows, 'geojson')));
    expect(wgs.coordinateSystem).toBe('WGS-84');
    expect(wgs.crs.properties.name).toContain('CRS84');
    const gcj = JSON.parse(strFromU8(await exportBuildList(rows, 'geojson', { crs: 'gcj02' })));
    expect(gcj.coordinateSystem).toBe('GCJ-02');
    expect(gcj.crs).toBeUndefined();
    const expected = gcoord.transform([s1.lonDeg, s1.latDeg], gcoord.WGS84, gcoord.GCJ02);
    const f = gcj.features.find((x: { id: string }) => x.id === 'S1');
    expect(f.geometry.coordinates[0]).toBeCloseTo(expected[0], 6);
    expect(f.properties['服务场所']).toBe('医院、园区');
    const t = readGeoJsonTable(await exportBuildList(rows, 'geojson'));
    expect(t.ok && t.value.records.length).toBe(rows.length);
  });

  it('KML and KMZ: styles by type, every row a placemark with its fields; KMZ holds doc.kml', async () => {
    const kml = await exportBuildList(rows, 'kml');
    const text = strFromU8(kml);
    for (const id of ['macro', 'micro', 'indoor', 'fibre']) expect(text).toContain(`<Style id="${id}">`);
    expect(text).toContain('<name>建设清单 (WGS-84)</name>');
    const t = readKmlTable(kml);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.value.records.map((r) => r.fields.get('name'))).toEqual(rows.map((r) => r.name));
    expect(t.value.records[0].fields.get('类型')).toBe('宏站');
    expect(t.value.records[0].fields.get('估算投资(万元)')).toBe(String(rows[0].costWanCny));
    const kmz = await exportBuildList(rows, 'kmz', { crs: 'gcj02' });
    expect(Object.keys(unzipSync(kmz))).toEqual(['doc.kml']);
    const back = await importSites(kmz, { fileName: 'list.kmz', crs: 'gcj02' });
    expect(back.ok && back.value.records.map((s) => s.id)).toEqual(['S1', 'S2']);
  });

  it('GeoPackage: our reader and GDAL read the layer; GCJ-02 gets its own SRS row', async () => {
    const r = await readGpkg(await exportBuildList(rows, 'gpkg'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layer = r.value.layers[0];
    expect(layer.name).toBe('build_list');
    expect(layer.features.map((f) => f.properties.id)).toEqual(rows.map((x) => x.id));
    expect(layer.features[0].properties.name).toBe(rows[0].name);
    const g = await readGpkg(await exportBuildList(rows, 'gpkg', { crs: 'gcj02' }));
    expect(g.ok && g.value.layers[0].srsId).toBe(GCJ02_SRS_ID);
    expect(g.ok && g.value.extraSrs?.[0].name).toBe('GCJ-02');
  });

  it.skipIf(!hasOgrinfo)('GDAL opens the GeoPackage, GeoJSON, KML and KMZ exports', async () => {
    const checks: [Uint8Array, string, RegExp][] = [
      [await exportBuildList(rows, 'gpkg'), 'b.gpkg', /Feature Count: 3[\s\S]*ID\["EPSG",4326\]/],
      [await exportBuildList(rows, 'gpkg', { crs: 'gcj02' }), 'g.gpkg', /Feature Count: 3[\s\S]*GCJ-02/],
      [await exportBuildList(rows, 'geojson'), 'b.geojson', /Feature Count: 3/],
      [await exportBuildList(rows, 'kml'), 'b.kml', /Feature Count: 3/],
      [await exportBuildList(rows, 'kmz'), 'b.kmz', /Feature Count: 3/],
    ];
    for (const [bytes, name, expected] of checks) {
      const r = ogrinfo(bytes, name, ['-so', '-al']);
      expect(r.status, name).toBe(0);
      expect(r.out, name).toMatch(expected);
      expect(r.out, name).not.toMatch(/ERROR/);
    }
  });

  it.skipIf(!hasGpkgValidator)('the GeoPackage export passes GDAL validate_gpkg.py in both CRSes', async () => {
    expect(validateGpkg(await exportBuildList(rows, 'gpkg'))).toEqual({ status: 0, out: '' });
    expect(validateGpkg(await exportBuildList(rows, 'gpkg', { crs: 'gcj02' }))).toEqual({ status: 0, out: '' });
  });

  it('English: the same list in English words, read back by the same importer', async () => {
    const bytes = await exportBuildList(rows, 'csv', { language: 'en' });
    const header = strFromU8(bytes).split('\r\n')[0];
    expect(header).toContain('Longitude (WGS-84)');
    expect(header).toContain('Estimated cost (10k CNY)');
    expect(strFromU8(bytes)).toContain(',Macro,New tower,');
    const back = await importSites(bytes, { fileName: 'list.csv' });
    expect(back.ok && back.value.records.find((s) => s.id === 'S1')).toMatchObject({ kind: 'macro', buildMethod: 'new-tower', status: 'planned', costCny: 320_000 });
  });

  it('rounds every number for people: 6-decimal coordinates, 2-decimal km² and 万元, whole people', async () => {
    const noisy = buildListRows(smallProject(), { perSite: { S2: { newPeopleCovered: 120.6000000001, newAreaKm2: 2.1725000000000003 } } });
    noisy[0].lonDeg += 1.23456789e-9;
    const csv = strFromU8(await exportBuildList(noisy, 'csv'));
    for (const cell of csv.split(/[,\r\n]/)) expect(cell, cell).not.toMatch(/\d\.\d{7,}|e-\d/);
    expect(csv).toContain(',121,');
    expect(csv).toContain(',2.17,');
    const geo = JSON.parse(strFromU8(await exportBuildList(noisy, 'geojson')));
    for (const f of geo.features) for (const c of f.geometry.coordinates) expect(String(c)).toMatch(/^\d+(\.\d{1,6})?$/);
  });

  it('refuses an unknown format or CRS', async () => {
    await expect(exportBuildList(rows, 'shp' as never)).rejects.toThrow(RangeError);
    await expect(exportBuildList(rows, 'csv', { crs: 'bd09' as never })).rejects.toThrow(RangeError);
  });
});
