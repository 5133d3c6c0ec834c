/** The files of a roadmap folder a page was given: roadmap.json and the county projects by code. */
export interface RoadmapFolderFiles<F> {
  /** the folder's name ('' when single files were picked) */
  folder: string;
  index: F | null;
  counties: Map<string, F>;
}

const COUNTY_FILE = /^(?:counties\/)?(\d{6})\.gpkg$/;

/**
 * Sorts the files of a folder picker (paths relative to the picked folder's parent: 'roadmap/counties/520102.gpkg')
 * or of a multiple-file pick (bare names: 'roadmap.json', '520102.gpkg') into the roadmap's index and its county
 * projects. Only roadmap.json at the folder's top and counties/<code>.gpkg (or a bare <code>.gpkg) count; anything
 * deeper or otherwise named is ignored.
 * @example roadmapFolderFiles([{ path: 'r/roadmap.json', file: a }, { path: 'r/counties/520102.gpkg', file: b }]).counties.get('520102') === b
 */
export function roadmapFolderFiles<F>(entries: readonly { path: string; file: F }[]): RoadmapFolderFiles<F> {
  const out: RoadmapFolderFiles<F> = { folder: '', index: null, counties: new Map() };
  for (const { path, file } of entries) {
    const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
    // a folder pick names the folder first; a file pick gives bare names
    const inFolder = parts.length > 1 ? parts.slice(1) : parts;
    if (parts.length > 1 && !out.folder) out.folder = parts[0];
    const rel = inFolder.join('/');
    if (rel === 'roadmap.json') out.index = file;
    const m = COUNTY_FILE.exec(rel);
    if (m) out.counties.set(m[1], file);
  }
  return out;
}
