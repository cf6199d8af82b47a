// The command line's short form of a fault rule: `kind[:key=value,…]`, e.g. `5xx:count=3,status=503`,
// `latency:ms=200`, `rate-limit:retryAfterSeconds=2,count=1`. Checked by the same schema as the JSON forms.

import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../device-drivers/result';
import { faultListSchema, faultRuleSchema, type FaultRule } from './fault-plan';

function scalar(text: string): string | number | boolean {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** A rule, or a message naming what is wrong with the flag. */
export function parseFaultSpec(spec: string): Result<FaultRule, string> {
  const [kind, options = ''] = spec.split(/:(.*)/s, 2) as [string, string?];
  const fields: Record<string, unknown> = { kind };
  for (const pair of options.split(',').filter((part) => part !== '')) {
    const at = pair.indexOf('=');
    if (at <= 0) return err(`--fault ${spec}: "${pair}" is not key=value`);
    fields[pair.slice(0, at)] = scalar(pair.slice(at + 1));
  }
  const parsed = faultRuleSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`--fault ${spec}: ${issue?.path.join('.') || 'kind'}: ${issue?.message ?? 'invalid'}`);
  }
  return ok(parsed.data);
}

/** The rules of a JSON file `{ "faults": [ … ] }`, or a message naming what is wrong with it. */
export async function readFaultFile(path: string): Promise<Result<FaultRule[], string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return err(`--faults-file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = faultListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`--faults-file ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return ok(parsed.data.faults);
}
