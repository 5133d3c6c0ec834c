import type { Page } from 'playwright-core';

// Frame-gap measurement for the responsiveness e2e tests (issue #11).

/** Frames seen in the page: gap before each frame and when it came (performance.now()), long tasks. */
interface FrameLog { gapsMs: number[]; atMs: number[]; longTasksMs: number[]; longTaskStartsMs: number[]; isRunning: boolean; startMs: number; endMs: number }

/**
 * Starts counting animation frames and long tasks in the page until `doneSelector` (if given) matches or
 * frameStats is called: the largest gap between frames is how long the window could not repaint.
 */
export async function startFrames(page: Page, doneSelector?: string): Promise<void> {
  await page.evaluate((selector) => {
    const w = window as unknown as { __frames: FrameLog };
    const m = { gapsMs: [] as number[], atMs: [] as number[], longTasksMs: [] as number[], longTaskStartsMs: [] as number[], isRunning: true, startMs: performance.now(), endMs: 0 };
    w.__frames = m;
    let lastMs = m.startMs;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        m.longTasksMs.push(e.duration);
        m.longTaskStartsMs.push(e.startTime);
      }
    });
    observer.observe({ type: 'longtask' });
    const tick = (nowMs: number) => {
      m.gapsMs.push(nowMs - lastMs);
      m.atMs.push(nowMs);
      lastMs = nowMs;
      if (m.isRunning && !(selector && document.querySelector(selector))) requestAnimationFrame(tick);
      else {
        m.isRunning = false;
        m.endMs = nowMs;
        observer.disconnect();
      }
    };
    requestAnimationFrame(tick);
  }, doneSelector);
}

/** The frame numbers gathered since startFrames; gaps overlapping `[skipFromMs, skipToMs]` (page time) count only in maxFrameGapWithScreenshotMs. */
export async function frameStats(page: Page, skip: [number, number]) {
  return page.evaluate(([skipFromMs, skipToMs]) => {
    const m = (window as unknown as { __frames: FrameLog }).__frames;
    m.isRunning = false;
    const end = m.endMs || performance.now();
    const kept = m.gapsMs.filter((gapMs, i) => m.atMs[i] < skipFromMs || m.atMs[i] - gapMs > skipToMs);
    return {
      frames: m.gapsMs.length,
      maxFrameGapMs: Math.round(Math.max(0, ...kept)),
      maxFrameGapWithScreenshotMs: Math.round(Math.max(0, ...m.gapsMs)),
      durationMs: Math.round(end - m.startMs),
      longTasks: m.longTasksMs.length,
      longestTaskMs: Math.round(Math.max(0, ...m.longTasksMs)),
      longTasksTotalMs: Math.round(m.longTasksMs.reduce((a, b) => a + b, 0)),
      /** [start after choosing the file, duration] of each long task, ms */
      longTaskTimeline: m.longTasksMs.map((d, i) => [Math.round(m.longTaskStartsMs[i] - m.startMs), Math.round(d)]),
    };
  }, skip);
}
