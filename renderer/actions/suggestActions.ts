import { acceptSuggestions } from '../../core/suggest';
import type { Site } from '../../core/model';
import type { PlanAction } from '../state/PlanStore';

/**
 * Accepts suggested sites: each of `candidateIds` (in that order) becomes a planned site (core
 * acceptSuggestions), and the project candidates among them leave the candidate list. `suggested` holds the
 * suggestion's chosen sites (generated candidates are not in the store). One undo step for any count.
 * @example store.dispatch(acceptSuggestedSites, { suggested: run.chosenSites, candidateIds: ['GC-1', 'GC-4'] })
 */
export const acceptSuggestedSites: PlanAction<{ suggested: readonly Site[]; candidateIds: readonly string[] }> = {
  name: 'acceptSuggestions',
  perform(draft, { suggested, candidateIds }) {
    const before = draft.sites.length;
    const { sites } = acceptSuggestions(draft.sites as Site[], suggested, candidateIds);
    draft.sites.push(...sites.slice(before));
    const accepted = new Set(candidateIds);
    draft.candidates = draft.candidates.filter((c) => !accepted.has(c.id));
  },
};

/**
 * The suggestion (candidate id) a site was accepted from, read from the `source` acceptSuggestions writes.
 * @example suggestionIdOf({ ...site, source: 'suggestion GC-3; gap centre' }) // 'GC-3'
 */
export function suggestionIdOf(site: Site): string | null {
  return /^suggestion (\S+?)(;|$)/.exec(site.source ?? '')?.[1] ?? null;
}

/**
 * Ids of the suggestions already accepted into `state` (so undo un-accepts them too).
 * @example acceptedSuggestionIds(store.getState()).has('GC-3')
 */
export function acceptedSuggestionIds(state: { readonly sites: readonly Site[] }): Set<string> {
  const ids = new Set<string>();
  for (const s of state.sites) {
    const id = suggestionIdOf(s);
    if (id) ids.add(id);
  }
  return ids;
}
