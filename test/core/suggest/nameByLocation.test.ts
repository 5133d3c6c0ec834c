import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import type { Landmark } from '../../../core/scoring';
import { nameByLocation } from '../../../core/suggest/nameByLocation';
import { proposedSiteAt } from '../../../core/suggest/proposedSiteAt';

// a plane in metres where 1° = 100 km, enough to place a site NE of the seat
const toGridM = ([lon, lat]: [number, number]) => [lon * 1e5, lat * 1e5];
const SEAT: Landmark = { nameZh: '县城', nameEn: 'the county seat', isSeat: true, xM: 106.4e5, yM: 27.8e5 };
const AIRPORT: Landmark = { nameZh: '茅台机场', nameEn: '茅台机场', isSeat: false, xM: 106.2e5, yM: 27.7e5 };

describe('nameByLocation', () => {
  it('names a gap macro by the nearest landmark, direction and distance, and what it is for', () => {
    const site = proposedSiteAt('macro', 'new-tower', [106.48, 27.88], DEFAULT_COST_TABLE, 'GT-0-321', 'gap');
    expect(site.name).toBe('规划宏站-GT-0-321');
    const named = nameByLocation({ site, reason: 'gap-centre' }, [SEAT, AIRPORT], toGridM);
    expect(named.name).toBe('县城东北 11 km 宏站（补盲）');
    expect(named.id).toBe('GT-0-321');
  });

  it('says near within 1 km, and marks capacity sites as such', () => {
    const site = proposedSiteAt('micro', 'smart-pole', [106.2003, 27.7002], DEFAULT_COST_TABLE, 'CAP-1', 'capacity');
    expect(nameByLocation({ site, reason: 'capacity' }, [SEAT, AIRPORT], toGridM).name).toBe('茅台机场附近 微站（扩容）');
  });

  it("keeps the project's own candidates, indoor systems and sites without landmarks as they are", () => {
    const site = proposedSiteAt('macro', 'new-tower', [106.48, 27.88], DEFAULT_COST_TABLE, 'C1', 'project');
    expect(nameByLocation({ site: { ...site, name: '候选一' }, reason: 'project' }, [SEAT], toGridM).name).toBe('候选一');
    expect(nameByLocation({ site, reason: 'indoor' }, [SEAT], toGridM)).toBe(site);
    expect(nameByLocation({ site, reason: 'gap-centre' }, [], toGridM)).toBe(site);
  });
});
