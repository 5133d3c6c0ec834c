import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../../core/text';
import { readDriveTestFile } from '../../../geodata/measurements';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/measurements', name)));

const enc = (text: string) => new TextEncoder().encode(text);

describe('readDriveTestFile', () => {
  it('reads a plain CSV: lon, lat, rsrp, site id', () => {
    const r = readDriveTestFile(enc('lon,lat,rsrp,site_id\n106.70,26.60,-95.5,GY-001\n106.71,26.61,-101,GY-002\n'), 'dt.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.layout).toBe('drive-test');
    expect(r.value.records).toEqual([
      { file: 'dt.csv', line: 2, lonDeg: 106.7, latDeg: 26.6, rsrpDbm: -95.5, cellRef: 'GY-001' },
      { file: 'dt.csv', line: 3, lonDeg: 106.71, latDeg: 26.61, rsrpDbm: -101, cellRef: 'GY-002' },
    ]);
  });

  it('reads a Chinese drive-test export (GB18030 bytes), preferring the serving columns, PCI as a number', () => {
    const r = readDriveTestFile(fixture('drivetest-gb18030.csv'), '路测.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.columns).toMatchObject({ lon: '经度', lat: '纬度', rsrp: '服务小区SS-RSRP', pci: '服务小区PCI', cellRef: '小区名称' });
    expect(r.value.records).toEqual([{ file: '路测.csv', line: 2, lonDeg: 106.7001, latDeg: 26.6002, rsrpDbm: -88.25, pci: 301, cellRef: '仁怀城区1' }]);
    expect(r.value.problems).toEqual([{ file: '路测.csv', line: 3, field: '服务小区SS-RSRP', reason: 'no serving RSRP (no service): skipped', code: 'noRsrp' }]);
  });

  it('reads an English tool export with PCI only', () => {
    const r = readDriveTestFile(enc('Time,Longitude,Latitude,NR Serving SS-RSRP,NR Serving PCI\n1,106.7,26.6,-97,17\n'), 'nemo.csv');
    expect(r.ok && r.value.records[0]).toEqual({ file: 'nemo.csv', line: 2, lonDeg: 106.7, latDeg: 26.6, rsrpDbm: -97, pci: 17 });
  });

  it('skips bad rows naming file, line and field, and keeps the rest', () => {
    const r = readDriveTestFile(enc('lon,lat,rsrp,cell_id,pci\n106.7,26.6,-95,A,1\n200,26.6,-95,A,1\n106.7,26.6,-5,A,1\n0,0,-95,A,1\n106.7,26.6,-90,,\n106.7,26.6,-90,B,2000\n'), 'x.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((x) => x.line)).toEqual([2, 7]);
    expect(r.value.problems.map((p) => [p.line, p.field, p.reason, p.code])).toEqual([
      [3, 'lon', 'longitude must be a number in [-180, 180]°, got "200"', 'outOfRange'],
      [4, 'rsrp', 'RSRP must be a number in [-160, -20] dBm, got "-5"', 'outOfRange'],
      [5, 'lon', 'position 0, 0 (no GPS fix): skipped', 'noGpsFix'],
      [6, 'cell_id', 'no serving cell id or PCI: skipped', 'noServingCell'],
      [7, 'pci', 'PCI must be an integer 0-1007, got "2000"', 'outOfRange'],
    ]);
    // each worded in Chinese from its code (the calibration dialog shows these)
    const zh = formatterFor('zh');
    expect(r.value.problems.map((p) => zh.problemReason(p))).toEqual([
      '200 超出允许范围 -180–180', '-5 超出允许范围 -160–-20', '坐标为 0, 0（没有卫星定位）：已跳过', '没有服务小区编号或 PCI：已跳过', '2000 超出允许范围 0–1007',
    ]);
  });

  it('refuses a file it cannot use, naming the file and what is missing', () => {
    expect(readDriveTestFile(enc('lon,lat,site_id\n1,2,A\n'), 'a.csv')).toMatchObject({ ok: false, message: expect.stringMatching(/^a\.csv: no column for rsrp/) });
    expect(readDriveTestFile(enc('lon,lat,rsrp\n1,2,-90\n'), 'b.csv')).toMatchObject({ ok: false, message: expect.stringMatching(/^b\.csv: no serving-cell column/) });
    expect(readDriveTestFile(enc('lon,lat,rsrp,pci\n'), 'c.csv')).toMatchObject({ ok: false, message: 'c.csv: no data rows', reason: { code: 'emptyFile' } });
    const noRsrp = readDriveTestFile(enc('lon,lat,site_id\n1,2,A\n'), 'a.csv');
    if (noRsrp.ok) throw new Error('read');
    expect(formatterFor('zh').problemReason({ reason: noRsrp.message, ...noRsrp.reason! })).toMatch(/^缺少路测必需的列：RSRP/);
  });

  it('reads the 2019 contest layout given its planar coordinate system, and refuses it without', () => {
    const header = 'Cell Index,Cell X,Cell Y,Height,Azimuth,Electrical Downtilt,Mechanical Downtilt,Frequency Band,RS Power,Cell Altitude,Cell Building Height,Cell Clutter Index,X,Y,Altitude,Building Height,Clutter Index,RSRP';
    const text = `${header}\n1023901,386860,3398855,20,300,6,2,2585,16.2,545,0,7,386645,3398830,544,9,5,-84\n`;
    expect(readDriveTestFile(enc(text), 'train_1.csv')).toMatchObject({ ok: false, message: expect.stringContaining('--planar-crs') });
    const r = readDriveTestFile(enc(text), 'train_1.csv', { planarCrs: 'EPSG:32650' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.layout).toBe('contest-2019');
    const [rec] = r.value.records;
    expect(rec.cellRef).toBe('1023901');
    expect(rec.rsrpDbm).toBe(-84);
    // UTM 50N, x 386647.5 y 3398827.5: about 115.82 E, 30.71 N
    expect(rec.lonDeg).toBeCloseTo(115.82, 1);
    expect(rec.latDeg).toBeCloseTo(30.71, 1);
  });
});
