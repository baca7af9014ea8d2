// Starts the reading thread from the TypeScript sources (tests, the bench, `npx lotse` without a bundle): a new
// thread does not inherit the loader hooks of the process (not even those of `--import tsx`), so it adds tsx's own.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
