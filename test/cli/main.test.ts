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
