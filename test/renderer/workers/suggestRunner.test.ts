import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createSuggestWorker } from '../../../core/suggest';
import { SuggestRunner, type SuggestWorkerLike } from '../../../renderer/workers/suggestRunner';
import { smallCounty } from '../../core/suggest/smallCounty';

/** A stand-in worker: the real core API exposed over a MessageChannel in this thread. */
function fakeWorker(log: string[]): () => SuggestWorkerLike {
  return () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(createSuggestWorker(), port1 as unknown as Comlink.Endpoint);
    log.push('created');
    const endpoint = port2 as unknown as Comlink.Endpoint;
    return Object.assign(endpoint, {
      terminate() {
        log.push('terminated');
        port1.close();
        port2.close();
      },
    });
  };
}

describe('SuggestRunner', () => {
  it('runs a suggestion through comlink with progress, reusing its worker', async () => {
    const log: string[] = [];
    const runner = new SuggestRunner(fakeWorker(log));
    const progress: number[] = [];
    const r = await runner.run(smallCounty(), { maxSites: 2, generation: { isGenerating: false } }, (f) => progress.push(f));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.result.sites.length).toBeGreaterThan(0);
    expect(r.value.chosenSites[0].status).toBe('proposed');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    const bad = await runner.run(smallCounty(), { budgetCny: -1 });
    expect(bad).toMatchObject({ ok: false, code: 'bad-input' });
    expect(log).toEqual(['created']);
    runner.terminate();
  });

  it('cancel resolves the run as cancelled and terminates the worker; the next run starts a new one', async () => {
    const log: string[] = [];
    const runner = new SuggestRunner(fakeWorker(log));
    const first = runner.run(smallCounty(), { maxSites: 3 });
    runner.cancel();
    expect(await first).toMatchObject({ ok: false, code: 'cancelled' });
    expect(log).toEqual(['created', 'terminated']);
    const second = await runner.run(smallCounty(), { maxSites: 1, generation: { isGenerating: false } });
    expect(second.ok).toBe(true);
    expect(log).toEqual(['created', 'terminated', 'created']);
    runner.terminate();
  });
});
