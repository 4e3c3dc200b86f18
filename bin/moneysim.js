#!/usr/bin/env node
// Entry point: registers the TypeScript loader, then runs the command under
// the watchdog of cli/supervisor.ts (in a worker thread it can stop).
import { register } from 'tsx/esm/api';

register();
const { runSupervised } = await import('../cli/supervisor.ts');
process.exitCode = await runSupervised(process.argv);
