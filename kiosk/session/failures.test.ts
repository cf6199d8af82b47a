import { describe, expect, it } from 'vitest';
import { failureDefinitions, failureView, type FailureCode } from './failures';

const codes = Object.keys(failureDefinitions) as FailureCode[];

describe('failure texts', () => {
  it('王五, unknown to the sources: says the sources have no record of the person, what it means, and where to go', () => {
    const view = failureView('HOLDER_NOT_FOUND');
    // Not "no records were found for you", which for a no-property proof reads as "you own nothing".
    expect(view.title.zh).not.toContain('未查询到您的登记信息');
    expect(view.title.zh).toContain('没有您的信息');
    expect(view.title.en).toContain('no record of you');
    expect(view.detail.zh).toContain('查不到您这个人');
    expect(view.detail.zh).toContain('这不表示您名下有或没有房产');
    expect(view.detail.en).toContain('says nothing about what is registered in your name');
    expect(view.nextSteps[0]?.zh).toContain('人工窗口');
    expect(view.fault).toBe('source');
  });

  it('badges the data-sharing service’s failures as its own, never as this kiosk’s', () => {
    expect(failureView('GATEWAY_UNAVAILABLE').fault).toBe('service');
    expect(failureView('CONSENT_EXPIRED').fault).toBe('service');
    expect(failureView('CERTIFICATE_INVALID').fault).toBe('service');
    expect(failureView('PRINTER_OUT_OF_PAPER').fault).toBe('kiosk');
    expect(failureView('READER_UNAVAILABLE').fault).toBe('kiosk');
  });

  it.each(codes)('%s: the detail does not repeat whose fault it is (the badge says it)', (code) => {
    const { detail } = failureView(code);
    expect(detail.zh).not.toMatch(/不是您的(原因|问题)/);
    expect(detail.en).not.toMatch(/not your fault|not yours/i);
  });

  it.each(codes)('%s: after 重试 met it again, a retryable failure says it is still so', (code) => {
    const first = failureView(code);
    const again = failureView(code, true);
    if (!first.canRetry) {
      expect(again).toEqual(first);
      return;
    }
    expect(again.repeated).toBe(true);
    expect(again.title.zh).toContain('仍');
    expect(again.title.en).toContain('still');
    expect(again.title).not.toEqual(first.title);
  });
});
