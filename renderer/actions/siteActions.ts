import type { Draft } from 'immer';
import { makeSite, nextSiteId, type Sector, type Site, type SiteKind } from '../../core/model';
import type { PlanState } from '../state/planState';
import type { PlanAction } from '../state/PlanStore';

function findSite(draft: Draft<PlanState>, siteId: string): Draft<Site> | undefined {
  return draft.sites.find((s) => s.id === siteId);
}

/** Places a new site of `kind` at a point; `id` lets the caller select it afterwards. */
export const addSite: PlanAction<{ kind: SiteKind; lonLat: [number, number]; id?: string }> = {
  name: 'addSite',
  perform(draft, { kind, lonLat, id }) {
    draft.sites.push(makeSite(kind, lonLat, id ?? nextSiteId(draft.sites), { band: draft.settings.radio.band }));
  },
};

/** Moves a site (dragging sends this transiently, then ends the gesture as one undo step). */
export const moveSite: PlanAction<{ siteId: string; lonLat: [number, number] }> = {
  name: 'moveSite',
  perform(draft, { siteId, lonLat }) {
    const site = findSite(draft, siteId);
    if (!site) return;
    site.lonDeg = lonLat[0];
    site.latDeg = lonLat[1];
  },
};

/** Rotates every sector of a site by `deltaDeg` (clockwise), keeping azimuths in [0, 360). */
export const rotateSite: PlanAction<{ siteId: string; deltaDeg: number }> = {
  name: 'rotateSite',
  perform(draft, { siteId, deltaDeg }) {
    const site = findSite(draft, siteId);
    if (!site) return;
    for (const sector of site.sectors) sector.azimuthDeg = (((sector.azimuthDeg + deltaDeg) % 360) + 360) % 360;
  },
};

/** Replaces a site's editable fields (from the side panel, already validated). */
export const updateSite: PlanAction<{ siteId: string; changes: Partial<Omit<Site, 'id' | 'sectors'>> }> = {
  name: 'updateSite',
  perform(draft, { siteId, changes }) {
    const site = findSite(draft, siteId);
    if (site) Object.assign(site, changes);
  },
};

/** Replaces one sector's fields. */
export const updateSector: PlanAction<{ siteId: string; sectorId: string; changes: Partial<Omit<Sector, 'id'>> }> = {
  name: 'updateSector',
  perform(draft, { siteId, sectorId, changes }) {
    const sector = findSite(draft, siteId)?.sectors.find((s) => s.id === sectorId);
    if (sector) Object.assign(sector, changes);
  },
};

export const deleteSite: PlanAction<{ siteId: string }> = {
  name: 'deleteSite',
  perform(draft, { siteId }) {
    const i = draft.sites.findIndex((s) => s.id === siteId);
    if (i >= 0) draft.sites.splice(i, 1);
  },
};

/** Copies a site to a point under a new name (a new id; status 'planned': a copy is never already on air). */
export const copySite: PlanAction<{ siteId: string; lonLat: [number, number]; name: string; id?: string }> = {
  name: 'copySite',
  perform(draft, { siteId, lonLat, name, id }) {
    const site = findSite(draft, siteId);
    if (!site) return;
    const newId = id ?? nextSiteId(draft.sites);
    const copy = JSON.parse(JSON.stringify(site)) as Site;
    draft.sites.push({ ...copy, id: newId, name, status: 'planned', isIllustrative: false, lonDeg: lonLat[0], latDeg: lonLat[1] });
  },
};
