// `npm run audit -- verify [--data-dir DIR | --config PATH]`: checks the audit log's chain from a shell.
// Exit 0 when intact, with a one-line summary; 1 with the first broken record, or a torn last record, otherwise.

import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { scanChain } from '../kiosk/audit/audit-chain';
import { auditLogFile } from '../kiosk/audit/audit-log';
import { ConfigError, loadConfig } from '../kiosk/config/kiosk-config';
import { CliFailure, writeFailure } from './device-cli/cli-output';

const USAGE = `usage: npm run audit -- verify [--data-dir DIR | --config PATH]
  verify   checks every record's hash and link; the data directory defaults to the configuration's (.kiosk-data)`;

async function dataDirFrom(values: { 'data-dir'?: string; config?: string }): Promise<string> {
  if (values['data-dir'] !== undefined) return values['data-dir'];
  try {
    return (await loadConfig(values.config)).config.dataDir;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, 2);
    throw error;
  }
}

async function readLog(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliFailure(`no audit log at ${file}`);
    throw error;
  }
}

async function verify(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { 'data-dir': { type: 'string' }, config: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    throw new CliFailure(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new CliFailure(USAGE, 2);
  const file = auditLogFile(await dataDirFrom(values));
  const scan = scanChain(await readLog(file));
  if (scan.broken) {
    const { line, seq, atByte, reason } = scan.broken;
    throw new CliFailure(`audit log ${file} is broken at line ${line}${seq === null ? '' : ` (seq ${seq})`}, byte ${atByte}: ${reason}`);
  }
  if (scan.torn) {
    throw new CliFailure(
      `audit log ${file}: torn last record at byte ${scan.torn.atByte} (${scan.torn.reason}); the ${scan.records} records before it are intact, and the agent sets the torn one aside when it next starts`,
    );
  }
  process.stdout.write(
    `audit log ${file} intact: ${scan.records} records, last seq ${scan.tip.seq}, last hash ${scan.tip.hash.slice(0, 12)}\n`,
  );
  const setAside = (await readdir(dirname(file))).filter((name) => name.startsWith(`${basename(file)}.torn-`));
  if (setAside.length > 0) process.stderr.write(`note: torn records set aside earlier, kept beside it: ${setAside.join(', ')}\n`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'verify') throw new CliFailure(USAGE, 2);
  await verify(rest);
}

main().then(
  () => process.exit(0),
  (error: unknown) => process.exit(writeFailure(error)),
);
