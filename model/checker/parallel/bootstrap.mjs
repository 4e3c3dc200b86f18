// Worker entry point of a parallel search: registers the TypeScript loader
// in this thread (loaders do not carry over from the parent), then runs the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./search-worker.ts');
