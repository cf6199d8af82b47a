// Plants one violation of each import boundary (shared/README.md, "What may import what") and lints it with the
// project's own eslint.config.js: each must be refused by the rule meant for it. Every planted import names a
// real file without its extension, so a missing or broken TypeScript resolver makes these tests fail instead of
// letting the path rules pass everything in silence. Controls show that the legal imports pass.

import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repo });

/** Lints `code` as if it were the file at `file` (relative to the repository); the file need not exist. */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return result!.messages;
}

/** What each planted import points at: real files, so that a refusal proves the import was resolved. */
const targets = {
  sessionMachine: 'kiosk/session/session-machine.ts',
  sessionView: 'kiosk/session/session-view.ts',
  uiEvents: 'kiosk/session/ui-events.ts',
  logger: 'kiosk/logger.ts',
  ippCodec: 'device-drivers/a4-printer/ipp-encoding.ts',
  serialTransport: 'device-drivers/serial-transport.ts',
  ippDriver: 'device-drivers/a4-printer/ipp-a4-printer.ts',
  simulatedIdReader: 'device-drivers/id-reader/simulated-id-reader.ts',
  a4Interface: 'device-drivers/a4-printer/a4-printer.ts',
  idCard: 'device-drivers/id-reader/id-card.ts',
  deviceResult: 'device-drivers/device-result.ts',
  syntheticPopulation: 'scripts/synthetic-population.ts',
  gatewaySimulator: 'scripts/gateway-simulator/simulator.ts',
  ptyPair: 'test/support/pty-pair.ts',
};

it('the planted imports point at files that exist (move them along if a file moves)', () => {
  for (const file of Object.values(targets)) expect(existsSync(path.join(repo, file)), file).toBe(true);
});

/** The rule ids (and, for the path rule, which zone) that refused something. */
function refusals(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('refused', () => {
  const cases: { name: string; file: string; code: string; rule: string; says: string }[] = [
    {
      name: 'kiosk/ui/ importing the session machine (even type-only)',
      file: 'kiosk/ui/Planted.tsx',
      code: `import type { SessionContext } from '../session/session-machine';\nexport type Planted = SessionContext;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'kiosk/ui/ imports only its own files',
    },
    {
      name: 'kiosk/ui/ importing the agent logger',
      file: 'kiosk/ui/components/Planted.tsx',
      code: `import { createMemoryLogger } from '../../logger';\nexport const planted = createMemoryLogger;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'kiosk/ui/ imports only its own files',
    },
    {
      name: 'kiosk/ui/ importing the session contract as a value',
      file: 'kiosk/ui/Planted.tsx',
      code: `import { SessionView } from '../session/session-view';\nexport type Planted = SessionView;\n`,
      rule: '@typescript-eslint/no-restricted-imports',
      says: 'as types only',
    },
    {
      name: 'kiosk/ui/ importing a Node built-in',
      file: 'kiosk/ui/Planted.tsx',
      code: `import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n`,
      rule: 'import-x/no-nodejs-modules',
      says: '',
    },
    {
      name: 'device-drivers/ importing from kiosk/',
      file: 'device-drivers/a4-printer/planted.ts',
      code: `import { createMemoryLogger } from '../../kiosk/logger';\nexport const planted = createMemoryLogger;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'are libraries',
    },
    {
      name: 'print-templates/ importing from kiosk/',
      file: 'print-templates/planted.ts',
      code: `import type { Logger } from '../kiosk/logger';\nexport type Planted = Logger;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'are libraries',
    },
    {
      name: 'device-drivers/ importing from scripts/',
      file: 'device-drivers/id-reader/planted.ts',
      code: `import { testCitizens } from '../../scripts/synthetic-population';\nexport const planted = testCitizens;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'are libraries',
    },
    ...(
      [
        ['a codec', '../../device-drivers/a4-printer/ipp-encoding'],
        ['a transport', '../../device-drivers/serial-transport'],
        ['a real driver', '../../device-drivers/a4-printer/ipp-a4-printer'],
        ['a simulated driver', '../../device-drivers/id-reader/simulated-id-reader'],
      ] as const
    ).map(([what, specifier]) => ({
      name: `the session machine importing ${what}`,
      file: 'kiosk/session/planted.ts',
      code: `import * as internals from '${specifier}';\nexport const planted = internals;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'only through its adapter interface',
    })),
    ...(
      [
        ['scripts/', 'kiosk/agent/planted.ts', '../../scripts/synthetic-population'],
        ['the gateway simulator', 'kiosk/agent/planted.ts', '../../scripts/gateway-simulator/simulator'],
        ['test/', 'kiosk/printing/planted.ts', '../../test/support/pty-pair'],
        ['a simulated driver', 'kiosk/devices/planted.ts', '../../device-drivers/id-reader/simulated-id-reader'],
        ['a simulated driver (from a driver)', 'device-drivers/id-reader/planted.ts', './simulated-id-reader'],
      ] as const
    ).map(([what, file, specifier]) => ({
      name: `production code importing ${what}`,
      file,
      code: `import * as standIn from '${specifier}';\nexport const planted = standIn;\n`,
      rule: 'import-x/no-restricted-paths',
      says: 'Production code imports nothing from scripts/, test/',
    })),
    {
      name: 'an import that does not resolve',
      file: 'kiosk/agent/planted.ts',
      code: `import { nothing } from './no-such-file';\nexport const planted = nothing;\n`,
      rule: 'import-x/no-unresolved',
      says: '',
    },
  ];

  it.each(cases)('$name', async ({ file, code, rule, says }) => {
    const found = refusals(await lint(file, code));
    expect(
      found.some((line) => line.startsWith(`${rule}: `) && line.includes(says)),
      found.join('\n'),
    ).toBe(true);
  });

  describe('an import cycle across two files', () => {
    // The cycle rule reads the imported file from disk, so this one is planted as real files.
    const folder = path.join(repo, 'kiosk', `lint-probe-${randomUUID()}`);
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('is refused, and the same two files without the cycle pass', async () => {
      mkdirSync(folder);
      const first = path.join(folder, 'first.ts');
      writeFileSync(first, `import { second } from './second';\nexport const first = (): number => second() + 1;\n`);
      writeFileSync(
        path.join(folder, 'second.ts'),
        `import { first } from './first';\nexport const second = (): number => (first ? 1 : 0);\n`,
      );
      const [cyclic] = await eslint.lintFiles([first]);
      expect(refusals(cyclic!.messages)).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);

      writeFileSync(path.join(folder, 'second.ts'), `export const second = (): number => 1;\n`);
      const [acyclic] = await new ESLint({ cwd: repo }).lintFiles([first]);
      expect(refusals(acyclic!.messages)).toEqual([]);
    });
  });
});

describe('allowed', () => {
  const cases: { name: string; file: string; code: string }[] = [
    {
      name: 'kiosk/ui/ importing its own files, preact and the contract as types',
      file: 'kiosk/ui/components/Planted.tsx',
      code: [
        `import { useState } from 'preact/hooks';`,
        `import type { SessionView } from '../../session/session-view';`,
        `import { type UiEvent } from '../../session/ui-events';`,
        `import { strings } from '../strings';`,
        `export const planted = [useState, strings];`,
        `export type Planted = [SessionView, UiEvent];`,
        ``,
      ].join('\n'),
    },
    {
      name: 'the session machine importing adapter interfaces and result types',
      file: 'kiosk/session/planted.ts',
      code: [
        `import type { PrintDocument } from '../../device-drivers/a4-printer/a4-printer';`,
        `import type { IdCard } from '../../device-drivers/id-reader/id-card';`,
        `import { fail } from '../../device-drivers/device-result';`,
        `export const planted = fail;`,
        `export type Planted = [PrintDocument, IdCard];`,
        ``,
      ].join('\n'),
    },
    {
      name: 'a driver importing its own codec and the shared vocabulary',
      file: 'device-drivers/a4-printer/planted.ts',
      code: [
        `import * as codec from './ipp-encoding';`,
        `import type { DeviceState } from '../device-status';`,
        `export const planted = codec;`,
        `export type Planted = DeviceState;`,
        ``,
      ].join('\n'),
    },
    {
      name: 'the development composition root wiring in simulators and the synthetic population',
      file: 'kiosk/development/planted.ts',
      code: [
        `import { startGatewaySimulator } from '../../scripts/gateway-simulator/simulator';`,
        `import { testCitizens } from '../../scripts/synthetic-population';`,
        `import { SimulatedIdReader } from '../../device-drivers/id-reader/simulated-id-reader';`,
        `export const planted = [startGatewaySimulator, testCitizens, SimulatedIdReader];`,
        ``,
      ].join('\n'),
    },
    {
      name: 'the development entry point doing the same',
      file: 'kiosk/dev-main.ts',
      code: `import { testCitizens } from '../scripts/synthetic-population';\nexport const planted = testCitizens;\n`,
    },
    {
      name: 'a test next to production code importing test support and scripts',
      file: 'kiosk/agent/planted.test.ts',
      code: [
        `import { openPtyPair } from '../../test/support/pty-pair';`,
        `import { testCitizens } from '../../scripts/synthetic-population';`,
        `export const planted = [openPtyPair, testCitizens];`,
        ``,
      ].join('\n'),
    },
    {
      name: 'a UI test importing the contract as a value',
      file: 'kiosk/ui/Planted.test.tsx',
      code: `import { SessionView } from '../session/session-view';\nexport type Planted = SessionView;\n`,
    },
  ];

  it.each(cases)('$name', async ({ file, code }) => {
    expect(refusals(await lint(file, code))).toEqual([]);
  });
});
