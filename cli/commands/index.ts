import type { CliCommand } from '../command';
import { calibrateCommand } from './calibrate';
import { exportCommand } from './export';
import { importCommand } from './import';
import { predictCommand } from './predict';
import { provinceCommand } from './province';
import { roadmapCommand } from './roadmap';
import { scoreCommand } from './score';
import { suggestCommand } from './suggest';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [scoreCommand, importCommand, exportCommand, calibrateCommand, predictCommand, suggestCommand, provinceCommand, roadmapCommand];
