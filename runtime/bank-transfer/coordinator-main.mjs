// The coordinator's own process (started by `moneysim serve` and `moneysim
// chaos`): registers the TypeScript loader, which resolves from this file's
// location whatever the working directory, then runs the service.
import { register } from 'tsx/esm/api';

register();
const { runCoordinatorProcess } = await import('./coordinator-process.ts');
await runCoordinatorProcess(process.argv[2] ?? '');
