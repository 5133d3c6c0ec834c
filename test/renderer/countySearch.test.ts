import { describe, expect, it } from 'vitest';
import { GUIZHOU_COUNTIES } from '../../geodata/counties';
import { searchCounties } from '../../renderer/components/countySearch';

const names = (q: string, pilotsOnly = false) => searchCounties(GUIZHOU_COUNTIES, q, { pilotsOnly }).map((c) => c.name);

describe('searchCounties', () => {
  it('finds by Chinese name, pinyin (any case, spaces ignored) and code prefix', () => {
    expect(names('仁怀')).toEqual(['仁怀市']);
    expect(names('Renhuai')).toEqual(['仁怀市']);
    expect(names('ren huai')).toEqual(['仁怀市']);
    expect(names('520382')).toEqual(['仁怀市']);
    expect(names("zheng'an")).toEqual(['正安县']);
    expect(names('5203')).toHaveLength(14);
  });
  it('finds a prefecture\'s counties and filters pilots', () => {
    expect(names('遵义市')).toHaveLength(14);
    expect(names('', true)).toHaveLength(21);
    expect(names('遵义', true)).toEqual(['红花岗区', '汇川区', '播州区', '湄潭县', '仁怀市']);
  });
  it('matches nothing for nonsense', () => {
    expect(names('zzzz')).toEqual([]);
  });
});
