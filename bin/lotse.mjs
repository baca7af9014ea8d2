#!/usr/bin/env node
// Runs the prebuilt bundle (dist/main/lotse.mjs, made by `npm start`, `npm run build` and `npm test`) while it
// matches the sources; otherwise the TypeScript sources directly through tsx, so `npx lotse` also works right
// after `npm ci` and while sources are being edited. The bundle starts about a second faster: tsx resolves and
// transforms every file of main/ on each start. LOTSE_FROM_SOURCE=1 forces the sources.
import { pathToFileURL } from 'node:url';
import { mainBundle, mainBundleIsFresh } from '../scripts/build-main.mjs';

if (process.env.LOTSE_FROM_SOURCE !== '1' && mainBundleIsFresh()) {
  // a file URL: import() of a bare Windows path (C:\\...) would be read as a URL scheme
  await import(pathToFileURL(mainBundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/index.ts');
}
