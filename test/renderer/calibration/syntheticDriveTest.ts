import { linksFromProject, matchDriveTest, predictLinks, type DriveTestRecord } from '../../../core/calibration';
import { coverageContextFromProject } from '../../../core/coverage';
import type { Project } from '../../../core/model';
import { DEFAULT_PROPAGATION_MODEL } from '../../../core/propagation';

/** What a synthetic drive test is: how many sites, how far the points reach, the offset from the model. */
export interface SyntheticDriveTestOptions {
  /** measured = the project's model − offsetDb (+ noise): a known error for calibration to find, dB */
  offsetDb: number;
  /** the first `sites` sites with sectors are driven */
  sites: number;
  /** ± this much deterministic noise, dB */
  noiseDb?: number;
  distancesM?: readonly number[];
}

/**
 * A plain drive-test CSV (lon, lat, rsrp, site_id) for a project: points along each driven sector's azimuth (and
 * ±20°) at `distancesM`, RSRP = the project's model prediction at the point as the coverage engine sees it (the
 * same links calibration uses) − offsetDb + a deterministic ripple; plus two rows that cannot match (an unknown
 * cell id, a point far outside the grid), so the matching report has reasons. Test data, not measurements.
 * @example const { csv } = syntheticDriveTest(project, { offsetDb: 8, sites: 6 })
 */
export function syntheticDriveTest(project: Project, options: SyntheticDriveTestOptions): { csv: string; records: DriveTestRecord[] } {
  const distances = options.distancesM ?? [150, 300, 500, 800, 1200, 1800];
  const noise = options.noiseDb ?? 3;
  const driven = project.sites.filter((s) => s.sectors.length > 0).slice(0, options.sites);
  const records: DriveTestRecord[] = [];
  for (const site of driven) {
    for (const sector of site.sectors) {
      for (const turnDeg of [-20, 0, 20]) {
        const bearing = ((sector.azimuthDeg + turnDeg) * Math.PI) / 180;
        for (const dM of distances) {
          const latDeg = site.latDeg + (dM * Math.cos(bearing)) / 111_320;
          const lonDeg = site.lonDeg + (dM * Math.sin(bearing)) / (111_320 * Math.cos((site.latDeg * Math.PI) / 180));
          records.push({ file: 'synthetic.csv', line: records.length + 2, lonDeg, latDeg, rsrpDbm: NaN, cellRef: site.id });
        }
      }
    }
  }
  const { points } = matchDriveTest(records, project.sites, { grid: project.grid, maxRangeM: project.settings.radio.maxRangeM });
  const links = linksFromProject(coverageContextFromProject(project), project.sites, points);
  const predicted = predictLinks(project.propagationModel ?? DEFAULT_PROPAGATION_MODEL, links);
  const rows: string[] = ['lon,lat,rsrp,site_id'];
  const out: DriveTestRecord[] = [];
  points.forEach((p, i) => {
    if (!Number.isFinite(predicted[i])) return;
    const rsrpDbm = Math.round((predicted[i] - options.offsetDb + noise * Math.sin(1.7 * i)) * 10) / 10;
    const r = records[p.record];
    rows.push(`${r.lonDeg.toFixed(6)},${r.latDeg.toFixed(6)},${rsrpDbm},${r.cellRef}`);
    out.push({ ...r, line: rows.length, rsrpDbm });
  });
  const s0 = driven[0];
  rows.push(`${s0.lonDeg.toFixed(6)},${(s0.latDeg + 0.002).toFixed(6)},-95,NO-SUCH-CELL`);
  rows.push(`${(s0.lonDeg + 5).toFixed(6)},${s0.latDeg.toFixed(6)},-95,${s0.id}`);
  return { csv: rows.join('\n') + '\n', records: out };
}
