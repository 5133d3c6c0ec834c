import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../../../geodata/text';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode('站名,经度\n');
    expect(decodeText(utf8)).toEqual({ text: '站名,经度\n', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('站名,经度\n');
  });

  it('takes bytes that are not UTF-8 as GB18030, four-byte sequences included', () => {
    // 站 (two bytes, GBK), U+0080 (81 30 81 30) and U+20000 𠀀 (95 32 82 36): the four-byte forms GBK lacks
    const bytes = Uint8Array.from([0xd5, 0xbe, 0x81, 0x30, 0x81, 0x30, 0x95, 0x32, 0x82, 0x36]);
    expect(decodeText(bytes)).toEqual({ text: '站\u0080𠀀', encoding: 'gb18030' });
    expect(decodeText(bytes).text).not.toContain('\ufffd');
  });
});

describe('parseCsv', () => {
  it('parses quoted fields, CRLF and line numbers of the data rows', () => {
    const table = parseCsv('a,b\r\n1,"x,""y"""\r\n\r\n2,\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1', 'x,"y"'], ['2', '']]);
    expect(table.lineNumbers).toEqual([2, 4]);
  });
});
