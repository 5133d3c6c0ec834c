import { nextSiteId } from '../model/siteDefaults';
import type { Site } from '../model/site';

/**
 * Turns accepted suggestions into planned sites: each candidate in `acceptedIds` (in that order) becomes a
 * copy with status 'planned' and the next free 'S<n>' id among `sites`, its source noting the candidate;
 * the rest stay candidates. Pure, so the plan store records it as one undoable step and the CLI's
 * `--apply` writes the same thing. Throws RangeError naming an id that is not a candidate.
 * @example acceptSuggestions(project.sites, project.candidates, ['GC-3']).sites.at(-1)?.status // 'planned'
 */
export function acceptSuggestions(
  sites: readonly Site[],
  candidates: readonly Site[],
  acceptedIds: readonly string[],
): { sites: Site[]; candidates: Site[] } {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const accepted = new Set<string>();
  const out = [...sites];
  for (const id of acceptedIds) {
    const candidate = byId.get(id);
    if (!candidate) throw new RangeError(`acceptedIds: '${id}' is not a candidate`);
    if (accepted.has(id)) continue;
    accepted.add(id);
    const source = candidate.source ? `suggestion ${id}; ${candidate.source}` : `suggestion ${id}`;
    out.push({ ...candidate, sectors: candidate.sectors.map((s) => ({ ...s })), id: nextSiteId(out), status: 'planned', source });
  }
  return { sites: out, candidates: candidates.filter((c) => !accepted.has(c.id)) };
}
