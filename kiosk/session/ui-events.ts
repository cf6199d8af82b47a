// What the UI may ask of the session: a closed list, checked on arrival. Anything else is dropped.

import { z } from 'zod';
import { maintenanceEventSchema } from '../maintenance/maintenance-events';

/** 好差评 reason tags, a closed list so that a rating can never carry free text into a log. */
export const ratingTags = ['办理快捷', '操作简单', '等待太久', '操作复杂', '打印问题'] as const;

export const uiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SELECT_ERRAND'), errandId: z.string().max(64) }),
  z.object({ type: z.literal('START') }),
  z.object({ type: z.literal('CONSENT') }),
  /** No card with them: identity by the government app's code (sharing-gateway-v1.1). */
  z.object({ type: z.literal('USE_APP_CODE') }),
  z.object({ type: z.literal('RENEW_CHALLENGE') }),
  /** 是您本人吗？ — 是 / 不是. */
  z.object({ type: z.literal('IS_ME') }),
  z.object({ type: z.literal('NOT_ME') }),
  z.object({ type: z.literal('PRINT') }),
  /** 一件事 with a part refused: print those issued (the preview comes first). */
  z.object({ type: z.literal('PRINT_ISSUED') }),
  /** From the preview back to the partial errand's choice. */
  z.object({ type: z.literal('BACK') }),
  z.object({ type: z.literal('CANCEL') }),
  z.object({ type: z.literal('RETRY') }),
  z.object({ type: z.literal('CONTINUE') }),
  z.object({ type: z.literal('TOUCH') }),
  z.object({ type: z.literal('HOME') }),
  z.object({
    type: z.literal('RATE'),
    score: z.number().int().min(1).max(5),
    tags: z.array(z.enum(ratingTags)).max(ratingTags.length),
  }),
  z.object({ type: z.literal('SKIP_RATING') }),
  /** 核验证明: from home, and again from a check's result. */
  z.object({ type: z.literal('CHECK_PAPER') }),
  z.object({
    type: z.literal('SET_PREFS'),
    prefs: z
      .object({
        language: z.enum(['zh', 'en']),
        elderly: z.boolean(),
        largeText: z.boolean(),
        highContrast: z.boolean(),
        muted: z.boolean(),
      })
      .partial(),
  }),
]);

export type UiEvent = z.infer<typeof uiEventSchema>;

/** UI → agent messages over the WebSocket. */
export const uiMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: uiEventSchema }),
  z.object({ type: z.literal('heartbeat') }),
  z.object({ type: z.literal('maintenance'), event: maintenanceEventSchema }),
]);
export type UiMessage = z.infer<typeof uiMessageSchema>;
