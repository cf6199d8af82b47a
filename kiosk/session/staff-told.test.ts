// Every failure screen that tells the citizen staff have been told raises a staff alert on each way to it.

import { describe, expect, it } from 'vitest';
import { fail } from '../../device-drivers/device-result';
import { err } from '../../device-drivers/result';
import { createSessionHarness, type SessionHarness } from '../../test/support/session-harness';
import { failureDefinitions, type FailureCode } from './failures';

const STAFF_TOLD = /已通知工作人员|工作人员已收到通知|[Ss]taff have been told/;

function tellsCitizenStaffWereTold(code: FailureCode): boolean {
  const { title, detail, nextSteps } = failureDefinitions[code];
  return [title, detail, ...nextSteps].some((text) => STAFF_TOLD.test(text.zh) || STAFF_TOLD.test(text.en));
}

async function toPrinterCheck(h: SessionHarness) {
  await h.toPreview();
  h.send({ type: 'PRINT' });
  await h.flush();
}

/** Each way the kiosk reaches such a screen. */
const ways: Array<[FailureCode, string, () => Promise<SessionHarness>]> = [
  [
    'READER_UNAVAILABLE',
    'reader unplugged',
    async () => {
      const h = createSessionHarness();
      await h.toPlaceCard();
      h.read.resolve(fail('noDevice', 'unplugged'));
      return h;
    },
  ],
  [
    'READER_UNAVAILABLE',
    'reader threw',
    async () => {
      const h = createSessionHarness({ services: { readCard: () => Promise.reject(new Error('bug')) } });
      await h.toPlaceCard();
      return h;
    },
  ],
  [
    'GATEWAY_REFUSED',
    'gateway refused the kiosk',
    async () => {
      const h = createSessionHarness();
      await h.toFetching();
      h.fetch.resolve(err({ kind: 'error', code: 'UNAUTHENTICATED', retryable: false, detail: 'x' }));
      return h;
    },
  ],
  ...(['unavailable', 'paperOut', 'jammed', 'tonerOut'] as const).map((readiness): [FailureCode, string, () => Promise<SessionHarness>] => [
    (
      {
        unavailable: 'PRINTER_UNAVAILABLE',
        paperOut: 'PRINTER_OUT_OF_PAPER',
        jammed: 'PRINTER_JAMMED',
        tonerOut: 'PRINTER_OUT_OF_TONER',
      } as const
    )[readiness],
    `printer ${readiness} before the job`,
    async () => {
      const h = createSessionHarness();
      await toPrinterCheck(h);
      h.printerCheck.resolve(readiness);
      return h;
    },
  ]),
  [
    'PRINTER_UNAVAILABLE',
    'printer check threw',
    async () => {
      const h = createSessionHarness({ services: { checkPrinter: () => Promise.reject(new Error('bug')) } });
      await toPrinterCheck(h);
      return h;
    },
  ],
  [
    'PRINT_STALLED',
    'job stalled past its deadline',
    async () => {
      const h = createSessionHarness();
      await h.toPrintingJob();
      h.reportPrint({ stage: 'sent' });
      h.reportPrint({ stage: 'stalled', reason: 'paperOut' });
      await h.advance(180_000);
      return h;
    },
  ],
  [
    'PRINT_FAILED',
    'job aborted',
    async () => {
      const h = createSessionHarness();
      await h.toPrintingJob();
      h.reportPrint({ stage: 'sent' });
      h.print.resolve(fail('hardwareError', 'jobAborted'));
      return h;
    },
  ],
];

describe('failure screens that say staff have been told', () => {
  it('each has its ways covered here', () => {
    const told = (Object.keys(failureDefinitions) as FailureCode[]).filter(tellsCitizenStaffWereTold);
    expect(new Set(ways.map(([code]) => code))).toEqual(new Set(told));
  });

  it.each(ways)('%s (%s) raises a staff alert', async (code, _way, reach) => {
    const h = await reach();
    await h.flush();
    expect(h.view().failure?.code).toBe(code);
    expect(h.emitted.filter((e) => e.type === 'staffAlert').length).toBeGreaterThan(0);
  });
});
