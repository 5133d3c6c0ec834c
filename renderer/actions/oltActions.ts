import type { Olt } from '../../core/model';
import type { PlanAction } from '../state/PlanStore';

/**
 * Default ports of an OLT placed on the map: a planned 10G-PON (XGS-PON) OLT with one 16-port line card
 * [EST: a common card size; edit the project's OLT list for the real equipment].
 */
export const PLACED_OLT_XGS_PON_PORTS = 16;

/** The next free id of the form 'OLT<n>' among `olts`. @example nextOltId([{ id: 'OLT2' }]) // 'OLT3' */
export function nextOltId(olts: readonly Pick<Olt, 'id'>[]): string {
  let max = 0;
  for (const o of olts) {
    const m = /^OLT(\d+)$/.exec(o.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `OLT${max + 1}`;
}

/** Places a planned 10G-PON OLT at a point (the fibre analysis and its KPIs follow). */
export const addOlt: PlanAction<{ lonLat: [number, number]; id: string; name: string }> = {
  name: 'addOlt',
  perform(draft, { lonLat, id, name }) {
    draft.olts.push({ id, name, lonDeg: lonLat[0], latDeg: lonLat[1], gponPorts: 0, xgsPonPorts: PLACED_OLT_XGS_PON_PORTS, status: 'planned' });
  },
};
