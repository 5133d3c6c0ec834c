import type { BuildListCostSource } from '../../core/buildList';
import type { Language } from '../../core/text';
import type { ExportCrs } from './exportCrs';

/** How a build list is written: coordinate system, language, and what the summary and notes say. */
export interface BuildListExportOptions {
  /** WGS-84 (default) or GCJ-02, named in the file */
  crs?: ExportCrs;
  /** the file's language: Chinese (default, the deliverable) or English */
  language?: Language;
  /** the title on the XLSX summary sheet */
  title?: string;
  /** when the list was made, written as local time (XLSX summary); none: not written */
  generatedAt?: Date;
  /** the unit costs behind the rows (buildListCostSources), cited in the XLSX notes sheet */
  costSources?: readonly BuildListCostSource[];
}
