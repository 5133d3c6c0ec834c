import type { County } from './county';

/**
 * A county's seat as gap names and map labels use it: `nameZh` / `nameEn` name the seat inside its own
 * county ('县城' / 'the county seat'), `labelZh` names it on a map of several counties ('威宁县城').
 */
export interface CountySeat {
  lonLat: [number, number];
  nameZh: string;
  nameEn: string;
  labelZh: string;
}

/**
 * The seat of `county`, worded by the kind of unit: 县 and 自治县 '县城' (the county seat), county-level 市
 * '市区' (the city centre), 区 and 特区 '城区' (the district centre). The position is the boundary package's
 * district centre (County.seatSource); the seat's own town name is in no sourced table here.
 * @example countySeat(countyByCode('520526')!) // { nameZh: '县城', nameEn: 'the county seat', labelZh: '威宁县城', lonLat: [...] }
 */
export function countySeat(county: Pick<County, 'name' | 'shortName' | 'seatLonLat'>): CountySeat {
  const [nameZh, nameEn] = /县$/.test(county.name)
    ? ['县城', 'the county seat']
    : /市$/.test(county.name)
      ? ['市区', 'the city centre']
      : ['城区', 'the district centre'];
  return { lonLat: [county.seatLonLat[0], county.seatLonLat[1]], nameZh, nameEn, labelZh: `${county.shortName}${nameZh}` };
}
