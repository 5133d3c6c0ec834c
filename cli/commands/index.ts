import type { CliCommand } from '../command';
import { calibrateCommand } from './calibrate';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { newCommand } from './new';
import { landUseCommand } from './landuse';
import { predictCommand } from './predict';
import { provinceCommand } from './province';
import { roadmapCommand } from './roadmap';
import { scoreCommand } from './score';
import { suggestCommand } from './suggest';
import { templateCommand } from './template';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [
  newCommand, infoCommand, templateCommand, scoreCommand, importCommand, landUseCommand, exportCommand, calibrateCommand, predictCommand, suggestCommand, provinceCommand, roadmapCommand,
];
