import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProjectGpkg } from '../../../geodata/project';
import { ProjectRunner } from '../../../renderer/workers/projectRunner';
import { createProjectWorkerApi, type ProjectWorkerApi } from '../../../renderer/workers/projectWorkerApi';
import { fakeWorker } from './fakeWorker';

const sample = () => new Uint8Array(readFileSync(new URL('../../../samples/renhuai.gpkg', import.meta.url)));

/** Every object in `x` that is not a plain object, array or typed array (a class instance would lose its prototype in a worker). */
function notPlain(x: unknown, path = 'project', out: string[] = []): string[] {
  if (x === null || typeof x !== 'object' || ArrayBuffer.isView(x)) return out;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== Array.prototype) out.push(`${path}: ${proto?.constructor?.name}`);
  for (const [k, v] of Object.entries(x)) notPlain(v, `${path}.${k}`, out);
  return out;
}

describe('ProjectRunner', () => {
  it('opens the sample in its worker: plain data, equal to reading it on this thread, bytes moved there, worker ended', async () => {
    const direct = await readProjectGpkg(sample());
    if (!direct.ok) throw new Error(direct.message);
    expect(notPlain(direct.value)).toEqual([]);
    const log: string[] = [];
    const runner = new ProjectRunner({ createWorker: fakeWorker(createProjectWorkerApi, log) });
    const bytes = sample();
    const r = await runner.run(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // rasters compared as bytes: toEqual over millions of cells takes half a minute
    const { terrain, population, ...rest } = r.value;
    const { terrain: terrainDirect, population: populationDirect, ...restDirect } = direct.value;
    expect(rest).toEqual(restDirect);
    for (const [layer, expected] of [[terrain, terrainDirect], [population, populationDirect]] as const) {
      expect(layer?.values).toBeInstanceOf(Float32Array);
      expect({ ...layer, values: null }).toEqual({ ...expected, values: null });
      expect(Buffer.from(layer!.values.buffer).equals(Buffer.from(expected!.values.buffer))).toBe(true);
    }
    expect(bytes.byteLength).toBe(0);
    expect(log).toEqual(['created', 'terminated']);
  });

  it('copies a view into a larger buffer before moving it, leaving the caller\'s buffer whole', async () => {
    const file = sample();
    const padded = new Uint8Array(file.byteLength + 8);
    padded.set(file, 8);
    const view = padded.subarray(8);
    const r = await new ProjectRunner({ createWorker: fakeWorker(createProjectWorkerApi, []) }).run(view);
    expect(r.ok).toBe(true);
    expect(padded.byteLength).toBe(file.byteLength + 8);
  });

  it('passes the reader\'s refusals through unchanged, and cancel drops the open', async () => {
    const runner = new ProjectRunner({ createWorker: fakeWorker(createProjectWorkerApi, []) });
    const text = new TextEncoder().encode('站号,站名\n');
    const damaged = sample().slice(0, 50_000);
    for (const bad of [text, damaged]) {
      const expected = await readProjectGpkg(bad.slice());
      expect(expected.ok).toBe(false);
      expect(await runner.run(bad)).toEqual(expected);
    }
    const log: string[] = [];
    const hanging = new ProjectRunner({ createWorker: fakeWorker((): ProjectWorkerApi => ({ read: () => new Promise(() => undefined), newCounty: () => new Promise(() => undefined) }), log) });
    const pending = hanging.run(sample());
    hanging.cancel();
    expect(await pending).toMatchObject({ ok: false, code: 'cancelled' });
    expect(log).toEqual(['created', 'terminated']);
  });

  it('runs inline', async () => {
    const r = await new ProjectRunner({ inline: true }).run(sample());
    expect(r.ok && r.value.countyCode).toBe('520382');
  });
});
