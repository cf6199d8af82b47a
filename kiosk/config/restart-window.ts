// The nightly restart window, `"HH:MM-HH:MM"` in Asia/Shanghai time; it may cross midnight ("23:30-00:30").

import { z } from 'zod';

export interface RestartWindow {
  /** As configured, for the log. */
  text: string;
  /** Minutes after Shanghai midnight: the window opens at `startMinute` and closes at `endMinute`. */
  startMinute: number;
  endMinute: number;
}

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

export const restartWindowSchema = z
  .string()
  .regex(WINDOW, 'a window in Asia/Shanghai time such as "03:00-04:00"')
  .transform((text, ctx) => {
    const match = WINDOW.exec(text);
    const field = (i: number): number => Number(match?.[i]);
    const window = { text, startMinute: field(1) * 60 + field(2), endMinute: field(3) * 60 + field(4) };
    if (window.startMinute === window.endMinute) ctx.addIssue({ code: 'custom', message: 'the window opens and closes at the same time' });
    return window satisfies RestartWindow;
  });
