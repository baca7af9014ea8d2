#!/usr/bin/env node
// Runs the prebuilt bundle (dist/main/lotse.mjs, made by `npm start`, `npm run build` and `npm test`) while it
// matches the sources; otherwise the TypeScript sources directly through tsx, so `npx lotse` also works right
// after `npm ci` and while sources are being edited. The bundle starts about a second faster: tsx resolves and
// transforms every file of main/ on each start. LOTSE_FROM_SOURCE=1 forces the sources. tsx is a development
// tool: an installation without it (npm ci --omit=dev) runs the bundle it has.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mainBundle, mainBundleIsFresh } from '../scripts/build-main.mjs';

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

// a file URL: import() of a bare Windows path (C:\\...) would be read as a URL scheme
const runBundle = () => import(pathToFileURL(mainBundle).href);

if (process.env.LOTSE_FROM_SOURCE !== '1' && mainBundleIsFresh()) {
  await runBundle();
} else {
  const tsx = await loadTsx();
  if (tsx) {
    tsx.register();
    await import('../main/cli/index.ts');
  } else if (fs.existsSync(mainBundle)) {
    await runBundle();
  } else {
    process.stderr.write(
      'Lotse ist nicht gebaut und tsx fehlt: bitte `npm ci` und `npm run build:main` ausführen.\n' +
        'Lotse is not built and tsx is missing: run `npm ci` and `npm run build:main`.\n',
    );
    process.exit(1);
  }
}
