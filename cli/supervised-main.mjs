// The supervised command's thread: registers the TypeScript loader (loaders do
// not carry over between threads), installs the heartbeat the supervisor
// watches, makes the terminal checks answer as the real terminal would, runs
// the command and posts its exit code.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
if (workerData.stdoutIsTTY) process.stdout.isTTY = true;
if (workerData.stderrIsTTY) process.stderr.isTTY = true;
const { installHeartbeat } = await import('../sim/kernel/heartbeat.ts');
installHeartbeat(workerData.heartbeat);
const { main } = await import('./main.ts');
const code = await main(workerData.argv);
parentPort.postMessage({ type: 'exit', code });
