import { describe, expect, it } from 'vitest';
import { roadmapFolderFiles } from '../../../renderer/host/roadmapFolderFiles';

describe('roadmapFolderFiles', () => {
  it('finds roadmap.json and counties/<code>.gpkg of a picked folder, ignoring the rest', () => {
    const r = roadmapFolderFiles([
      { path: 'out/roadmap.json', file: 'index' },
      { path: 'out/roadmap.xlsx', file: 'xlsx' },
      { path: 'out/counties/520102.gpkg', file: 'a' },
      { path: 'out/counties/520102.json', file: 'detail' },
      { path: 'out/counties/sub/520103.gpkg', file: 'deep' },
      { path: 'out/other/roadmap.json', file: 'other' },
      { path: 'out/counties/5201.gpkg', file: 'short' },
    ]);
    expect(r.folder).toBe('out');
    expect(r.index).toBe('index');
    expect([...r.counties]).toEqual([['520102', 'a']]);
  });

  it('takes bare names from a multiple-file pick', () => {
    const r = roadmapFolderFiles([{ path: 'roadmap.json', file: 1 }, { path: '520111.gpkg', file: 2 }]);
    expect(r.index).toBe(1);
    expect(r.counties.get('520111')).toBe(2);
    expect(r.folder).toBe('');
  });

  it('has no index when roadmap.json was not picked', () => {
    expect(roadmapFolderFiles([{ path: 'x/counties/520102.gpkg', file: 0 }]).index).toBeNull();
  });
});
