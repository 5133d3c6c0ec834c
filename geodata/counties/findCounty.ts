import type { County } from './county';

/**
 * The counties a planner's words name: a GB/T 2260 code ('520526'), the official name ('威宁彝族回族苗族自治县'),
 * the short name ('威宁') or the English name ('Weining Autonomous County', any case); else every county whose
 * name or English name contains the text. An exact match wins over partial ones.
 * @example findCounties(GUIZHOU_COUNTIES, '威宁').map((c) => c.code) // ['520526']
 */
export function findCounties(counties: readonly County[], query: string): County[] {
  const q = query.normalize('NFKC').trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const exact = counties.filter((c) => c.code === q || c.name === q || c.shortName === q || c.nameEn.toLowerCase() === lower);
  if (exact.length) return exact;
  return counties.filter((c) => c.name.includes(q) || c.nameEn.toLowerCase().includes(lower));
}
