import { describe, expect, it } from 'vitest';
import { importSites } from '../../../geodata/import';
import { countReplaced, importRecords } from '../../../renderer/actions/importActions';
import { EMPTY_PLAN } from '../../../renderer/state/planState';
import { PlanStore } from '../../../renderer/state/PlanStore';

const csv = (text: string) => new TextEncoder().encode(text);

describe('importRecords', () => {
  it('adds the good rows of a real sites CSV as one undo step, replacing same-id sites', async () => {
    const r = await importSites(
      csv('站号,站名,经度,纬度,类型,挂高\nA1,茅台镇1,106.38,27.86,宏站,35\nA2,茅台镇2,106.39,abc,宏站,30\nA3,中枢1,106.41,27.81,微站,12\n'),
      { fileName: 'sites.csv', defaultStatus: 'existing' },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.value.records.map((s) => s.id)).toEqual(['A1', 'A3']);
    expect(r.value.problems.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual([3]);

    const old = { ...r.value.records[0], name: 'old name', heightAglM: 20 };
    const store = new PlanStore({ ...EMPTY_PLAN, sites: [old] });
    const args = { kind: 'sites' as const, records: r.value.records };
    expect(countReplaced(store.getState(), args)).toBe(1);
    store.dispatch(importRecords, args);
    expect(store.getState().sites.map((s) => [s.id, s.name, s.heightAglM])).toEqual([['A1', '茅台镇1', 35], ['A3', '中枢1', 12]]);
    expect(store.undoName()).toBe('importRecords');
    store.undo();
    expect(store.getState().sites).toEqual([old]);
    expect(store.canUndo()).toBe(false);
  });

  it('changes nothing (no undo entry) for an empty import', () => {
    const store = new PlanStore(EMPTY_PLAN);
    store.dispatch(importRecords, { kind: 'olts', records: [] });
    expect(store.getState()).toBe(EMPTY_PLAN);
    expect(store.canUndo()).toBe(false);
  });
});
