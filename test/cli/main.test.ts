import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

describe('qcplan main', () => {
  it('prints help and exits 0 for --help', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('Usage: qcplan <command>');
  });
  it('exits 2 for no command and for an unknown command', async () => {
    expect(await main([], capture().io)).toBe(2);
    const c = capture();
    expect(await main(['nope'], c.io)).toBe(2);
    expect(c.err.join('')).toContain("unknown command 'nope'");
  });
});

describe('progress lines and messages', () => {
  it('ends an open progress line before an error or a result, so nothing is glued to it', async () => {
    const { lineSafeIo, progressReporter } = await import('../../cli/progress');
    const c = capture();
    const io = lineSafeIo(c.io);
    const progress = progressReporter(io, 'scoring');
    progress.update(0.5);
    progress.update(0.8);
    io.stderr('qcplan score: out of memory\n');
    progress.update(0.9);
    io.stdout('result\n');
    progress.update(1);
    progress.done();
    io.stderr('next\n');
    expect(c.err.join('')).toBe('\rscoring: 50 %\rscoring: 80 %\nqcplan score: out of memory\n\rscoring: 90 %\n\rscoring: 100 %\nnext\n');
    expect(c.out.join('')).toBe('result\n');
  });
});

describe('--workers', () => {
  it('is capped at the cores the machine has, saying so; bad values are usage errors', async () => {
    const { workerCount } = await import('../../cli/workerCount');
    const c = capture();
    expect(workerCount(undefined, c.io, 2)).toBeUndefined();
    expect(workerCount('0', c.io, 2)).toBe(0);
    expect(workerCount('2', c.io, 2)).toBe(2);
    expect(workerCount('1000', c.io, 2)).toBe(2);
    expect(c.err.join('')).toBe('--workers 1000: this machine has 2 cores; using 2 workers\n');
    for (const bad of ['-1', '1.5', 'x', '1e3', '']) expect(() => workerCount(bad, c.io, 2)).toThrow(/--workers must be a whole number/);
  });

  it('qcplan score --workers 1000 runs on the cores there are', async () => {
    const c = capture();
    expect(await main(['score', 'samples/renhuai.gpkg', '--workers', '1000', '--top', '1'], c.io)).toBe(0);
    expect(c.err.join('')).toMatch(/--workers 1000: this machine has \d+ cores?; using \d+ workers\n/);
  }, 120_000);
});
