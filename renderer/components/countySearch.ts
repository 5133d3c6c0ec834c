import type { County } from '../../geodata/counties';

/**
 * Counties matching a free-text query: Chinese name or prefecture (substring), pinyin name without
 * spaces or case ("renhuai"), or code prefix ("5203"). An empty query matches all.
 */
export function searchCounties(counties: readonly County[], query: string, options: { pilotsOnly?: boolean } = {}): County[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  return counties.filter((c) => {
    if (options.pilotsOnly && !c.isPilot) return false;
    if (!q) return true;
    return (
      c.name.includes(q) ||
      c.prefecture.includes(q) ||
      c.code.startsWith(q) ||
      c.nameEn.toLowerCase().replace(/[\s']/g, '').includes(q.replace(/'/g, ''))
    );
  });
}
