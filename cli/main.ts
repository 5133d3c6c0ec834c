import { commands } from './commands/index';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './command';
import { lineSafeIo } from './progress';

const HELP = () =>
  [
    'qcplan: Qiancheng coverage planner command line',
    '',
    'Usage: qcplan <command> [options]   (qcplan <command> --help for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 failed, 2 bad usage.',
  ].join('\n');

/** Runs one qcplan invocation; returns the exit code. `argv` excludes node and the script path. */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Every message ends an open progress line first: an error is never glued to "scoring: 80 %".
  const io = lineSafeIo(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP() + '\n');
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`qcplan: unknown command '${name}'\n\n${HELP()}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`qcplan ${name}: ${err.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`qcplan ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILED;
  }
}
