import { main } from './main';

// Entry for bin/qcplan.mjs: wires process streams; --quiet silences stderr progress.
const argv = process.argv.slice(2);
const quiet = argv.includes('--quiet');
const code = await main(
  argv.filter((a) => a !== '--quiet'),
  {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => {
      if (!quiet) process.stderr.write(t);
    },
    cwd: process.cwd(),
  },
);
process.exitCode = code;
