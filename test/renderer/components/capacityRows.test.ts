import { describe, expect, it } from 'vitest';
import type { SectorLoad } from '../../../core/capacity';
import { sitesCapacity } from '../../../renderer/components/capacityRows';

const worst = (siteId: string, sectorId: string, load: number): SectorLoad => ({
  cellId: `${siteId}/${sectorId}`, siteId, sectorId, demandMbps: 100, load, capacityMbps: 100 / load, layers: 4, cells: 10,
  isOverTarget: load > 0.7, excessMbps: 0, extraSectorsNeeded: Math.ceil(load / 0.7) - 1, microSitesNeeded: 1, unservedMbps: 0,
});

describe('sitesCapacity', () => {
  it("lists a site's sectors with their loads, the report's sizing where it has the sector", () => {
    const cellIds = ['S1/A', 'S2/A', 'S1/B', 'S10/A', 'S1/C'];
    const loads = new Float32Array([0.25, 0.9, 1.8, 0.5, 0]);
    const rows = sitesCapacity({ worstSectors: [worst('S1', 'B', 1.8), worst('S2', 'A', 0.9)] }, 'S1', loads, cellIds);
    expect(rows.map((r) => r.sectorId)).toEqual(['A', 'B', 'C']);
    expect(rows[0].load).toBeCloseTo(0.25, 5);
    expect(rows[0].detail).toBeNull();
    expect(rows[1].load).toBe(1.8);
    expect(rows[1].detail?.extraSectorsNeeded).toBe(2);
    // 'S10/A' is another site, not a sector of S1
    expect(rows.some((r) => r.sectorId === '0/A')).toBe(false);
  });

  it('takes a sector from the report when the load map has not caught up yet', () => {
    const rows = sitesCapacity({ worstSectors: [worst('S3', 'A', 1.2)] }, 'S3', new Float32Array(0), []);
    expect(rows).toHaveLength(1);
    expect(rows[0].load).toBe(1.2);
  });
});
