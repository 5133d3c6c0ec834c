import { polygonMask } from '../../core/grid/polygonMask';
import type { PopulationDetails, Project, TerrainDetails } from '../../core/model';
import { SITE_KINDS, SITE_STATUSES } from '../../core/model';
import { countyByCode } from '../../geodata/counties';
import { populationLayerLabel, terrainLayerLabel } from '../../geodata/defaults';
import { placesToLocateInCounty } from '../../geodata/places';

/** What a project rests on, as qcplan info prints it (JSON); the text form says the same for a person. */
export interface ProjectInfo {
  name: string;
  county: { code: string; name: string; nameEn?: string; prefecture?: string };
  seat: { lonLat: [number, number]; nameZh: string } | null;
  grid: { cellSizeM: number; cols: number; rows: number; cells: number; countyCells: number; countyAreaKm2: number; crs: string };
  population: {
    total: number;
    source: string;
    provenance: string;
    /** 'census-raster', 'census-model' or 'raster-file' when the file says */
    method?: string;
    censusTotal?: number;
    censusSource?: string;
    label: string;
  } | null;
  terrain: {
    minM: number;
    maxM: number;
    source: string;
    provenance: string;
    method?: string;
    resolutionM?: number;
    isCoarse: boolean;
    voids?: TerrainDetails['voids'];
    tiles?: string[];
    label: string;
    caveat?: string;
  } | null;
  sites: { existing: number; planned: number; proposed: number; total: number; byKind: Record<string, number>; candidates: number };
  places: { located: number; byCategory: Record<string, number>; catalogueToLocate: number };
  olts: number;
  roads: number;
  edits: number;
}

/**
 * Summarises a project for qcplan info: the county, the grid, what the population and terrain rest on (from
 * the layers' details when the file has them, else from their values), the sites by status and kind, the places.
 * Population total and heights are over the county's cells.
 * @example const info = projectInfo(project); info.population?.total
 */
export function projectInfo(project: Project): ProjectInfo {
  const county = countyByCode(project.countyCode);
  const mask = polygonMask(project.grid, project.boundary);
  let countyCells = 0;
  for (const m of mask) countyCells += m;
  let population: ProjectInfo['population'] = null;
  if (project.population) {
    let total = 0;
    const v = project.population.values;
    for (let i = 0; i < v.length; i++) if (mask[i] && v[i] > 0) total += v[i];
    const d = project.population.details?.kind === 'population' ? (project.population.details as PopulationDetails) : undefined;
    population = {
      total, source: project.population.source, provenance: project.population.provenance,
      ...(d && { method: d.method }), ...(d?.censusTotal !== undefined && { censusTotal: d.censusTotal }), ...(d?.censusSource && { censusSource: d.censusSource }),
      label: populationLayerLabel(project.population, 'en').label,
    };
  }
  let terrain: ProjectInfo['terrain'] = null;
  if (project.terrain) {
    let minM = Infinity;
    let maxM = -Infinity;
    const v = project.terrain.values;
    for (let i = 0; i < v.length; i++) {
      if (!mask[i] || Number.isNaN(v[i])) continue;
      if (v[i] < minM) minM = v[i];
      if (v[i] > maxM) maxM = v[i];
    }
    const d = project.terrain.details?.kind === 'terrain' ? (project.terrain.details as TerrainDetails) : undefined;
    const label = terrainLayerLabel(project.terrain, 'en');
    terrain = {
      minM, maxM, source: project.terrain.source, provenance: project.terrain.provenance,
      ...(d && { method: d.method, resolutionM: d.resolutionM }),
      isCoarse: d?.method === 'shipped-coarse' || project.terrain.provenance === 'synthetic',
      ...(d?.voids && { voids: d.voids }), ...(d?.tiles && { tiles: d.tiles.map((t) => t.name) }),
      label: label.label, ...(label.caveat && { caveat: label.caveat }),
    };
  }
  const count = <T extends string>(keys: readonly T[], of: (k: T) => number) => Object.fromEntries(keys.map((k) => [k, of(k)])) as Record<T, number>;
  const byStatus = count(SITE_STATUSES, (s) => project.sites.filter((x) => x.status === s).length);
  const byCategory: Record<string, number> = {};
  for (const p of project.places) byCategory[p.category] = (byCategory[p.category] ?? 0) + 1;
  return {
    name: project.name,
    county: { code: project.countyCode, name: county?.name ?? project.countyCode, ...(county && { nameEn: county.nameEn, prefecture: county.prefecture }) },
    seat: project.seat ? { lonLat: project.seat.lonLat, nameZh: project.seat.nameZh } : null,
    grid: {
      cellSizeM: project.grid.cellSizeM, cols: project.grid.cols, rows: project.grid.rows, cells: project.grid.cols * project.grid.rows,
      countyCells, countyAreaKm2: (countyCells * project.grid.cellSizeM ** 2) / 1e6, crs: project.grid.crs,
    },
    population,
    terrain,
    sites: { ...byStatus, total: project.sites.length, byKind: count(SITE_KINDS, (k) => project.sites.filter((x) => x.kind === k).length), candidates: project.candidates.length },
    places: { located: project.places.length, byCategory, catalogueToLocate: placesToLocateInCounty(project.countyCode).length },
    olts: project.olts.length,
    roads: project.roads?.features.length ?? 0,
    edits: project.history?.length ?? 0,
  };
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The same summary for a person, in English with the county's Chinese name, one fact a line.
 * @example io.stdout(formatProjectInfo(projectInfo(project), 'weining.gpkg'));
 */
export function formatProjectInfo(info: ProjectInfo, file: string): string {
  const lines: string[] = [];
  const c = info.county;
  lines.push(`${c.name} (${c.code}${c.prefecture ? `, ${c.prefecture}` : ''}${c.nameEn ? `, ${c.nameEn}` : ''}): ${file}`);
  if (info.name !== c.name) lines.push(`Project:    ${info.name}`);
  const g = info.grid;
  lines.push(`Grid:       ${g.cellSizeM} m cells, ${int(g.cols)} x ${int(g.rows)} (${(g.cells / 1e6).toFixed(1)} M), ${int(g.countyAreaKm2)} km2 in the county`);
  const p = info.population;
  lines.push(p
    ? `Population: ${int(p.total)} people: ${p.label.replace(/^Population: /, '')}`
    : 'Population: none: the people-based KPIs cannot be computed (load a population raster)');
  if (p?.censusSource) lines.push(`            census source: ${p.censusSource}`);
  const t = info.terrain;
  lines.push(t
    ? `Terrain:    ${int(t.minM)}-${int(t.maxM)} m: ${t.label.replace(/^Terrain: /, '')}${t.caveat ? `. ${t.caveat}` : ''}`
    : 'Terrain:    none: flat ground, no shadowing by hills (qcplan new --dem TILES... loads a DEM)');
  if (t?.isCoarse) lines.push('            load a finer DEM: qcplan new <county> --dem N26E104.hgt ... (SRTM 1"/3" .hgt or GeoTIFF tiles, or a .zip)');
  if (t?.voids) lines.push(`            voids filled: ${(t.voids.shareOfCounty * 100).toFixed(2)} % of the county (${t.voids.areaKm2InCounty.toFixed(2)} km2), ${t.voids.method}`);
  const s = info.sites;
  lines.push(`Sites:      ${s.existing} existing, ${s.planned} planned, ${s.proposed} proposed (${s.byKind.macro} macro, ${s.byKind.micro} micro, ${s.byKind.indoor} indoor); ${s.candidates} candidate locations`);
  if (s.existing === 0) lines.push('            no existing network yet: import the operator\'s site list (qcplan template sites --out 工参模板.xlsx; qcplan import P.gpkg sites FILE)');
  const cats = Object.entries(info.places.byCategory).map(([k, n]) => `${n} ${k}`).join(', ');
  lines.push(`Places:     ${info.places.located} located${cats ? ` (${cats})` : ''}${info.places.catalogueToLocate ? `; ${info.places.catalogueToLocate} more in the catalogue without coordinates` : ''}`);
  lines.push(`Fibre:      ${info.olts} OLTs, ${info.roads} road features`);
  if (info.seat) lines.push(`Seat:       ${info.seat.nameZh} ${info.seat.lonLat[0].toFixed(5)}, ${info.seat.lonLat[1].toFixed(5)} (WGS-84)`);
  lines.push(`Edit log:   ${info.edits} entries`);
  return lines.join('\n') + '\n';
}
