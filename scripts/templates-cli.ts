// `npm run templates -- <command> …`: the operator's template tool. One row per command in the table below.

import { parseArgs } from 'node:util';
import { publishRepository } from './template-repository/publish-repository';
import { makeRoleKeys } from './template-repository/role-keys';
import { signBundle } from './template-repository/sign-bundle';

interface Command {
  usage: string;
  run(args: string[]): Promise<string>;
}

const commands: Record<string, Command> = {
  keys: {
    usage: 'keys <keydir>   make the root, targets, snapshot and timestamp keys (keep root.key and targets.key offline)',
    async run(args) {
      const {
        positionals: [dir, extra],
      } = parseArgs({ args, allowPositionals: true, options: {} });
      if (!dir || extra !== undefined) throw new UsageError();
      await makeRoleKeys(dir);
      return `keys written to ${dir}`;
    },
  },
  sign: {
    usage: 'sign <repo> <bundle> --ring N --keys <dir>   add the bundle as targets for rings 0..N, sign targets (offline keys)',
    async run(args) {
      const {
        values,
        positionals: [repo, bundle],
      } = parseArgs({ args, allowPositionals: true, options: { ring: { type: 'string' }, keys: { type: 'string' } } });
      if (!repo || !bundle || values.ring === undefined || !values.keys) throw new UsageError();
      const signed = await signBundle({ repo, bundle, ring: Number(values.ring), keys: values.keys });
      return `bundle ${signed.version} signed for rings 0–${values.ring} (targets version ${signed.targetsVersion}); now publish`;
    },
  },
  publish: {
    usage: 'publish <repo> --keys <dir>   sign snapshot and timestamp (online keys); the repository is then ready to serve',
    async run(args) {
      const {
        values,
        positionals: [repo],
      } = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' } } });
      if (!repo || !values.keys) throw new UsageError();
      const published = await publishRepository({ repo, keys: values.keys });
      return `published snapshot ${published.snapshotVersion}, timestamp ${published.timestampVersion}`;
    },
  },
};

class UsageError extends Error {}

function usage(): string {
  return `usage: npm run templates -- <command>\n${Object.values(commands)
    .map((command) => `  ${command.usage}`)
    .join('\n')}`;
}

const [name, ...rest] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (!command) {
  process.stderr.write(`${usage()}\n`);
  process.exit(2);
}
command.run(rest).then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    process.stderr.write(error instanceof UsageError ? `usage: npm run templates -- ${command.usage}\n` : `${(error as Error).message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
