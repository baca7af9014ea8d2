import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the given file, returning the restricted-import messages. */
async function violations(file: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (res?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer rules (import zones)', () => {
  it('renderer may not import main, node built-ins or the database', async () => {
    expect(await violations('renderer/src/x.ts', "import { openDatabase } from '../../main/db/open.js';\nexport const a = openDatabase;")).toHaveLength(1);
    expect(await violations('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await violations('renderer/src/x.ts', "import { contract } from '../../shared/contract/index.js';\nexport const a = contract;")).toHaveLength(0);
  });

  it('shared imports nothing of main/renderer and no Node', async () => {
    expect(await violations('shared/x.ts', "import { startApp } from '../main/app.js';\nexport const a = startApp;")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import path from 'node:path';\nexport const a = path;")).toHaveLength(1);
  });

  it('only main/electron imports electron; only db/features run kysely; only excel imports exceljs', async () => {
    expect(await violations('main/features/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await violations('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(0);
    expect(await violations('main/api/x.ts', "import { sql } from 'kysely';\nexport const a = sql;")).toHaveLength(1);
    expect(await violations('main/api/x.ts', "import type { Kysely } from 'kysely';\nexport type A = Kysely<never>;")).toHaveLength(0);
    expect(await violations('main/features/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;")).toHaveLength(1);
    expect(await violations('main/excel/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;")).toHaveLength(0);
    expect(await violations('main/server/x.ts', "import { App } from '../../renderer/src/app/App.js';\nexport const a = App;")).toHaveLength(1);
  });
});
