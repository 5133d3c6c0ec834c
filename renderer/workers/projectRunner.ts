import * as Comlink from 'comlink';
import type { Project } from '../../core/model';
import { createProjectWorkerApi, type ProjectWorkerApi } from './projectWorkerApi';
import { OneShotRunner, type WorkerLike } from './oneShotWorker';

/**
 * Opens project files (.gpkg) off the UI thread: a 10,000-site project is ~34 MB and takes over a second to
 * parse, during which the window could not draw (issue #11). A OneShotRunner, one worker per open; the
 * file's bytes are transferred to it (copied first when they are a view into a larger buffer). Failures:
 * readProjectGpkg's own ('not-project', 'corrupt', 'newer-version', same messages), 'cancelled', 'failed'.
 * readProjectGpkg reports no progress, so the task bar shows a running bar until the project is back.
 * @example const r = await runner.run(bytes, { signal }); if (r.ok) open(r.value); else show(r.message)
 */
export class ProjectRunner extends OneShotRunner<Uint8Array, Project, ProjectWorkerApi> {
  constructor(options: { inline?: boolean; createWorker?: () => WorkerLike } = {}) {
    super({
      describe: (bytes) => `opening a project of ${bytes.byteLength} bytes`,
      createWorker: options.createWorker ?? createProjectWorker,
      inWorker: (api, bytes) => {
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
        return api.read(Comlink.transfer(own, [own.buffer]));
      },
      inline: (bytes) => createProjectWorkerApi().read(bytes),
    }, options.inline);
  }
}

function createProjectWorker(): WorkerLike {
  return new Worker(new URL('./project.worker.ts', import.meta.url), { type: 'module' });
}
