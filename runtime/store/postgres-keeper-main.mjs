// A process that keeps an embedded Postgres server for its parent (`serve
// --database embedded`, `chaos`): registers the TypeScript loader, then runs
// postgres-keeper.ts.
import { register } from 'tsx/esm/api';

register();
const { runPostgresKeeper } = await import('./postgres-keeper.ts');
await runPostgresKeeper(process.argv[2] ?? '{}');
