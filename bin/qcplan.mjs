#!/usr/bin/env node
// Boot shim: registers tsx so the TypeScript CLI runs without a build step (Node 20 needs this form).
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
