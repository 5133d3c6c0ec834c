import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };

/** Which rules the imports among `files` (path -> source) break, as rule names. */
async function brokenRules(root: string, files: Record<string, string>): Promise<string[]> {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(Object.keys(files), {
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsPreCompilationDeps: true,
    });
    const output = result.output as { summary: { violations: { rule: { name: string } }[] } };
    return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    process.chdir(cwd);
  }
}

describe('layer rules (.dependency-cruiser.cjs)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'qc-layers-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names the rule an import breaks', async () => {
    const dir = path.join(root, 'breaks');
    const broken = await brokenRules(dir, {
      'core/a.ts': "import { b } from '../geodata/b';\nexport const a = b;\n",
      'geodata/b.ts': "export const b = 1;\n",
      'renderer/c.ts': "import { e } from '../electron/e';\nexport const c = e;\n",
      'electron/e.ts': "import { f } from '../cli/f';\nexport const e = f;\n",
      'cli/f.ts': "import { g } from '../renderer/g';\nexport const f = g;\n",
      'renderer/g.ts': 'export const g = 1;\n',
      'disk/h.ts': "import { e } from '../electron/e';\nexport const h = e;\n",
    });
    expect(broken).toEqual([
      'cli-imports-only-core-geodata-disk-cli',
      'core-imports-only-core',
      'disk-imports-only-core-geodata-contract-disk',
      'electron-imports-only-core-geodata-contract-disk-electron',
      'renderer-imports-only-core-geodata-contract-renderer-samples',
    ]);
  });

  it('finds cycles and Node built-ins where they may not be', async () => {
    const dir = path.join(root, 'cycles');
    const broken = await brokenRules(dir, {
      'core/x.ts': "import { y } from './y';\nexport const x = () => y;\n",
      'core/y.ts': "import { x } from './x';\nexport const y = () => x;\n",
      'geodata/fsUser.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    });
    expect(broken).toEqual(['core-geodata-no-node-builtins', 'no-cycles']);
  });

  it('lets each layer import what it may', async () => {
    const dir = path.join(root, 'fine');
    const broken = await brokenRules(dir, {
      'core/a.ts': 'export const a = 1;\n',
      'geodata/b.ts': "import { a } from '../core/a';\nexport const b = a;\n",
      'contract/c.ts': "import { a } from '../core/a';\nexport const c = a;\n",
      'disk/d.ts': "import { b } from '../geodata/b';\nimport { c } from '../contract/c';\nexport const d = b + c;\n",
      'renderer/r.ts': "import { b } from '../geodata/b';\nimport { c } from '../contract/c';\nexport const r = b + c;\n",
      'electron/e.ts': "import { d } from '../disk/d';\nimport { c } from '../contract/c';\nexport const e = d + c;\n",
      'cli/f.ts': "import { d } from '../disk/d';\nimport { b } from '../geodata/b';\nexport const f = d + b;\n",
    });
    expect(broken).toEqual([]);
  });
});
