// Starts the reading thread from the TypeScript sources (tests, `npx lotse` without a bundle): TypeScript needs
// tsx's loader, which a thread only has when the process was started with `--import tsx`.
import { workerData } from 'node:worker_threads';

if (!process.execArgv.some((a) => a.includes('tsx'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
