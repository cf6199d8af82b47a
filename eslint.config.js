// @ts-check
// The layering of shared/README.md ("What may import what"), enforced. Paths are resolved by TypeScript's own
// rules (eslint-import-resolver-typescript): without a resolver the path rules would silently pass everything,
// so `import-x/no-unresolved` also fails on any import it cannot follow. test/lint/ plants one violation per rule.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = import.meta.dirname;

/** What the session machine may see of a device: each kind's adapter interface and the shared vocabulary. */
const adapterInterfaces = readdirSync(path.join(root, 'device-drivers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'device-drivers', entry.name, `${entry.name}.ts`)))
  .map((entry) => `${entry.name}/${entry.name}.ts`);
const deviceVocabulary = ['result.ts', 'device-result.ts', 'device-status.ts', 'id-reader/id-card.ts'];

const uiContract = [
  'kiosk/session/session-view.ts',
  'kiosk/session/ui-events.ts',
  'kiosk/maintenance/maintenance-view.ts',
  'kiosk/maintenance/maintenance-events.ts',
];

const zones = {
  ui: {
    target: 'kiosk/ui',
    from: '.',
    except: ['kiosk/ui', ...uiContract, 'node_modules'],
    message: `kiosk/ui/ imports only its own files and the type-only contract (${uiContract.join(', ')}).`,
  },
  libraries: {
    target: ['device-drivers', 'print-templates'],
    from: ['kiosk', 'scripts', 'test'],
    message: 'device-drivers/ and print-templates/ are libraries: they import nothing from kiosk/, scripts/ or test/.',
  },
  sessionSeesAdapters: {
    target: 'kiosk/session',
    from: 'device-drivers',
    except: [...adapterInterfaces, ...deviceVocabulary],
    message:
      'The session machine sees a device only through its adapter interface and status/result types, never a codec, transport or driver.',
  },
  productionStandsAlone: {
    target: ['kiosk', 'device-drivers', 'print-templates', 'verifier'],
    from: ['scripts/**', 'test/**', '**/simulated-*.ts', '**/fixtures/**', 'kiosk/development/**', 'kiosk/dev-main.*'],
    message:
      'Production code imports nothing from scripts/, test/, fixtures or a simulator; only the development composition root (kiosk/dev-main.ts, kiosk/development/) wires those in.',
  },
  // One way down: the agent joins the session to printing and the gateway; nothing below reaches back up.
  sessionBelowAgent: {
    target: 'kiosk/session',
    from: ['kiosk/agent', 'kiosk/devices', 'kiosk/printing', 'kiosk/main.ts'],
    message:
      'kiosk/session/ sees the world through its services (session-services.ts); it imports nothing of the agent, the devices set or printing.',
  },
  printingBelowSession: {
    target: 'kiosk/printing',
    from: ['kiosk/session', 'kiosk/agent', 'kiosk/main.ts'],
    message: 'kiosk/printing/ is used by the session, not the reverse: it imports nothing of kiosk/session/ or kiosk/agent/.',
  },
  // The KQ1 verifier runs in the agent and in a browser page: plain TypeScript with its crypto injected.
  verifierStandsAlone: {
    target: 'verifier',
    from: '.',
    except: ['verifier', 'device-drivers/result.ts', 'kiosk/privacy/mask.ts', 'node_modules'],
    message: 'verifier/ runs in the agent and in a browser: it imports only itself, device-drivers/result.ts and kiosk/privacy/mask.ts.',
  },
  privacyStandsAlone: {
    target: 'kiosk/privacy',
    from: 'kiosk',
    except: ['privacy'],
    message: 'kiosk/privacy/ is a leaf every part may use: it imports nothing of the kiosk.',
  },
};

const boundaries = (...chosen) => ['error', { basePath: root, zones: chosen }];

const testsAndTools = ['**/*.test.ts', '**/*.test.tsx', '**/fixtures/**', 'test/**', 'scripts/**'];
const developmentRoot = ['kiosk/dev-main.ts', 'kiosk/development/**'];

export default defineConfig(
  { ignores: ['kiosk/ui/dist/', 'dist/', '.kiosk-data/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the cycle rule cannot read a TypeScript file it imports, and sees no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true, // two projects on purpose: the UI (DOM) and the rest (Node)
          project: [path.join(root, 'tsconfig.json'), path.join(root, 'kiosk/ui/tsconfig.json')],
        }),
      ],
    },
    rules: {
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': boundaries(...Object.values(zones)),
    },
  },
  {
    rules: {
      // The code's convention: a leading underscore names what is left out on purpose (`{ mode: _mode, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['device-drivers/**'],
    rules: { 'no-control-regex': 'off' }, // byte-level codecs match control characters on purpose
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['verifier/**'],
    ignores: testsAndTools,
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', 'Buffer', 'process'],
    },
  },
  {
    files: ['kiosk/ui/**'],
    ignores: testsAndTools,
    rules: {
      'import-x/no-nodejs-modules': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`(^|/)(session/(session-view|ui-events)|maintenance/maintenance-(view|events))(\.[jt]s)?$`,
              allowTypeImports: true,
              message: 'The UI imports the session and maintenance contract as types only: `import type { … }`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: developmentRoot,
    rules: {
      'import-x/no-restricted-paths': boundaries(zones.ui, zones.libraries, zones.sessionSeesAdapters, zones.sessionBelowAgent),
    },
  },
  {
    files: testsAndTools,
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
