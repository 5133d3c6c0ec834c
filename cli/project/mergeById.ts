/**
 * Records of `incoming` merged into `existing` by id, as qcplan import and qcplan province add imported rows:
 * a record with an id already present replaces it in place, new ids are appended in file order.
 * @example mergeById(project.sites, imported.records) // { merged, added: 3, replaced: 1 }
 */
export function mergeById<T extends { id: string }>(existing: readonly T[], incoming: readonly T[]): { merged: T[]; added: number; replaced: number } {
  const byId = new Map(incoming.map((r) => [r.id, r]));
  let replaced = 0;
  const merged = existing.map((e) => {
    const r = byId.get(e.id);
    if (!r) return e;
    byId.delete(e.id);
    replaced++;
    return r;
  });
  return { merged: [...merged, ...byId.values()], added: byId.size, replaced };
}
