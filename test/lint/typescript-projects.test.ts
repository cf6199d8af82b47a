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

describe('the agent project (Node, tsconfig.json)', () => {
  const agent = compileWithin('tsconfig.json', {
    'kiosk/agent/planted-refused.ts': 'export const where = [window.location.href, document.title];\n',
    'kiosk/agent/planted-allowed.ts': 'export const home: string | undefined = process.env.HOME;\n',
  });

  it('refuses `window` and `document`', () => {
    expect(agent.errorsIn('kiosk/agent/planted-refused.ts')).toEqual([
      expect.stringMatching(/^TS2304: Cannot find name 'window'/),
      expect.stringMatching(/^TS2584: Cannot find name 'document'/),
    ]);
  });

  it('accepts Node globals (control)', () => {
    expect(agent.errorsIn('kiosk/agent/planted-allowed.ts')).toEqual([]);
  });

  it('holds no DOM library and no UI file, not even through a dependency', () => {
    expect(agent.files.filter((file) => /lib\.dom/.test(file) || file.startsWith('kiosk/ui/'))).toEqual([]);
  });
});

describe('the UI project (DOM, kiosk/ui/tsconfig.json)', () => {
  const ui = compileWithin('kiosk/ui/tsconfig.json', {
    'kiosk/ui/planted-refused.ts': 'export const where = [process.env.HOME, Buffer.from("")];\n',
    'kiosk/ui/planted-allowed.ts': [
      `import type { SessionView } from '../session/session-view';`,
      `import type { UiEvent } from '../session/ui-events';`,
      `export const where: string = window.location.href;`,
      `export type Seen = [SessionView, UiEvent];`,
      ``,
    ].join('\n'),
  });

  it('refuses `process` and `Buffer`', () => {
    expect(ui.errorsIn('kiosk/ui/planted-refused.ts')).toEqual([
      expect.stringMatching(/^TS2591: Cannot find name 'process'/),
      expect.stringMatching(/^TS2591: Cannot find name 'Buffer'/),
    ]);
  });

  it('accepts DOM globals and reads the session contract (control)', () => {
    expect(ui.errorsIn('kiosk/ui/planted-allowed.ts')).toEqual([]);
    expect(ui.files).toEqual(expect.arrayContaining(['kiosk/session/session-view.ts', 'kiosk/session/ui-events.ts']));
  });

  it('holds no Node types, not even through a dependency', () => {
    expect(ui.files.filter((file) => file.includes('@types/node'))).toEqual([]);
  });
});
