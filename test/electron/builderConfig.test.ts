import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The installer configuration cannot be exercised here (no Electron download); check what it promises.
const yml = readFileSync('electron-builder.yml', 'utf8');

describe('electron-builder.yml', () => {
  it('targets Windows NSIS, macOS dmg, Linux AppImage and deb', () => {
    expect(yml).toMatch(/win:\s+target:\s+- target: nsis/);
    expect(yml).toMatch(/mac:[\s\S]*- target: dmg/);
    expect(yml).toMatch(/linux:[\s\S]*- AppImage[\s\S]*- deb/);
  });
  it('packs only the built app and flips the security fuses', () => {
    expect(yml).toMatch(/files:\s+- out\/\*\*\s+- package.json/);
    for (const fuse of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableCookieEncryption: true', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true']) {
      expect(yml).toContain(fuse);
    }
  });
  it('keeps every renderer library out of the shipped dependencies (Vite bundles them)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(pkg.main).toBe('out/main/main.js');
  });
});
