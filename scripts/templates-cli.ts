// `npm run templates -- <command> …`: the operator's tools for template bundles and their TUF repository. Each
// command is a row of the table below: its arguments, what it does, and its run function (exit code 0 success,
// 1 refused, 2 misuse).

import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { renderBundleSamples } from '../print-templates/bundle-sample-renders';
import { MANIFEST_FILE, sha256Hex } from '../print-templates/bundle-manifest';
import { publishedJsonSchemas } from '../print-templates/published-json-schemas';
import { loadTemplateBundle } from '../print-templates/template-bundle';
import { publishRepository } from './template-repository/publish-repository';
import { makeRoleKeys } from './template-repository/role-keys';
import { rotateRoot } from './template-repository/rotate-root';
import { signBundle } from './template-repository/sign-bundle';
import { signTrustList } from './template-repository/sign-trust-list';

interface Command {
  args: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const schemaDir = join(import.meta.dirname, '..', 'print-templates', 'schema');

const commands: Record<string, Command> = {
  validate: {
    args: '<bundle>',
    summary: 'checks the manifest, every file hash, each template and sample, and renders every sample',
    run: async ([bundle]) => {
      const renders = await checkedRenders(required(bundle));
      if (!renders) return 1;
      console.log(`${bundle}: valid, ${renders.length} samples rendered`);
      return 0;
    },
  },
  preview: {
    args: '<bundle> <outdir>',
    summary: 'writes every template with each of its samples as PDF, and each page as PNG (pdftoppm)',
    run: async ([bundle, outdir]) => {
      const renders = await checkedRenders(required(bundle));
      const out = required(outdir);
      if (!renders) return 1;
      await mkdir(out, { recursive: true });
      for (const render of renders) {
        const name = `${render.role.replace(':', '-')}--${render.sampleFile.replace(/\.json$/, '').replaceAll('/', '-')}`;
        const pdf = join(out, `${name}.pdf`);
        await writeFile(pdf, render.pdf);
        await promisify(execFile)('pdftoppm', ['-r', '100', '-png', pdf, join(out, name)]);
        console.log(`${pdf} (${render.pages} ${render.pages === 1 ? 'page' : 'pages'})`);
      }
      return 0;
    },
  },
  hash: {
    args: '<bundle>',
    summary: `rewrites the "files" of the bundle's ${MANIFEST_FILE} from the files beside it (their SHA-256 and length)`,
    run: async ([bundle]) => {
      const dir = required(bundle);
      const manifestFile = join(dir, MANIFEST_FILE);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
      const files: Record<string, { sha256: string; length: number }> = {};
      for (const path of (await filesUnder(dir)).filter((p) => p !== MANIFEST_FILE).sort()) {
        const bytes = await readFile(join(dir, path));
        files[path] = { sha256: sha256Hex(bytes), length: bytes.length };
      }
      await writeFile(manifestFile, JSON.stringify({ ...manifest, files }, null, 2) + '\n');
      console.log(`${manifestFile}: ${Object.keys(files).length} files`);
      return 0;
    },
  },
  schema: {
    args: '',
    summary: 'writes the published JSON Schemas to print-templates/schema/',
    run: async () => {
      await mkdir(schemaDir, { recursive: true });
      for (const [file, text] of Object.entries(publishedJsonSchemas())) await writeFile(join(schemaDir, file), text);
      console.log(`${schemaDir}: written`);
      return 0;
    },
  },
  keys: {
    args: '<keydir>',
    summary: 'makes the root, targets, snapshot and timestamp keys (keep root.key and targets.key offline)',
    run: async (args) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new Misuse('one key directory');
      const dir = required(positionals[0]);
      return refusedAsOne(async () => {
        await makeRoleKeys(dir);
        console.log(`keys written to ${dir}`);
      });
    },
  },
  sign: {
    args: '<repo> <bundle> --ring N --keys <dir>',
    summary: 'adds the bundle as targets for rings 0..N and signs targets (offline keys); publish next',
    run: async (args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { ring: { type: 'string' }, keys: { type: 'string' } },
      });
      const [repo, bundle] = [required(positionals[0]), required(positionals[1])];
      if (values.ring === undefined || !values.keys) throw new Misuse('--ring and --keys are required');
      return refusedAsOne(async () => {
        const signed = await signBundle({ repo, bundle, ring: Number(values.ring), keys: required(values.keys) });
        console.log(`bundle ${signed.version} signed for rings 0–${values.ring} (targets version ${signed.targetsVersion}); now publish`);
      });
    },
  },
  'sign-trust-list': {
    args: '<repo> <trust-list.jws> --keys <dir>',
    summary:
      'adds the signed trust list as the target trust/trust-list.jws and signs targets; kiosks still verify it against their pinned trust root',
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' } } });
      const [repo, trustList] = [required(positionals[0]), required(positionals[1])];
      if (!values.keys) throw new Misuse('--keys is required');
      return refusedAsOne(async () => {
        const signed = await signTrustList({ repo, trustList, keys: required(values.keys) });
        console.log(`trust list version ${signed.version} signed (targets version ${signed.targetsVersion}); now publish`);
      });
    },
  },
  publish: {
    args: '<repo> --keys <dir>',
    summary: 'signs snapshot and timestamp (online keys); the repository is then ready to serve as static files',
    run: async (args) => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' } } });
      const repo = required(positionals[0]);
      if (!values.keys) throw new Misuse('--keys is required');
      return refusedAsOne(async () => {
        const published = await publishRepository({ repo, keys: required(values.keys) });
        console.log(`published snapshot ${published.snapshotVersion}, timestamp ${published.timestampVersion}`);
      });
    },
  },
  'rotate-root': {
    args: '<repo> --keys <dir> [--new-keys <dir>] [--days N]',
    summary:
      'writes the next root version signed by the current root key and any new one: each role whose key is in --new-keys gets it (offline keys); without --new-keys, renews the expiry; publish next',
    run: async (args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { keys: { type: 'string' }, 'new-keys': { type: 'string' }, days: { type: 'string' } },
      });
      const repo = required(positionals[0]);
      if (!values.keys) throw new Misuse('--keys is required');
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && !(Number.isInteger(days) && days > 0 && days <= 3650))
        throw new Misuse('--days: a whole number of days, 1–3650');
      return refusedAsOne(async () => {
        const rotated = await rotateRoot({
          repo,
          keys: required(values.keys),
          ...(values['new-keys'] ? { newKeys: values['new-keys'] } : {}),
          ...(days ? { rootDays: days } : {}),
        });
        const keys = rotated.rotated.length === 0 ? 'the same keys' : `new keys for ${rotated.rotated.join(', ')}`;
        const targets = rotated.targetsVersion ? `; targets signed again (version ${rotated.targetsVersion})` : '';
        console.log(`root version ${rotated.version} signed with ${keys}, expires ${rotated.expires}${targets}; now publish`);
      });
    },
  },
};

/** A refusal (a bundle that fails its check, a version already signed with other bytes) is exit 1 with its reason. */
async function refusedAsOne(step: () => Promise<void>): Promise<number> {
  try {
    await step();
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

class Misuse extends Error {}

function required(arg: string | undefined): string {
  if (!arg) throw new Misuse('missing argument');
  return arg;
}

/** The bundle's sample renders, or undefined after printing every problem. */
async function checkedRenders(bundle: string) {
  const loaded = await loadTemplateBundle(bundle);
  const renders = loaded.ok ? await renderBundleSamples(loaded.value) : loaded;
  if (renders.ok) return renders.value;
  for (const problem of renders.error) console.error(`${bundle}: ${problem}`);
  return undefined;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

function usage(): string {
  return [
    'usage: npm run templates -- <command>',
    ...Object.entries(commands).map(([name, c]) => `  ${name} ${c.args}\n      ${c.summary}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(usage());
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (!(error instanceof Misuse)) throw error;
    console.error(`usage: npm run templates -- ${name} ${command.args}\n  ${error.message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
