/**
 * A zeroed buffer of `bytes`: shared between threads (SharedArrayBuffer) when `shared` and the host has it, else
 * a plain ArrayBuffer. The coverage context, the engine's state and footprints all allocate through it.
 * @example new Float32Array(newBuffer(cells * 4, true)) // shared where the host allows
 */
export function newBuffer(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared && typeof SharedArrayBuffer !== 'undefined' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * `a` in shared memory where the host has it: a copy unless it already is; `a` itself where the host has none.
 * @example const terrainM = inSharedMemory(project.terrain.values)
 */
export function inSharedMemory<T extends Float32Array | Uint8Array | Int16Array | Int32Array>(a: T): T {
  if (typeof SharedArrayBuffer === 'undefined' || a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
