import { describe, expect, it } from 'vitest';
import { GroupTag, ValueTag, type IppMessage } from './ipp-encoding';
import {
  cancelJobRequest,
  getJobAttributesRequest,
  getPrinterAttributesRequest,
  Operation,
  printJobRequest,
  readJobAttributes,
  readPrinterAttributes,
  truncateUtf8,
} from './ipp-operations';

const URI = 'ipp://localhost:631/ipp/print';
const names = (m: IppMessage) => m.groups[0]!.attributes.map((a) => a.name);
const valueOf = (m: IppMessage, name: string) => m.groups[0]!.attributes.find((a) => a.name === name)?.values;

describe('operation requests', () => {
  it('start with charset, language and printer-uri, in that order (RFC 8011 §4.1.4)', () => {
    for (const message of [
      getPrinterAttributesRequest(URI, 1),
      printJobRequest(URI, 2, 'kiosk-1'),
      getJobAttributesRequest(URI, 3, 7),
      cancelJobRequest(URI, 4, 7),
    ]) {
      expect(message.version).toEqual({ major: 1, minor: 1 });
      expect(message.groups).toHaveLength(1);
      expect(message.groups[0]!.tag).toBe(GroupTag.operation);
      expect(names(message).slice(0, 3)).toEqual(['attributes-charset', 'attributes-natural-language', 'printer-uri']);
      expect(valueOf(message, 'printer-uri')).toEqual([{ tag: ValueTag.uri, value: URI }]);
      expect(valueOf(message, 'requesting-user-name')).toEqual([{ tag: ValueTag.nameWithoutLanguage, value: 'kiosk' }]);
    }
  });

  it('carry their operation, request id and job id', () => {
    expect(getPrinterAttributesRequest(URI, 1).code).toBe(Operation.getPrinterAttributes);
    const gja = getJobAttributesRequest(URI, 9, 42);
    expect([gja.code, gja.requestId]).toEqual([Operation.getJobAttributes, 9]);
    expect(valueOf(gja, 'job-id')).toEqual([{ tag: ValueTag.integer, value: 42 }]);
    expect(cancelJobRequest(URI, 1, 42).code).toBe(Operation.cancelJob);
    expect(valueOf(cancelJobRequest(URI, 1, 42), 'job-id')).toEqual([{ tag: ValueTag.integer, value: 42 }]);
  });

  it('send a PDF under the given job name, cut to 255 octets, and no document inside the message', () => {
    const message = printJobRequest(URI, 1, '一'.repeat(100));
    expect(message.code).toBe(Operation.printJob);
    expect(message.data).toHaveLength(0);
    expect(valueOf(message, 'document-format')).toEqual([{ tag: ValueTag.mimeMediaType, value: 'application/pdf' }]);
    const jobName = valueOf(message, 'job-name')![0] as { value: string };
    expect(jobName.value).toBe('一'.repeat(85));
  });
});

describe('truncateUtf8', () => {
  it('cuts at a character boundary', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
    expect(truncateUtf8('a打印', 5)).toBe('a打');
    expect(truncateUtf8('打印', 2)).toBe('');
  });
});

describe('reading answers', () => {
  const answer = (groupTag: number, attributes: IppMessage['groups'][number]['attributes']): IppMessage => ({
    version: { major: 1, minor: 1 },
    code: 0,
    requestId: 1,
    data: new Uint8Array(0),
    groups: [
      { tag: GroupTag.operation, attributes: [] },
      { tag: groupTag, attributes },
    ],
  });

  it('reads printer state, reasons without "none", and CUPS marker levels', () => {
    const printer = readPrinterAttributes(
      answer(GroupTag.printer, [
        { name: 'printer-state', values: [{ tag: ValueTag.enum, value: 4 }] },
        { name: 'printer-state-reasons', values: [{ tag: ValueTag.keyword, value: 'none' }] },
        { name: 'printer-state-message', values: [{ tag: ValueTag.textWithoutLanguage, value: 'Printing.' }] },
        { name: 'printer-is-accepting-jobs', values: [{ tag: ValueTag.boolean, value: true }] },
        { name: 'marker-names', values: [{ tag: ValueTag.nameWithoutLanguage, value: 'Black' }] },
        { name: 'marker-types', values: [{ tag: ValueTag.keyword, value: 'toner' }] },
        { name: 'marker-levels', values: [{ tag: ValueTag.integer, value: 12 }] },
      ]),
    );
    expect(printer).toEqual({
      state: 4,
      reasons: [],
      message: 'Printing.',
      acceptingJobs: true,
      markers: [{ name: 'Black', type: 'toner', level: 12 }],
    });
  });

  it('reads IPP Everywhere supply levels (printer-supply) as percentages', () => {
    const supply = (text: string) => ({ tag: ValueTag.octetString, bytes: new TextEncoder().encode(text) });
    const printer = readPrinterAttributes(
      answer(GroupTag.printer, [
        {
          name: 'printer-supply',
          values: [supply('index=1;type=toner;maxcapacity=200;level=50;colorantname=black;'), supply('index=2;type=wasteToner;level=-2;')],
        },
        { name: 'printer-supply-description', values: [{ tag: ValueTag.textWithoutLanguage, value: 'Black Toner' }] },
      ]),
    );
    expect(printer.markers).toEqual([
      { name: 'Black Toner', type: 'toner', level: 25 },
      { name: 'supply 2', type: 'wasteToner', level: -2 },
    ]);
    expect(printer.state).toBeNull();
  });

  it('reads a job, its state by name, and nothing from the wrong group', () => {
    const job = readJobAttributes(
      answer(GroupTag.job, [
        { name: 'job-id', values: [{ tag: ValueTag.integer, value: 5 }] },
        { name: 'job-state', values: [{ tag: ValueTag.enum, value: 6 }] },
        { name: 'job-state-reasons', values: [{ tag: ValueTag.keyword, value: 'printer-stopped' }] },
      ]),
    );
    expect(job).toEqual({ jobId: 5, state: 'processing-stopped', reasons: ['printer-stopped'] });
    expect(
      readJobAttributes(answer(GroupTag.printer, [{ name: 'job-id', values: [{ tag: ValueTag.integer, value: 5 }] }])).jobId,
    ).toBeNull();
    expect(readJobAttributes(answer(GroupTag.job, [{ name: 'job-state', values: [{ tag: ValueTag.enum, value: 42 }] }])).state).toBeNull();
  });
});
