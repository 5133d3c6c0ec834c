import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyseFibre } from '../../../core/ftth';
import { countyByCode } from '../../../geodata/counties';
import { readProjectGpkg } from '../../../geodata/project';
import { addSite } from '../../../renderer/actions/siteActions';
import { currentProject, openSession } from '../../../renderer/session/ProjectSession';
import { sessionBuildList } from '../../../renderer/session/sessionBuildList';

describe('sessionBuildList', () => {
  it('lists the sample county\'s planned sites as edited, then one row per fibre upgrade of the fibre result', async () => {
    const read = await readProjectGpkg(new Uint8Array(await readFile('samples/renhuai.gpkg')));
    if (!read.ok) throw new Error(read.message);
    const county = countyByCode(read.value.countyCode)!;
    const session = openSession(read.value, county, 'renhuai.gpkg');
    const before = sessionBuildList(session, null);
    expect(before.every((r) => r.kind === 'site')).toBe(true);

    session.store.dispatch(addSite, { kind: 'micro', lonLat: [106.4, 27.8], id: 'NEW-1' });
    const fibre = analyseFibre(currentProject(session), { seatLonLat: county.seatLonLat });
    if (!fibre.ok) throw new Error(fibre.message);
    const rows = sessionBuildList(session, fibre.value);
    const added = rows.find((r) => r.id === 'NEW-1');
    expect(added).toMatchObject({ kind: 'site', type: 'micro', countyName: { zh: '仁怀市', en: 'Renhuai City' }, isCostEstimated: true });
    expect(rows.filter((r) => r.kind === 'site')).toHaveLength(before.length + 1);
    expect(fibre.value.upgrades.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === 'fibre')).toHaveLength(fibre.value.upgrades.length);
  });
});
