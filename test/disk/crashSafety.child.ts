// Child process of crashSafety.test.ts (bundled by esbuild, run by plain node): saves two versions of a
// project alternately with atomicWriteFile, forever, until the parent kills it with SIGKILL.
import { readFileSync } from 'node:fs';
import { atomicWriteFile } from '../../disk/atomicWriteFile';

const [target, fileA, fileB] = process.argv.slice(2);
const versions = [readFileSync(fileA), readFileSync(fileB)].map((b) => new Uint8Array(b));

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await atomicWriteFile(target, versions[i % 2]);
}
void main();
