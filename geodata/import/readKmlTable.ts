import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { fail, ok, type Result } from '../../core/result';
import { decodeText } from '../text';
import { IMPORT_LIMITS } from './importLimits';
import { featuresToTable } from './readGeoJsonTable';
import type { RawTable } from './types';

/**
 * Reads KML placemarks (@tmcw/togeojson over @xmldom/xmldom) into raw records: name, description and
 * ExtendedData fields become fields; rows count placemarks from 1. KML is WGS-84 by definition (OGC 07-147r2),
 * but 奥维/Chinese map exports are often GCJ-02: the caller says which. Files declaring XML entities
 * (<!ENTITY>: billion laughs, external entities) are refused ('bad-file'); KML never needs them. More than
 * IMPORT_LIMITS.maxRows placemarks is 'too-large'.
 * @example readKmlTable(bytes).value.records[0].fields.get('name')
 */
export function readKmlTable(bytes: Uint8Array, format: 'kml' | 'kmz' = 'kml'): Result<RawTable> {
  const text = decodeText(bytes).text;
  if (/<!ENTITY/i.test(text)) return fail('bad-file', 'the KML declares XML entities (<!ENTITY>), which KML never uses; refused as a possible entity-expansion attack', { code: 'xmlEntities' });
  let doc;
  try {
    doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(text, 'text/xml');
  } catch (err) {
    return fail('bad-file', `not valid KML (XML): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { code: 'notKml' });
  }
  if (doc.documentElement?.localName !== 'kml') return fail('bad-file', `not KML: the root element is <${doc.documentElement?.localName ?? ''}>`, { code: 'notKml' });
  const placemarks = doc.getElementsByTagName('Placemark').length;
  if (placemarks > IMPORT_LIMITS.maxRows) return fail('too-large', `${placemarks} placemarks; at most ${IMPORT_LIMITS.maxRows} are imported`, { code: 'tooManyRows', params: { count: placemarks, max: IMPORT_LIMITS.maxRows } });
  try {
    return ok(featuresToTable(format, kml(doc).features));
  } catch (err) {
    return fail('bad-file', `unreadable KML: ${err instanceof Error ? err.message : String(err)}`, { code: 'notKml' });
  }
}
