import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zh } from '../../renderer/i18n/zh';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('UI strings', () => {
  const zhLeaves = leaves(zh as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  it('has the same keys in Chinese and English, none empty, with the same {{placeholders}}', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
    for (const [key, zhText] of zhLeaves) {
      const enText = enLeaves.get(key)!;
      expect(zhText.trim(), key).not.toBe('');
      expect(enText.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(vars(enText), key).toEqual(vars(zhText));
    }
  });

  it('keeps Chinese text out of components: every visible string goes through i18n', () => {
    const offenders: string[] = [];
    for (const file of files('renderer').filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(`${path.sep}i18n${path.sep}`))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, '');
          if (/[\u4e00-\u9fff]/.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
