import type { CapacityReport } from '../../core/capacity';
import { formatTable } from './table';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : 'n/a');

/**
 * The traffic model's figures as text for qcplan score: the demand chain with its sources, the county
 * figures, the most loaded sectors and the places whose capacity misses. All modelled.
 * @example io.stdout(capacityText(report.capacity, 10))
 */
export function capacityText(c: CapacityReport, top: number): string {
  const chain =
    `demand ${c.year}: DOU ${c.douGbPerMonth.toFixed(1)} GB/month -> ${c.mbpsPerUser.toFixed(3)} Mbit/s per 5G user in the busy hour (downlink), ` +
    `${c.usersPerResident.toFixed(3)} users of this network per resident -> ${(c.mbpsPerResident * 1000).toFixed(1)} kbit/s per resident`;
  const county = [
    `busy-hour demand ${c.totalDemandMbps.toFixed(0)} Mbit/s, of it served ${c.servedDemandMbps.toFixed(0)}; within the ${pct(c.targetLoad)} target load ${c.demandWithinTargetMbps.toFixed(0)} (${pct(c.demandShareWithinTarget)})`,
    `sectors with demand ${c.sectorsWithDemand}, over the target ${c.overloadedSectors}, mean load ${pct(c.meanLoad)}; to relieve them ${c.extraSectorsNeeded} more sectors or ${c.microSitesNeeded} micro sites`,
  ];
  const sectors = formatTable(
    ['sector', 'load', 'demand Mbit/s', 'capacity Mbit/s', 'layers', 'over target', '+sectors', '+micro'],
    c.worstSectors.slice(0, top).map((s) => [
      s.cellId, pct(s.load), s.demandMbps.toFixed(1), s.capacityMbps.toFixed(1), String(s.layers), s.isOverTarget ? 'yes' : 'no', String(s.extraSectorsNeeded), String(s.microSitesNeeded),
    ]),
  );
  const missed = c.places.filter((p) => !p.isMet);
  const places = missed.length
    ? formatTable(['place', 'demand Mbit/s', 'within target', 'max load'], missed.map((p) => [p.name, p.demandMbps.toFixed(1), pct(p.shareWithinTarget), pct(p.maxLoad)]))
    : 'every place within the target load\n';
  const sources = c.sources.map((s) => `  ${s.figure} = ${s.value}${s.isEstimate ? ' [EST]' : ''}: ${s.source}`).join('\n');
  return `Capacity, busy hour (modelled demand and load)\n${chain}\n${county.join('\n')}\nMost loaded sectors (${Math.min(top, c.worstSectors.length)})\n${sectors}Places missing their capacity (${missed.length})\n${places}Sources\n${sources}\n`;
}
