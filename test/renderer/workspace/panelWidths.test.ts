import { describe, expect, it } from 'vitest';
import { defaultPanelWidths, fitPanelWidths, loadPanelWidths, MIN_MAP_PX, savePanelWidths } from '../../../renderer/workspace/panelWidths';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('panel widths', () => {
  it('defaults leave the map most of a 1366 px window and grow at 1920', () => {
    const small = defaultPanelWidths(1366);
    expect(small.left).toBe(423);
    expect(small.right).toBe(328);
    expect(1366 - small.left - small.right).toBeGreaterThan(MIN_MAP_PX);
    const large = defaultPanelWidths(1920);
    expect(large.left).toBeGreaterThan(small.left);
    expect(large.right).toBeGreaterThan(small.right);
  });

  it('remembers what was dragged, and falls back on unreadable values', () => {
    const storage = memoryStorage();
    expect(loadPanelWidths(storage)).toEqual({});
    savePanelWidths({ left: 500, right: 300 }, storage);
    expect(loadPanelWidths(storage)).toEqual({ left: 500, right: 300 });
    storage.setItem('qc.panelWidths.v1', JSON.stringify({ left: 'wide', right: 10, leftBuildList: 700 }));
    expect(loadPanelWidths(storage)).toEqual({ leftBuildList: 700 });
    storage.setItem('qc.panelWidths.v1', '{not json');
    expect(loadPanelWidths(storage)).toEqual({});
  });

  it('never squeezes the map below its minimum when the window shrinks', () => {
    const shown = fitPanelWidths({ left: 900, right: 500 }, 1366);
    expect(1366 - shown.left - shown.right).toBeGreaterThanOrEqual(MIN_MAP_PX);
  });
});
