import { parseNumberText } from './parseNumberText';

const DMS = /^([+-]?\d+(?:\.\d+)?)\s*(?:°|度|d)\s*(?:(\d+(?:\.\d+)?)\s*(?:'|′|分|m))?\s*(?:(\d+(?:\.\d+)?)\s*(?:"|″|''|′′|秒|s))?\s*([NSEW东西南北])?$/i;

/**
 * A coordinate cell as decimal degrees: plain decimals ('106.41', '106.41°') or degrees-minutes-seconds as
 * field sheets write them ('106°24′36.5″', '106度24分36.5秒', "27°48'N"; S/W/南/西 negate). NaN otherwise.
 * @example parseDegrees('106°24′36″') // 106.41
 */
export function parseDegrees(text: string): number {
  const s = text.normalize('NFKC').trim();
  if (!s) return NaN;
  // A plain number by the import's one rule (no hex, no decimal comma, full-width normalised).
  const plain = parseNumberText(s.replace(/\s*(?:°|度)$/, ''));
  if ('value' in plain) return plain.value;
  const m = DMS.exec(s);
  if (!m) return NaN;
  const [d, mi, se] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (mi >= 60 || se >= 60) return NaN;
  const value = Math.abs(d) + mi / 60 + se / 3600;
  const negative = d < 0 || Object.is(d, -0) || /^[SW南西]$/i.test(m[4] ?? '');
  return negative ? -value : value;
}
