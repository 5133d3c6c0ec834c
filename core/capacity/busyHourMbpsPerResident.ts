import type { BandId } from '../model/site';
import type { CapacitySettings } from './capacitySettings';

/** Mean days per month (365 / 12), to turn a monthly volume into a daily one. */
const DAYS_PER_MONTH = 365 / 12;
/** Mbit per GB (decimal gigabytes, as operators bill them). */
const MBIT_PER_GB = 8000;

/** The chain from a month's traffic to busy-hour downlink Mbit/s, with each factor, for reports. */
export interface BusyHourDemand {
  /** DOU grown to the planning year, GB per user and month */
  douGbPerMonth: number;
  /** downlink Mbit/s one 5G user adds in the busy hour (mean over the hour) */
  mbpsPerUser: number;
  /** 5G users on the planned network per resident */
  usersPerResident: number;
  /** busy-hour downlink Mbit/s per resident */
  mbpsPerResident: number;
}

/**
 * Busy-hour downlink demand per resident on the planned network (band `band`):
 * DOU x (1 + growth)^(year - douYear) x 8000 Mbit/GB / (30.42 days x 3600 s) x busy-hour share x downlink share,
 * times 5G users per resident x the network's share of them. A mean over the busy hour (an offered load), the
 * quantity cell load compares with cell throughput. Sources: the settings' (capacitySettings.ts).
 * @example busyHourMbpsPerResident(DEFAULT_CAPACITY_SETTINGS, 'n78').mbpsPerUser // ≈ 0.123 (21.6 GB x 1.08, 8 %, 90 %)
 */
export function busyHourMbpsPerResident(settings: CapacitySettings, band: BandId): BusyHourDemand {
  const t = settings.traffic;
  const douGbPerMonth = t.douGbPerMonth.value * (1 + t.douGrowthPerYear.value) ** (settings.year - t.douYear);
  const mbpsPerUser = ((douGbPerMonth / DAYS_PER_MONTH) * t.busyHourShare.value * t.downlinkShare.value * MBIT_PER_GB) / 3600;
  const usersPerResident = t.fiveGUsersPerResident.value * t.networkShare[band].value;
  return { douGbPerMonth, mbpsPerUser, usersPerResident, mbpsPerResident: mbpsPerUser * usersPerResident };
}
