import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layer rules of DESIGN.md as import zones: a violation fails `npm run lint` (part of `npm test`).
 * shared imports nothing of ours and no Node/DOM/Electron; renderer imports shared only; only main/electron
 * imports electron; only main/db and main/features import kysely; only main/excel imports exceljs.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url', 'util', 'events', 'stream'];
const p = (group, message) => ({ group, message });

const zone = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const electronOnly = p(['electron', 'electron/*'], 'Only main/electron may import electron.');
// type-only imports are fine: the context passes a Kysely instance around without running queries itself
const kyselyOnly = { ...p(['kysely', 'kysely/*'], 'Only main/db and main/features may import kysely.'), allowTypeImports: true };
const exceljsOnly = p(['exceljs', 'exceljs/*'], 'Only main/excel may import exceljs.');
const noRenderer = p(['**/renderer/**'], 'main must never import renderer.');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  zone(['shared/**/*.ts'], [
    p(['**/main/**', '**/renderer/**', '**/e2e/**'], 'shared imports no other project folder.'),
    p(nodeBuiltins, 'shared is plain TypeScript: no Node built-ins.'),
    electronOnly,
    kyselyOnly,
    exceljsOnly,
    p(['react', 'react-dom', 'react/*'], 'shared has no UI code.'),
  ]),
  zone(['renderer/src/**/*.{ts,tsx}'], [
    p(['**/main/**', '**/e2e/**'], 'renderer imports shared only (talk to main through the contract).'),
    p(nodeBuiltins, 'renderer runs sandboxed: no Node built-ins.'),
    electronOnly,
    kyselyOnly,
    exceljsOnly,
    p(['sqlite3'], 'renderer never touches the database.'),
  ]),
  zone(['main/db/**/*.ts', 'main/features/**/*.ts'], [electronOnly, exceljsOnly, noRenderer]),
  zone(['main/excel/**/*.ts'], [electronOnly, kyselyOnly, noRenderer]),
  zone(['main/electron/**/*.ts'], [kyselyOnly, exceljsOnly, noRenderer]),
  zone(
    ['main/api/**/*.ts', 'main/server/**/*.ts', 'main/cli/**/*.ts', 'main/pdf/**/*.ts', 'main/*.ts', 'main/test/**/*.ts'],
    [electronOnly, kyselyOnly, exceljsOnly, noRenderer],
  ),
);
