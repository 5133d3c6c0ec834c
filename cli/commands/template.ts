import { access } from 'node:fs/promises';
import { writeCliOutput } from '../inputFiles';
import path from 'node:path';
import { placeTemplateXlsx, siteTemplateXlsx } from '../../geodata/templates';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';

const USAGE = `Usage: qcplan template sites|places --out FILE.xlsx [--force]

Writes an XLSX template with Chinese headers that qcplan import (and the app) read: sites is the operator's
site list (站点工参: 站号, 站名, 经度, 纬度, 类型, 状态, 建设方式, 挂高, 频段, 方位角, 下倾角 ...), places the
priority places (重点场所: 名称, 类别, 经度, 纬度, 半径, 关键点位, 范围 ...). A second sheet (填写说明)
explains every column, its allowed values and units.
  --force   replace FILE when it exists`;

/** `qcplan template`: the site-list and places templates as XLSX. */
export const templateCommand: CliCommand = {
  name: 'template',
  summary: 'write the XLSX template for the site list (工参) or the priority places',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
    if (positionals.length !== 1 || !['sites', 'places'].includes(positionals[0])) throw new UsageError('say which template: sites or places');
    if (!values.out) throw new UsageError('give --out FILE.xlsx');
    const out = path.resolve(io.cwd, values.out);
    if (!values.force && (await access(out).then(() => true, () => false))) {
      io.stderr(`qcplan template: ${values.out} exists (--force replaces it)\n`);
      return EXIT_FAILED;
    }
    await writeCliOutput(values.out, io.cwd, positionals[0] === 'sites' ? await siteTemplateXlsx() : await placeTemplateXlsx(), { inputs: [] });
    io.stdout(`wrote the ${positionals[0]} template to ${values.out}\n`);
    return EXIT_OK;
  },
};
