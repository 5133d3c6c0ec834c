import type { FibreFeeder } from '../ftth/fibreUpgrades';
import type { Catalogue, ProblemReason } from './catalogue';
import type { Numbers } from './numbers';

const q = (s: string | number) => `‘${s}’`;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const VOCABULARIES: Record<string, string> = {
  siteKind: 'macro, micro, indoor (宏站, 微站, 室分)',
  siteStatus: 'existing, planned, proposed (现网, 规划, 建议)',
  buildMethod: 'new-tower, shared-tower, smart-pole, rooftop, indoor-system',
  band: 'n78, n41, n28, n79 (or 3.5G, 2.6G, 700M, 4.9G)',
  placeCategory: 'business_district, business_building, transport_hub, hospital, school, government, community, dev_zone, scenic, township, line (or the Chinese words)',
};

/** What an import problem is about (geodata/import outsideCountyCode, duplicates) and the site kinds, in words. */
const WHAT_WORDS: Record<string, string> = { site: 'site', place: 'place', OLT: 'OLT' };
const KIND_WORDS: Record<string, string> = { macro: 'macro site', micro: 'micro site', indoor: 'indoor site' };

function problem({ code, params = {} }: ProblemReason): string | undefined {
  const p = params;
  switch (code) {
    case 'required': return 'is required';
    case 'notNumber': return `${q(p.value)} is not a number`;
    case 'decimalComma': return `${q(p.value)} has a comma that is not a thousands separator (1,234): write a decimal with a point, e.g. 12.5`;
    case 'outOfRange': return `${p.value} is outside ${p.min}..${p.max}`;
    case 'notWholeNumber': return `${p.value} is not a whole number`;
    case 'listItemNotNumber': return `${q(p.value)} is not a number in ${p.min}..${p.max}`;
    case 'notOneOf': return `${q(p.value)} is not one of ${VOCABULARIES[String(p.vocabulary)] ?? p.vocabulary}`;
    case 'notLonLatPairs': return `${q(p.value)} is not a list of ‘lon lat’ pairs separated by ‘;’`;
    case 'lonLatNotNumbers': return 'longitude and latitude must be numbers';
    case 'outsideChina': return `(${p.lon}, ${p.lat}) is outside China (73-136 E, 3-54 N)`;
    case 'noCoordinates': return 'the geometry has no coordinates';
    case 'vertexAxesSwapped': return `vertex (${p.lon}, ${p.lat}) has its axes the other way round`;
    case 'lonLatSwapped': return `longitude and latitude look swapped (${p.lon}, ${p.lat}); used as (${p.lat}, ${p.lon})`;
    case 'geometrySwapped': return 'longitude and latitude look swapped; swapped back';
    case 'wrongGeometry': return `${p.expected === 'point' ? 'must be a point' : 'must be a point, polygon or line'}, got ${p.got}`;
    case 'duplicateSite': return `duplicate site ${q(p.key)} ${p.distanceM} m from row ${p.firstRow}`;
    case 'duplicateId': return `duplicate id ${q(p.id)} (first on row ${p.firstRow})`;
    case 'keyPoint': {
      const inner = p.inner ? problem({ code: String(p.inner), params }) : undefined;
      return inner ? `key point: ${inner}` : undefined;
    }
    case 'heightOutOfRange': return `height ${p.value} m is outside ${p.min}..${p.max} m for a ${KIND_WORDS[String(p.kind)] ?? p.kind}`;
    case 'noStatus': return 'no status (existing, planned or proposed), and none was chosen for rows without one';
    case 'listCountVsAzimuths': return `${p.count} values for ${p.azimuths} azimuths (one per sector)${Number(p.decimalCommaHint) ? '; a decimal comma such as 12,5 reads as two values: write 12.5' : ''}`;
    case 'listWithoutAzimuths': return `${p.count} values, but no azimuth for each sector${Number(p.decimalCommaHint) ? '; a decimal comma such as 12,5 reads as two values: write 12.5' : ''}`;
    case 'tooManySectors': return `${p.count} sectors; a site has at most ${p.max}`;
    case 'mergedTooManySectors': return `with site ${q(p.key)} of row ${p.firstRow} it would have ${p.count} sectors; a site has at most ${p.max}`;
    case 'outsideCounty': return `${WHAT_WORDS[String(p.what)] ?? p.what} ${q(p.name)} is ${p.distanceKm} km outside ${p.county} (distance to the county boundary)`;
    case 'outsideCountyKept': return `${WHAT_WORDS[String(p.what)] ?? p.what} ${q(p.name)} is ${p.distanceKm} km outside ${p.county}: kept as asked, left out of the coverage until moved into the county`;
    case 'outsideGuizhou': return `(${p.lon}, ${p.lat}) is outside Guizhou (${p.lonMin}-${p.lonMax} E, ${p.latMin}-${p.latMax} N)`;
    case 'costOutOfRange': return `cost ${p.value} CNY is outside ${p.min}..${p.max} CNY`;
    case 'conflictingDuplicate': return `rows ${p.firstRow} and ${p.row} both give ${WHAT_WORDS[String(p.what)] ?? p.what} ${q(p.key)} but differ${p.differences ? `: ${p.differences}` : ''}`;
    case 'exactRepeat': return `repeats ${WHAT_WORDS[String(p.what)] ?? p.what} ${q(p.key)} of row ${p.firstRow} exactly; skipped`;
    case 'tooFewPoints': return `${p.shape === 'line' ? 'a line' : 'an area'} needs at least ${p.need} different points, got ${p.got}`;
    case 'outlinePoint': {
      const inner = p.inner ? problem({ code: String(p.inner), params }) : undefined;
      return inner ? `outline point: ${inner}` : undefined;
    }
    case 'noNameColumn': return `no name column (such as 站名, 名称 or name); the file's headers: ${p.found || 'none'}`;
    case 'noLonLatColumns': return `no longitude/latitude columns (经度/lon and 纬度/lat); the file's headers: ${p.found || 'none'}`;
    case 'emptyFile': return 'the file is empty';
    case 'tooLarge': return `the file is ${p.sizeMb} MB; at most ${p.maxMb} MB are read`;
    case 'noRsrp': return 'no serving RSRP (no service): skipped';
    case 'noGpsFix': return 'position 0, 0 (no GPS fix): skipped';
    case 'noServingCell': return 'no serving cell id or PCI: skipped';
    case 'contestNeedsCrs': return 'the 2019 contest layout gives planar metres (X, Y): name their coordinate system (e.g. EPSG:32649)';
    case 'contestNoRsrp': return 'the contest layout has no RSRP column (a test file): nothing to calibrate';
    case 'driveTestNoColumns': return `no column for ${String(p.missing).split(',').join(', ')} (accepted headers: ${p.accepted})`;
    case 'driveTestNoCellColumn': return `no serving-cell column: give a cell or site id (${p.accepted}, ...) or a PCI column`;
    case 'tooManyRows': return `${p.count} records; at most ${p.max} are imported (split the file)`;
    case 'tooManyPositions': return `${p.count} coordinate positions; at most ${p.max} are imported`;
    case 'lineTooLong': return `line ${p.line} is ${p.sizeMb} MB long; at most ${p.maxMb} MB per line are read`;
    case 'binaryNotCsv': return 'not a text (CSV) file: it contains binary data';
    case 'notZip': return 'not a readable zip file';
    case 'notKmz': return 'not a readable KMZ file (a zipped KML)';
    case 'notXlsx': return 'not a readable Excel workbook (XLSX)';
    case 'zipTooManyEntries': return `the zip holds ${p.count} files; at most ${p.max} are read`;
    case 'zipForged': return 'the zip directory does not match its contents; refused as a possible zip bomb';
    case 'zipTooLarge': return `it would inflate to ${p.sizeMb} MB; at most ${p.maxMb} MB are read (zip bomb?)`;
    case 'zipEntryBroken': return 'a file in the zip cannot be inflated; the file may be damaged';
    case 'kmzNoKml': return 'the KMZ holds no KML file';
    case 'noWorksheet': return 'the workbook has no worksheet';
    case 'worksheetsEmpty': return 'every worksheet is empty';
    case 'xmlEntities': return 'the KML declares XML entities, which KML never uses; refused as a possible entity-expansion attack';
    case 'notKml': return 'not a valid KML file';
    case 'notJson': return 'not a valid JSON file';
    case 'jsonTooDeep': return `the JSON is nested deeper than ${p.max} levels (GeoJSON needs about 10)`;
    case 'notGeoJson': return 'not GeoJSON: expected a FeatureCollection or a Feature';
    case 'notGeoJsonFeature': return `not GeoJSON: feature ${p.index} is not a Feature`;
    default: return undefined;
  }
}

function feeder(f: FibreFeeder, n: Numbers): string {
  switch (f.kind) {
    case 'olt': return `fed from ${f.oltName} at ${n.fixed(f.distanceKm, 1)} km by route${f.isCardsCostedHere ? ' (its new 10G-PON cards costed here)' : ''}`;
    case 'newOlt': return `fed from new OLT site ${f.index} at ${n.fixed(f.distanceKm, 1)} km`;
    case 'beyondReach': return `nearest OLT ${f.nearestOltKm === null ? 'unreachable' : `${n.fixed(f.nearestOltKm, 1)} km by route`}, beyond the optical budget; site, power and room not costed`;
  }
}

/** English: the same words for a planner who works in English (glossary.md). */
export const EN: Catalogue = {
  language: 'en',
  locale: 'en-GB',
  listSeparator: '; ',
  nameSeparator: ', ',
  paren: (text) => ` (${text})`,
  labelled: (label, text) => `${label}: ${text}`,
  units: { wan: '10k CNY', cny: 'CNY' },
  dateTime: ({ year, month, day, hour, minute }) => `${day} ${MONTHS[month - 1]} ${year}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,

  marks: { estimate: 'est.', unverified: 'unverified', modelled: 'modelled', weak: 'weak source' },
  markLegend: {
    estimate: 'est.: an estimate (chosen for the tool, or priced from the unit-cost table), not a measurement or a quote.',
    unverified: 'unverified: a figure often quoted but not found in a citable original; check the original before relying on it.',
    modelled: 'modelled: computed by the propagation or population model, not measured.',
  },
  citation: ({ title, issuer, year, docNumber, section, isWeak }) =>
    `${title} (${[docNumber, issuer, year].filter((x) => x !== undefined && x !== '').join(', ')})${section ? `, ${section}` : ''}${isWeak ? ' (web material, weak source)' : ''}`,
  plannerSource: (text) => `entered by the planner: ${text}`,

  siteKinds: { macro: 'Macro', micro: 'Micro', indoor: 'Indoor' },
  siteStatuses: { existing: 'Existing', planned: 'Planned', proposed: 'Proposed' },
  buildMethods: { 'new-tower': 'New tower', 'shared-tower': 'Shared tower', 'smart-pole': 'Smart pole', rooftop: 'Rooftop', 'indoor-system': 'Indoor system' },
  bands: { n78: 'n78 3.5 GHz', n41: 'n41 2.6 GHz', n28: 'n28 700 MHz', n79: 'n79 4.9 GHz' },
  placeCategories: {
    business_district: 'Business district', business_building: 'Business building', transport_hub: 'Transport hub', hospital: 'Hospital',
    school: 'School / university', government: 'Government centre', community: 'Large community', dev_zone: 'Development zone',
    scenic: '4A/5A scenic area', township: 'Township / village', line: 'Rail / road',
  },
  environments: { outdoor: 'outdoor', indoor: 'indoor' },
  kpiNames: {
    popCoverageOutdoor: 'Population coverage (outdoor)',
    popCoverageIndoor: 'Population coverage (indoor)',
    areaCoverageOutdoor: 'Area coverage (outdoor)',
    areaCoverageIndoor: 'Area coverage (indoor)',
    popCoverageUrban: 'Urban population coverage',
    popCoverageRural: 'Rural population coverage',
    keyPlaceReach: 'Key places reached by 5G',
    sitesPer10k: '5G sites per 10,000 residents',
    dlMeanBuiltUpMbps: 'Mean DL rate, built-up area',
    dlP10BuiltUpMbps: 'DL rate, built-up (10th percentile)',
    householdsGigabit: 'Urban households with gigabit fibre',
    pon10gShare: '10G-PON port share',
    capacityDemandShare: 'Busy-hour demand within target load',
  },
  kpiUnits: { share: '%', per10k: 'per 10k', mbps: 'Mbit/s' },
  kpiStatuses: { green: 'Met', amber: 'Close', red: 'Not met', none: 'No data' },
  gapFixes: { macro: 'Macro', micro: 'Micro', indoor: 'Indoor', optimise: 'Optimise' },

  buildList: {
    types: { macro: 'Macro', micro: 'Micro', indoor: 'Indoor', olt: 'New OLT', xgs_line_card: '10G-PON card upgrade', new_odn: 'New ODN area', new_olt: 'New OLT site' },
    methods: {
      'new-tower': 'New tower', 'shared-tower': 'Shared tower', 'smart-pole': 'Smart pole', rooftop: 'Rooftop', 'indoor-system': 'Indoor system',
      'card-upgrade': 'Card upgrade', 'new-build': 'New build',
    },
    kinds: { site: 'Site', fibre: 'Fibre' },
    statuses: { planned: 'Planned', proposed: 'Proposed' },
    costBasis: { estimate: 'unit-cost table (est.)', given: 'given' },
    columns: {
      priority: 'Priority', id: 'ID', name: 'Name', kind: 'Category', type: 'Type', buildMethod: 'Build method', lon: 'Longitude', lat: 'Latitude',
      county: 'County', township: 'Township', height: 'Height (m)', band: 'Band', azimuths: 'Azimuths (°)', mechanicalTilts: 'Mechanical tilts (°)',
      electricalTilts: 'Electrical tilts (°)', places: 'Places served', newPeople: 'New people covered (modelled)', peopleLost: 'People lost to interference (modelled)',
      newArea: 'New area covered (km², modelled)', cost: 'Estimated cost (10k CNY)', costBasis: 'Cost basis', status: 'Status', notes: 'Notes',
    },
    lonHeader: (crs) => `Longitude (${crs})`,
    latHeader: (crs) => `Latitude (${crs})`,
    sheetName: 'Build list',
    summarySheetName: 'Summary',
    notesSheetName: 'Notes',
    title: (county) => `${county} build list`,
    oltPorts: (xgsPon, gpon) => `${xgsPon} 10G-PON ports, ${gpon} GPON ports`,
    unitCostLabel(type, method) {
      if (type === 'xgs_line_card') return '10G-PON port (each)';
      if (type === 'odnUrban') return 'ODN, urban (per home)';
      if (type === 'odnRural') return 'ODN, rural (per home)';
      const t = (EN.buildList.types as Record<string, string>)[type] ?? type;
      const m = method === undefined ? '' : `${((EN.buildList.methods as Record<string, string>)[method] ?? method).toLowerCase()}, `;
      return `${t} (${m}per site)`;
    },
    fibreLabel: (label) => {
      switch (label.kind) {
        case 'xgsCards': return `${label.oltName}: 10G-PON card upgrade`;
        case 'xgsCapacity': return `${label.oltName}: 10G-PON ports for capacity`;
        case 'odnArea': return `ODN area ${label.index}`;
        case 'newOlt': return `New OLT site ${label.index}`;
      }
    },
    fibreDetail: (d, n) => {
      switch (d.kind) {
        case 'xgsCards':
          return `${n.integer(d.ports)} new 10G-PON ports x ¥${n.integer(d.portCostCny)} (est.); existing ODN (${d.splitScheme}) within the ${n.fixed(d.reachKm, 1)} km ${d.budgetClass} reach`;
        case 'xgsCapacity':
          return `${n.integer(d.gigabitHouseholds)} gigabit households x ${n.percent(d.takeRate, 0)} take rate need ${n.integer(d.portsNeeded)} ports, ${n.integer(d.portsInstalled)} installed; ${n.integer(d.portsShort)} x ¥${n.integer(d.portCostCny)} (est.)`;
        case 'area':
          return `${d.isUrban ? 'urban' : 'rural'} area, split ${d.splitScheme}; ${n.integer(d.ports)} 10G-PON ports x ¥${n.integer(d.portCostCny)} + ${n.integer(d.homes)} homes x ¥${n.integer(d.odnPerHomeCny)} ODN (est.); ${feeder(d.feeder, n)}`;
      }
    },
    summary: {
      title: 'Title', crs: 'Coordinate system', generated: 'Generated', sites: 'Sites (rows)', fibre: 'Fibre (rows)', total: 'Estimated cost, total (10k CNY)',
      estimatedPart: 'of which priced from the unit-cost table (10k CNY)', newPeople: 'New people covered, total (modelled; each site on its own, overlaps not counted)',
      peopleLost: 'People lost to interference, total (modelled)',
      notComputed: 'not computed',
    },
    explanations: {
      heading: 'Notes',
      costs: 'Estimated cost: sites without a cost of their own are priced from the unit-cost table and marked “est.”; the unit costs’ sources are listed under Sources below.',
      newPeople: 'New people covered: people in grid cells that meet the outdoor coverage threshold with this site and miss it without (modelled, never negative); people covered by overlapping sites count for neither, so the sites’ figures add up to less than the plan’s total.',
      peopleLost: 'People lost to interference: people in cells that meet the threshold without this site and fall below it with it, through co-channel interference (modelled); filled in only when above zero.',
      newArea: 'New area covered: as new people covered, in km².',
      priority: 'Priority: planned sites first, then by new people covered per 10k CNY, highest first.',
      crs: (crs) => `Coordinate system: ${crs}.`,
      marksHeading: 'Marks',
      sourcesHeading: 'Sources',
    },
    kmlDescription: (crs) => `coordinate system ${crs}; costs are estimates, new coverage is modelled`,
    kmlPlacemark: ({ type, method, status, cost }) => `${type} · ${method} · ${status} · ${cost} (10k CNY)`,
  },

  importProblems: {
    columns: { file: 'File', row: 'Row', field: 'Field', reason: 'Reason', severity: 'Severity' },
    severities: { error: 'error: row skipped', warning: 'warning: row kept' },
    wholeFile: 'whole file',
    wholeRow: 'whole row',
    reason: problem,
  },
};
