// The touch UI and the agent are separate TypeScript projects so that neither sees the other's globals: a UI file
// that reaches for `process` and an agent file that reaches for `window` must not compile. Each check builds the
// real project (its files, its options) with two planted files, one refused and one allowed, and type-checks those.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function readProject(config: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(repo, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${config}`);
  return parsed;
}

/** Builds the project with `planted` files (path relative to the repository → code) added to it. */
function compileWithin(config: string, planted: Record<string, string>) {
  const { options, fileNames } = readProject(config);
  const code = new Map(Object.entries(planted).map(([file, text]) => [path.join(repo, file), text]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => code.get(file) ?? readFile(file);
  host.fileExists = (file) => code.has(file) || fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = code.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language, true);
  };
  const program = ts.createProgram([...fileNames, ...code.keys()], options, host);
  return {
    errorsIn: (file: string): string[] =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(path.join(repo, file)))
        .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    files: program.getSourceFiles().map((file) => path.relative(repo, file.fileName)),
  };
}

const projects = [
  {
    name: 'the agent project (Node, tsconfig.json)',
    config: 'tsconfig.json',
    folder: 'kiosk/agent',
    refused: 'export const where = [window.location.href, document.title];\n',
    refusals: [/^TS2304: Cannot find name 'window'/, /^TS2584: Cannot find name 'document'/],
    allowed: 'export const home: string | undefined = process.env.HOME;\n',
    /** The DOM library, or a UI file, reached even through a dependency. */
    foreign: (file: string) => /lib\.dom/.test(file) || file.startsWith('kiosk/ui/'),
    holds: ['kiosk/session/session-view.ts', 'kiosk/session/ui-events.ts'],
  },
  {
    name: 'the UI project (DOM, kiosk/ui/tsconfig.json)',
    config: 'kiosk/ui/tsconfig.json',
    folder: 'kiosk/ui',
    refused: 'export const where = [process.env.HOME, Buffer.from("")];\n',
    refusals: [/^TS2591: Cannot find name 'process'/, /^TS2591: Cannot find name 'Buffer'/],
    allowed: [
      `import type { SessionView } from '../session/session-view';`,
      `import type { UiEvent } from '../session/ui-events';`,
      `export const where: string = window.location.href;`,
      `export type Seen = [SessionView, UiEvent];`,
      ``,
    ].join('\n'),
    /** Node's types, reached even through a dependency. */
    foreign: (file: string) => file.includes('@types/node'),
    holds: ['kiosk/session/session-view.ts', 'kiosk/session/ui-events.ts'],
  },
  {
    name: 'the KQ1 verifier, as a browser page compiles it (DOM, no Node, verifier/tsconfig.json)',
    config: 'verifier/tsconfig.json',
    folder: 'verifier',
    refused: 'export const where = [process.env.HOME, Buffer.from("")];\n',
    refusals: [/^TS2591: Cannot find name 'process'/, /^TS2591: Cannot find name 'Buffer'/],
    allowed: [
      `import { verifySeal } from './verify-kq1';`,
      `export const webCrypto: SubtleCrypto = crypto.subtle;`,
      `export const check = verifySeal;`,
      ``,
    ].join('\n'),
    /** Node's types, reached even through a dependency. */
    foreign: (file: string) => file.includes('@types/node'),
    holds: ['verifier/verify-kq1.ts', 'verifier/kq1-verdict.ts', 'kiosk/privacy/mask.ts', 'device-drivers/result.ts'],
  },
];

describe.each(projects)('$name', ({ config, folder, refused, refusals, allowed, foreign, holds }) => {
  const compiled = compileWithin(config, { [`${folder}/planted-refused.ts`]: refused, [`${folder}/planted-allowed.ts`]: allowed });

  it("refuses the other side's globals", () => {
    expect(compiled.errorsIn(`${folder}/planted-refused.ts`)).toEqual(refusals.map((pattern) => expect.stringMatching(pattern)));
  });

  it('accepts its own globals (control)', () => {
    expect(compiled.errorsIn(`${folder}/planted-allowed.ts`)).toEqual([]);
  });

  it("holds the session contract and none of the other side's files", () => {
    expect(compiled.files.filter(foreign)).toEqual([]);
    expect(compiled.files).toEqual(expect.arrayContaining(holds));
  });
});
