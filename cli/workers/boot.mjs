// worker_threads boot shim: Node 20 cannot start a .ts worker, so register tsx here, then load the entry
// named in workerData.entry (TOOLCHAIN.md, tsx row).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
