// The ID reader's security module (SAM), asked whether it works: `ok`, or the reader's error words. Only the
// serial GA 467 reader has one to ask; the adapter interface does not promise it.

import type { DeviceResult } from '../../device-drivers/device-result';
import type { IdReader } from '../../device-drivers/id-reader/id-reader';

export interface SamProbe {
  samStatus(): Promise<DeviceResult<void>>;
}

export function hasSam(reader: IdReader | SamProbe): reader is IdReader & SamProbe {
  return typeof (reader as Partial<SamProbe>).samStatus === 'function';
}

export async function samState(reader: SamProbe): Promise<string> {
  const result = await reader.samStatus();
  return result.ok ? 'ok' : [result.error.code, result.error.errorCode].filter(Boolean).join(' ');
}
