// The four IPP operations the kiosk uses (RFC 8011 §4): their requests, and the few attributes read from
// their answers. Requests carry no personal data: the job name is the kiosk's counter, the user is "kiosk".

import { GroupTag, ValueTag, type IppAttribute, type IppMessage, type IppValue } from './ipp-encoding';

export const Operation = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

/** Status codes the driver tells apart (RFC 8011 §B); any other is reported by number. */
export const StatusCode = {
  successfulOk: 0x0000,
  clientErrorNotFound: 0x0406,
  clientErrorNotPossible: 0x0404,
  clientErrorDocumentFormatNotSupported: 0x040a,
  serverErrorNotAcceptingJobs: 0x0506,
  serverErrorBusy: 0x0507,
} as const;

/** 0x0000–0x00FF are successes (some with ignored or substituted attributes). */
export function isSuccess(statusCode: number): boolean {
  return statusCode <= 0x00ff;
}

export const JOB_STATES = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
} as const;
export type JobStateName = (typeof JOB_STATES)[keyof typeof JOB_STATES];

/** What the driver asks of the printer before and during a job. */
export const PRINTER_STATUS_ATTRIBUTES = [
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'marker-names',
  'marker-levels',
  'marker-types',
  'printer-supply',
  'printer-supply-description',
];
const JOB_STATUS_ATTRIBUTES = ['job-id', 'job-state', 'job-state-reasons'];

/** IPP limits `name` values to 255 octets (RFC 8011 §5.1.3). */
const MAX_NAME_OCTETS = 255;
const USER_NAME = 'kiosk';

function operationGroup(printerUri: string, extra: IppAttribute[]): { tag: number; attributes: IppAttribute[] } {
  return {
    tag: GroupTag.operation,
    attributes: [
      // RFC 8011 §4.1.4: these two come first, in this order.
      { name: 'attributes-charset', values: [{ tag: ValueTag.charset, value: 'utf-8' }] },
      { name: 'attributes-natural-language', values: [{ tag: ValueTag.naturalLanguage, value: 'en' }] },
      { name: 'printer-uri', values: [{ tag: ValueTag.uri, value: printerUri }] },
      ...extra,
    ],
  };
}

function request(code: number, requestId: number, printerUri: string, extra: IppAttribute[], data = new Uint8Array(0)): IppMessage {
  return { version: { major: 1, minor: 1 }, code, requestId, groups: [operationGroup(printerUri, extra)], data };
}

const keyword = (value: string): IppValue => ({ tag: ValueTag.keyword, value });
const name = (value: string): IppValue => ({ tag: ValueTag.nameWithoutLanguage, value });
const integer = (value: number): IppValue => ({ tag: ValueTag.integer, value });

export function getPrinterAttributesRequest(printerUri: string, requestId: number, requested = PRINTER_STATUS_ATTRIBUTES): IppMessage {
  return request(Operation.getPrinterAttributes, requestId, printerUri, [
    { name: 'requesting-user-name', values: [name(USER_NAME)] },
    { name: 'requested-attributes', values: requested.map(keyword) },
  ]);
}

/** Print-Job without its document: the transport sends the document after these bytes, so it is never copied. */
export function printJobRequest(printerUri: string, requestId: number, jobName: string): IppMessage {
  return request(Operation.printJob, requestId, printerUri, [
    { name: 'requesting-user-name', values: [name(USER_NAME)] },
    { name: 'job-name', values: [name(truncateUtf8(jobName, MAX_NAME_OCTETS))] },
    { name: 'document-format', values: [{ tag: ValueTag.mimeMediaType, value: 'application/pdf' }] },
  ]);
}

export function getJobAttributesRequest(printerUri: string, requestId: number, jobId: number): IppMessage {
  return request(Operation.getJobAttributes, requestId, printerUri, [
    { name: 'job-id', values: [integer(jobId)] },
    { name: 'requesting-user-name', values: [name(USER_NAME)] },
    { name: 'requested-attributes', values: JOB_STATUS_ATTRIBUTES.map(keyword) },
  ]);
}

export function cancelJobRequest(printerUri: string, requestId: number, jobId: number): IppMessage {
  return request(Operation.cancelJob, requestId, printerUri, [
    { name: 'job-id', values: [integer(jobId)] },
    { name: 'requesting-user-name', values: [name(USER_NAME)] },
  ]);
}

/** Cuts at a character boundary, never inside a UTF-8 sequence. */
export function truncateUtf8(text: string, maxOctets: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxOctets) return text;
  let out = '';
  let octets = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (octets + size > maxOctets) break;
    out += char;
    octets += size;
  }
  return out;
}

// ---------------------------------------------------------------- reading answers

export interface PrinterAttributes {
  /** 3 idle, 4 processing, 5 stopped; null when the printer did not say. */
  state: number | null;
  /** As sent, suffixes included (`media-empty-warning`); never `none`. */
  reasons: string[];
  message: string | null;
  acceptingJobs: boolean | null;
  markers: MarkerLevel[];
}

export interface MarkerLevel {
  name: string;
  type: string | null;
  /** Percent 0–100, or a negative IPP special value (-1 unavailable, -2 unknown, -3 some remains). */
  level: number;
}

export interface JobAttributes {
  jobId: number | null;
  state: JobStateName | null;
  reasons: string[];
}

function findAttribute(message: IppMessage, groupTag: number, attributeName: string): IppAttribute | undefined {
  for (const group of message.groups) {
    if (group.tag !== groupTag) continue;
    const found = group.attributes.find((a) => a.name === attributeName);
    if (found) return found;
  }
  return undefined;
}

function strings(attribute: IppAttribute | undefined): string[] {
  const out: string[] = [];
  for (const value of attribute?.values ?? []) if ('value' in value && typeof value.value === 'string') out.push(value.value);
  return out;
}

function octetStrings(attribute: IppAttribute | undefined): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const out: string[] = [];
  for (const value of attribute?.values ?? []) {
    if ('bytes' in value) out.push(decoder.decode(value.bytes));
    else if ('value' in value && typeof value.value === 'string') out.push(value.value);
  }
  return out;
}

function integers(attribute: IppAttribute | undefined): number[] {
  const out: number[] = [];
  for (const value of attribute?.values ?? []) if ('value' in value && typeof value.value === 'number') out.push(value.value);
  return out;
}

function firstBoolean(attribute: IppAttribute | undefined): boolean | null {
  const value = attribute?.values[0];
  return value && 'value' in value && typeof value.value === 'boolean' ? value.value : null;
}

export function readPrinterAttributes(message: IppMessage): PrinterAttributes {
  const get = (n: string) => findAttribute(message, GroupTag.printer, n);
  return {
    state: integers(get('printer-state'))[0] ?? null,
    reasons: strings(get('printer-state-reasons')).filter((r) => r !== 'none'),
    message: strings(get('printer-state-message'))[0] ?? null,
    acceptingJobs: firstBoolean(get('printer-is-accepting-jobs')),
    markers: readMarkers(message),
  };
}

/** CUPS queues say `marker-names`/`marker-levels`; IPP Everywhere printers say `printer-supply` (PWG 5100.13). */
function readMarkers(message: IppMessage): MarkerLevel[] {
  const get = (n: string) => findAttribute(message, GroupTag.printer, n);
  const names = strings(get('marker-names'));
  const levels = integers(get('marker-levels'));
  const types = strings(get('marker-types'));
  if (levels.length > 0) return levels.map((level, i) => ({ name: names[i] ?? `marker ${i + 1}`, type: types[i] ?? null, level }));

  const descriptions = strings(get('printer-supply-description'));
  return octetStrings(get('printer-supply')).flatMap((supply, i) => {
    const fields = new Map(supply.split(';').map((part) => part.split('=', 2) as [string, string | undefined]));
    const level = Number(fields.get('level'));
    const max = Number(fields.get('maxcapacity') ?? 100);
    if (!Number.isFinite(level)) return [];
    const percent = level < 0 || !(max > 0) ? level : Math.round((level / max) * 100);
    return [{ name: descriptions[i] ?? fields.get('colorantname') ?? `supply ${i + 1}`, type: fields.get('type') ?? null, level: percent }];
  });
}

export function readJobAttributes(message: IppMessage): JobAttributes {
  const get = (n: string) => findAttribute(message, GroupTag.job, n);
  const state = integers(get('job-state'))[0];
  return {
    jobId: integers(get('job-id'))[0] ?? null,
    state: state !== undefined && state in JOB_STATES ? JOB_STATES[state as keyof typeof JOB_STATES] : null,
    reasons: strings(get('job-state-reasons')).filter((r) => r !== 'none'),
  };
}

/** The printer's own words about a failed request, for staff diagnostics (never document content). */
export function statusMessage(message: IppMessage): string | null {
  return strings(findAttribute(message, GroupTag.operation, 'status-message'))[0] ?? null;
}
