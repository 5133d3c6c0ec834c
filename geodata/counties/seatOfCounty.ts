import type { ProjectSeat } from '../../core/model/project';
import { countySeat } from './countySeat';
import seatsJson from './countySeats.json';

const seats = new Map((seatsJson as { code: string; name: string; shortName: string; seatLonLat: [number, number] }[]).map((s) => [s.code, s]));

/**
 * The seat of the county `code` as a project keeps it (Project.seat), from the small seats table
 * (countySeats.json, 8 KB; scripts/buildCounties.ts), for code that should not load every boundary: the
 * project-file reader gives it to files saved before projects carried their seat. Undefined for an unknown code.
 * @example seatOfCounty('520526') // { lonLat: [104.28, 26.86], nameZh: '县城', nameEn: 'the county seat' }
 */
export function seatOfCounty(code: string): ProjectSeat | undefined {
  const s = seats.get(code);
  if (!s) return undefined;
  const seat = countySeat(s);
  return { lonLat: seat.lonLat, nameZh: seat.nameZh, nameEn: seat.nameEn };
}
