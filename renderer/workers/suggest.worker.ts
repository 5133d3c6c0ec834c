// Suggestion web worker: a thin comlink wrapper over core/suggest (candidates, footprints, optimiser, HiGHS).
import * as Comlink from 'comlink';
import highsWasmUrl from 'highs/runtime?url';
import { createSuggestWorker } from '../../core/suggest';

Comlink.expose(createSuggestWorker({ highsWasmUrl }));
