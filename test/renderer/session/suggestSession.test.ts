import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuggestWorker } from '../../../core/suggest';
import { openSession } from '../../../renderer/session/ProjectSession';
import { SuggestSession } from '../../../renderer/session/SuggestSession';
import { TaskTracker } from '../../../renderer/tasks/TaskTracker';
import { SuggestRunner, type SuggestWorkerLike } from '../../../renderer/workers/suggestRunner';
import { GUIZHOU_COUNTIES } from '../../../geodata/counties';
import { smallCounty } from '../../core/suggest/smallCounty';

/** The real core suggestion API over a MessageChannel in this thread (as test/renderer/workers does). */
const inThreadWorker = (): SuggestWorkerLike => {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createSuggestWorker(), port1 as unknown as Comlink.Endpoint);
  return Object.assign(port2 as unknown as Comlink.Endpoint, { terminate: () => (port1.close(), port2.close()) });
};

// TaskTracker throttles progress to animation frames; Node has none
beforeAll(() => {
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});
let suggest: SuggestSession | undefined;
afterAll(() => suggest?.dispose());

describe('SuggestSession', () => {
  it('runs on the task bar, keeps the answer, and accepts the top site as one undo step (twice is once)', async () => {
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    const tracker = new TaskTracker();
    const labels: string[] = [];
    tracker.subscribe(() => labels.push(...tracker.getTasks().map((t) => t.labelKey)));
    suggest = new SuggestSession(session, tracker, new SuggestRunner(inThreadWorker));
    await suggest.run({ budgetCny: 2e6, maxSites: 2 });
    const last = suggest.getSnapshot().last!;
    expect(suggest.getSnapshot().progress).toBeUndefined();
    expect(labels).toContain('tasks.suggest');
    expect(last.result.sites.length).toBeGreaterThan(0);
    const top = last.result.sites[0].candidateId;
    const sitesBefore = session.store.getState().sites.length;
    suggest.accept([top]);
    suggest.accept([top]);
    const sites = session.store.getState().sites;
    expect(sites.length).toBe(sitesBefore + 1);
    expect(sites.at(-1)).toMatchObject({ status: 'planned', lonDeg: last.chosenSites[0].lonDeg });
    session.store.undo();
    expect(session.store.getState().sites.length).toBe(sitesBefore);
  });

  it("is cancelled from the task bar: no error, the previous answer stays, the form keeps the new budget", async () => {
    const session = openSession(smallCounty(), GUIZHOU_COUNTIES[0]);
    const tracker = new TaskTracker();
    const log: string[] = [];
    const s = new SuggestSession(session, tracker, new SuggestRunner(() => Object.assign(inThreadWorker(), { terminate: () => log.push('terminated') })));
    const running = s.run({ budgetCny: 3e6 });
    expect(tracker.getTasks().map((t) => t.labelKey)).toEqual(['tasks.suggest']);
    tracker.getTasks()[0].cancel();
    await running;
    expect(log).toEqual(['terminated']);
    expect(s.getSnapshot()).toEqual({ request: { budgetCny: 3e6 }, last: undefined, error: undefined });
    expect(tracker.getTasks()).toEqual([]);
    s.dispose();
  });
});
