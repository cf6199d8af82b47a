// Plants one violation of each import boundary (shared/README.md, "What may import what") and lints it with the
// project's own eslint.config.js: each must be refused by the rule meant for it. Every planted import names a
// real file without its extension, so a missing or broken TypeScript resolver makes these tests fail instead of
// letting the path rules pass everything in silence (if a planted file moves, the test names the unresolved
// import: point it at the new place). Controls show that the legal imports pass.

import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Each refusal as `rule: message`. */
function refusals(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/** A file that imports each specifier as a namespace (`type:` first: type-only) and exports what it imported. */
function plantedCode(specifiers: readonly string[]): string {
  const names = specifiers.map((_, i) => `planted${i}`);
  const imports = specifiers.map((specifier, i) =>
    specifier.startsWith('type:')
      ? `import type * as ${names[i]} from '${specifier.slice('type:'.length)}';`
      : `import * as ${names[i]} from '${specifier}';`,
  );
  return [...imports, `export { ${names.join(', ')} };`, ''].join('\n');
}

const zone = 'import-x/no-restricted-paths';
const onlyUiAndContract = 'kiosk/ui/ imports only its own files';
const libraries = 'are libraries';
const adaptersOnly = 'only through its adapter interface';
const noStandIns = 'Production code imports nothing from scripts/, test/';
const sessionBelow = 'kiosk/session/ sees the world through its services';
const printingBelow = 'kiosk/printing/ is used by the session, not the reverse';
const privacyLeaf = 'kiosk/privacy/ is a leaf';
const verifierAlone = 'verifier/ runs in the agent and in a browser';

describe('refused', () => {
  // [what, the planted file, what it imports, the rule that must refuse it, words of the rule's message]
  const cases: [string, string, string, string, string][] = [
    [
      'kiosk/ui/ importing the session machine, even type-only',
      'kiosk/ui/Planted.tsx',
      'type:../session/session-machine',
      zone,
      onlyUiAndContract,
    ],
    ['kiosk/ui/ importing the agent logger', 'kiosk/ui/components/Planted.tsx', '../../logger', zone, onlyUiAndContract],
    [
      'kiosk/ui/ importing the session contract as a value',
      'kiosk/ui/Planted.tsx',
      '../session/session-view',
      '@typescript-eslint/no-restricted-imports',
      'as types only',
    ],
    ['kiosk/ui/ importing a Node built-in', 'kiosk/ui/Planted.tsx', 'node:fs', 'import-x/no-nodejs-modules', ''],
    ['device-drivers/ importing from kiosk/', 'device-drivers/a4-printer/planted.ts', '../../kiosk/logger', zone, libraries],
    ['print-templates/ importing from kiosk/, even type-only', 'print-templates/planted.ts', 'type:../kiosk/logger', zone, libraries],
    [
      'device-drivers/ importing from scripts/',
      'device-drivers/id-reader/planted.ts',
      '../../scripts/synthetic-population',
      zone,
      libraries,
    ],
    [
      'the session machine importing a codec',
      'kiosk/session/planted.ts',
      '../../device-drivers/a4-printer/ipp-encoding',
      zone,
      adaptersOnly,
    ],
    ['the session machine importing a transport', 'kiosk/session/planted.ts', '../../device-drivers/serial-transport', zone, adaptersOnly],
    [
      'the session machine importing a real driver',
      'kiosk/session/planted.ts',
      '../../device-drivers/a4-printer/ipp-a4-printer',
      zone,
      adaptersOnly,
    ],
    [
      'the session machine importing a simulated driver',
      'kiosk/session/planted.ts',
      '../../device-drivers/id-reader/simulated-id-reader',
      zone,
      adaptersOnly,
    ],
    ['production code importing scripts/', 'kiosk/agent/planted.ts', '../../scripts/synthetic-population', zone, noStandIns],
    [
      'production code importing the gateway simulator',
      'kiosk/agent/planted.ts',
      '../../scripts/gateway-simulator/simulator',
      zone,
      noStandIns,
    ],
    ['production code importing test/', 'kiosk/printing/planted.ts', '../../test/support/pty-pair', zone, noStandIns],
    [
      'production code importing a simulated driver',
      'kiosk/devices/planted.ts',
      '../../device-drivers/id-reader/simulated-id-reader',
      zone,
      noStandIns,
    ],
    ['a driver importing a simulated driver', 'device-drivers/id-reader/planted.ts', './simulated-id-reader', zone, noStandIns],
    [
      'production code importing the development wiring',
      'kiosk/agent/planted.ts',
      '../development/create-development-agent',
      zone,
      noStandIns,
    ],
    ['the production entry importing the development entry', 'kiosk/main.ts', './dev-main', zone, noStandIns],
    ['the session importing the agent', 'kiosk/session/planted.ts', '../agent/scan-router', zone, sessionBelow],
    ['the session importing printing', 'kiosk/session/planted.ts', '../printing/print-service', zone, sessionBelow],
    [
      'printing importing the session, even type-only',
      'kiosk/printing/planted.ts',
      'type:../session/session-services',
      zone,
      printingBelow,
    ],
    ['the privacy module importing the session', 'kiosk/privacy/planted.ts', '../session/failures', zone, privacyLeaf],
    ['the KQ1 verifier importing the gateway', 'verifier/planted.ts', '../kiosk/gateway/trust-list', zone, verifierAlone],
    ['the KQ1 verifier importing a Node built-in', 'verifier/planted.ts', 'node:crypto', 'import-x/no-nodejs-modules', ''],
    ['an import that does not resolve', 'kiosk/agent/planted.ts', './no-such-file', 'import-x/no-unresolved', ''],
  ];

  it.each(cases)('%s', async (_what, file, specifier, rule, says) => {
    const found = refusals(await lint(file, plantedCode([specifier])));
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
  // [what, the planted file, what it imports]
  const cases: [string, string, string[]][] = [
    [
      'kiosk/ui/ importing its own files, preact and the contract as types',
      'kiosk/ui/components/Planted.tsx',
      ['preact/hooks', '../strings', 'type:../../session/session-view', 'type:../../session/ui-events'],
    ],
    [
      'the session machine importing adapter interfaces and result types',
      'kiosk/session/planted.ts',
      [
        'type:../../device-drivers/a4-printer/a4-printer',
        'type:../../device-drivers/id-reader/id-card',
        '../../device-drivers/device-result',
      ],
    ],
    [
      'a driver importing its own codec and the shared vocabulary',
      'device-drivers/a4-printer/planted.ts',
      ['./ipp-encoding', '../device-status'],
    ],
    [
      'the development composition root wiring in simulators and the synthetic population',
      'kiosk/development/planted.ts',
      [
        '../../scripts/gateway-simulator/simulator',
        '../../scripts/synthetic-population',
        '../../device-drivers/id-reader/simulated-id-reader',
      ],
    ],
    ['the development entry point doing the same', 'kiosk/dev-main.ts', ['../scripts/synthetic-population']],
    [
      'a test next to production code importing test support and scripts',
      'kiosk/agent/planted.test.ts',
      ['../../test/support/pty-pair', '../../scripts/synthetic-population'],
    ],
    [
      'the KQ1 verifier importing its own files, the result type, the masking and cborg',
      'verifier/planted.ts',
      ['./kq1-format', '../device-drivers/result', '../kiosk/privacy/mask', 'cborg'],
    ],
    ['a UI test importing the contract as a value', 'kiosk/ui/Planted.test.tsx', ['../session/session-view']],
  ];

  it.each(cases)('%s', async (_what, file, specifiers) => {
    expect(refusals(await lint(file, plantedCode(specifiers)))).toEqual([]);
  });
});
