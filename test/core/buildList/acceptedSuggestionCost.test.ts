import { describe, expect, it } from 'vitest';
import { buildListRows } from '../../../core/buildList';
import { smallProject } from '../../geodata/project/smallProject';

describe('an accepted suggestion\'s cost is marked as the unit-cost table\'s estimate (issue 22 bug 9)', () => {
  it('keeps the saved flag, and reads a suggestion saved before the flag was kept as an estimate', () => {
    const p = smallProject();
    const accepted = { ...p.sites[1], id: 'S3', status: 'planned' as const, costCny: 50_000, source: 'suggestion GC-1; gap centre' };
    p.sites.push({ ...accepted, isCostEstimate: true }, { ...accepted, id: 'S4' }, { ...accepted, id: 'S5', source: '现网台账', isCostEstimate: undefined });
    const rows = buildListRows(p);
    expect(rows.find((r) => r.id === 'S3')?.isCostEstimated).toBe(true);
    expect(rows.find((r) => r.id === 'S4')?.isCostEstimated).toBe(true);
    // a cost the planner's own sheet gave stays a given figure
    expect(rows.find((r) => r.id === 'S5')?.isCostEstimated).toBe(false);
  });
});
