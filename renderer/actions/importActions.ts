import type { Olt, Place, Site } from '../../core/model';
import type { PlanState } from '../state/planState';
import type { PlanAction } from '../state/PlanStore';

/** What an import adds: the good records of one file, of one kind. */
export type ImportedRecords =
  | { kind: 'sites'; records: Site[] }
  | { kind: 'places'; records: Place[] }
  | { kind: 'olts'; records: Olt[] };

/** How many of `records` carry the id of a record the state already has (they replace it). */
export function countReplaced(state: PlanState, { kind, records }: ImportedRecords): number {
  const ids = new Set(state[kind].map((r) => r.id));
  return records.filter((r) => ids.has(r.id)).length;
}

/**
 * Adds the good rows of an import as ONE undoable edit: a record whose id the project already has
 * replaces that record in place (re-importing a corrected sheet updates it), the others are appended in
 * file order. Only the caller's confirmation dispatches it, so a cancelled or failed import changes nothing.
 * @example store.dispatch(importRecords, { kind: 'sites', records: result.value.records })
 */
export const importRecords: PlanAction<ImportedRecords> = {
  name: 'importRecords',
  perform(draft, { kind, records }) {
    const list = draft[kind] as { id: string }[];
    const index = new Map(list.map((r, i) => [r.id, i]));
    for (const record of records) {
      const i = index.get(record.id);
      if (i === undefined) {
        index.set(record.id, list.length);
        list.push(record);
      } else {
        list[i] = record;
      }
    }
  },
};
