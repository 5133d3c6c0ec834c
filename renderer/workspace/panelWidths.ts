/** The side panels' widths the planner dragged to, px, remembered across projects and sessions (localStorage). */
export interface PanelWidths {
  /** the lists (gaps, places, sites) */
  left: number;
  /** the lists while the build list is open: it has more columns */
  leftBuildList: number;
  /** KPIs, fibre, suggestions, site editor */
  right: number;
}

const STORAGE_KEY = 'qc.panelWidths.v1';

/** The map keeps at least this much, px: the panels never squeeze it to nothing. */
export const MIN_MAP_PX = 360;
export const MIN_PANEL_PX = 260;

/**
 * Widths that fit the window: at 1366 px the lists get 400 (the place table's six columns, badges on one line),
 * the details 330; on wider screens both grow with the window. The build list takes about half the window.
 */
export function defaultPanelWidths(windowPx: number): PanelWidths {
  return {
    left: Math.round(Math.min(560, Math.max(360, windowPx * 0.31))),
    leftBuildList: Math.round(Math.max(560, windowPx * 0.5)),
    right: Math.round(Math.min(420, Math.max(320, windowPx * 0.24))),
  };
}

/**
 * The widths the planner dragged to (absent: not dragged, the default for the window applies, so it follows the
 * window until the planner chooses). Unreadable or too narrow values are dropped.
 */
export function loadPanelWidths(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Partial<PanelWidths> {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Record<keyof PanelWidths, unknown>> | null;
    if (!saved || typeof saved !== 'object') return {};
    const out: Partial<PanelWidths> = {};
    for (const key of ['left', 'leftBuildList', 'right'] as const) {
      const v = saved[key];
      if (typeof v === 'number' && Number.isFinite(v) && v >= MIN_PANEL_PX) out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function savePanelWidths(widths: Partial<PanelWidths>, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(widths));
  } catch {
    // a full or disabled storage only loses the remembered width
  }
}

/** The widths the window can hold: each side panel at most what leaves the map MIN_MAP_PX. */
export function fitPanelWidths(widths: { left: number; right: number }, windowPx: number): { left: number; right: number } {
  const spare = Math.max(0, windowPx - MIN_MAP_PX);
  const right = Math.min(widths.right, Math.max(MIN_PANEL_PX, spare / 2));
  const left = Math.min(widths.left, Math.max(MIN_PANEL_PX, spare - right));
  return { left: Math.round(left), right: Math.round(right) };
}
