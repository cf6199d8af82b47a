// Maintenance mode: a scanned code, then the staff member's PIN, then the maintenance screens until staff leave,
// stop touching the screen for too long, or the time the code allows runs out. Runs in the agent beside the
// session machine; it sees the kiosk only through MaintenanceServices and tells the agent what to audit.
// It never holds a PIN or a code past the check, and the one scanned text it keeps (the scan self-test, for
// "reveal") goes when staff leave.

import { assign, emit, fromPromise, setup } from 'xstate';
import type { Result } from '../../device-drivers/result';
import type { MaintenanceEvent } from './maintenance-events';
import type { ActionOutcome, CodeRefusal, MaintenanceData, MaintenanceTest } from './maintenance-view';

export interface MaintenanceSettings {
  /** How long the home screen shows why a code was refused. */
  refusalMs: number;
  /** No touch for this long ends maintenance mode. */
  idleMs: number;
  /** The last part of idleMs, counted down on screen. */
  idleWarningMs: number;
  /** Maintenance mode never lasts longer than this (nor past the code's expiry). */
  maxMs: number;
  /** The PIN keypad left untouched for this long gives the screen back. */
  pinIdleMs: number;
  /** How often the device lines and the rest are read again while open. */
  refreshMs: number;
}

export const defaultMaintenanceSettings: MaintenanceSettings = {
  refusalMs: 8_000,
  idleMs: 30 * 60_000,
  idleWarningMs: 60_000,
  maxMs: 12 * 60 * 60_000,
  pinIdleMs: 2 * 60_000,
  refreshMs: 5_000,
};

export type PinCheck = { right: true } | { right: false; attemptsLeft: number; lockedUntil: Date | null };

/** What staff can ask for once in: each is run by the agent and ends in an outcome shown on screen. */
export type MaintenanceAction = Extract<MaintenanceEvent, { type: 'RUN_TEST' | 'PAPER_REFILLED' | 'SET_SERVICE' | 'RESTART' }>;

export interface ActionResult {
  outcome: ActionOutcome;
  /** The scan self-test's text: kept for "reveal" until staff leave, never in the view before. */
  scanText?: string;
}

export interface MaintenanceServices {
  /** The code's verdict: who, until when, or why not (no key configured and the PIN lock included). */
  checkCode(code: string): Promise<Result<{ staffId: string; expiresAt: Date }, CodeRefusal>>;
  attemptsLeft(): number;
  /** The PIN lock's end, shown with a `locked` refusal. */
  lockedUntil(): Date | null;
  checkPin(staffId: string, pin: string): Promise<PinCheck>;
  /** Gives staff the screen; false when a citizen's session began meanwhile (then staff are refused nothing: they scan again). */
  enter(): boolean;
  /** Gives the screen back: to service, or out of service. */
  leave(outOfService: boolean): void;
  /** The persisted out-of-service flag. */
  outOfService(): boolean;
  data(): Promise<MaintenanceData>;
  /** The signal aborts when staff leave while it runs (a card or a code still awaited). */
  act(action: MaintenanceAction, staffId: string, signal: AbortSignal): Promise<ActionResult>;
  now(): Date;
}

export type LeaveReason = 'left' | 'idle' | 'timeLimit' | 'pinIdle' | 'locked' | 'restart' | 'agentStopping';

/** The audit records the machine asks for: staff ids and reasons only, never a PIN, a code or a scanned text. */
export type MaintenanceAudit =
  | { event: 'maintenance.code_refused'; fields: { reason: CodeRefusal } }
  | { event: 'maintenance.code_accepted'; fields: { staffId: string; attemptsLeft: number } }
  | { event: 'maintenance.pin_wrong'; fields: { staffId: string; attemptsLeft: number } }
  | { event: 'maintenance.locked'; fields: { staffId: string; lockedUntil: string } }
  | { event: 'maintenance.entered'; fields: { staffId: string; endsAt: string } }
  | { event: 'maintenance.action'; fields: { staffId: string; action: string; phase: 'started' | 'finished'; result: string | null } }
  | { event: 'maintenance.left'; fields: { staffId: string | null; why: LeaveReason } };

export type MaintenanceEmitted = { type: 'audit' } & MaintenanceAudit;

export interface MaintenanceContext {
  settings: MaintenanceSettings;
  refusal: { reason: CodeRefusal; lockedUntil: Date | null } | null;
  staffId: string | null;
  codeExpiresAt: Date | null;
  attemptsLeft: number;
  wrongPin: boolean;
  endsAt: Date | null;
  idleWarning: number | null;
  data: MaintenanceData | null;
  running: MaintenanceTest | 'paperRefilled' | 'service' | 'restart' | null;
  last: ActionOutcome | null;
  scanText: string | null;
  outOfService: boolean;
}

export type MaintenanceMachineEvent =
  | MaintenanceEvent
  /** A maintenance code from the scan router (home or out-of-service screen only). */
  | { type: 'CODE'; code: string }
  | { type: 'AGENT.STOPPING' };

function runningOf(action: MaintenanceAction): NonNullable<MaintenanceContext['running']> {
  switch (action.type) {
    case 'RUN_TEST':
      return action.test;
    case 'PAPER_REFILLED':
      return 'paperRefilled';
    case 'SET_SERVICE':
      return 'service';
    case 'RESTART':
      return 'restart';
  }
}

/** An action's result in one word for the audit record. */
function resultWord(outcome: ActionOutcome): string {
  switch (outcome.kind) {
    case 'records':
      return outcome.records.some((r) => r.outcome === 'failed') ? 'failed' : 'passed';
    case 'cardRead':
    case 'scanCode':
      return outcome.outcome;
    case 'paperRefilled':
      return outcome.printer;
    case 'service':
      return outcome.outOfService ? 'outOfService' : 'inService';
    case 'refused':
      return 'refused';
  }
}

/** Every event a touch sends: each one restarts the idle time. */
const touches = ['TOUCH', 'RUN_TEST', 'REVEAL_SCAN', 'PAPER_REFILLED', 'SET_SERVICE', 'RESTART'] as const;

const cleared = {
  refusal: null,
  staffId: null,
  codeExpiresAt: null,
  wrongPin: false,
  endsAt: null,
  idleWarning: null,
  data: null,
  running: null,
  last: null,
  scanText: null,
} satisfies Partial<MaintenanceContext>;

export function createMaintenanceMachine(services: MaintenanceServices) {
  return setup({
    types: {
      context: {} as MaintenanceContext,
      events: {} as MaintenanceMachineEvent,
      input: {} as { settings?: Partial<MaintenanceSettings> },
      emitted: {} as MaintenanceEmitted,
    },
    actors: {
      checkCode: fromPromise<Result<{ staffId: string; expiresAt: Date }, CodeRefusal>, string>(({ input }) => services.checkCode(input)),
      checkPin: fromPromise<PinCheck, { staffId: string; pin: string }>(({ input }) => services.checkPin(input.staffId, input.pin)),
      loadData: fromPromise<MaintenanceData>(() => services.data()),
      act: fromPromise<ActionResult, { action: MaintenanceAction; staffId: string }>(({ input, signal }) =>
        services.act(input.action, input.staffId, signal),
      ),
    },
    delays: {
      refusal: ({ context }) => context.settings.refusalMs,
      pinIdle: ({ context }) => context.settings.pinIdleMs,
      idleQuiet: ({ context }) => context.settings.idleMs - context.settings.idleWarningMs,
      tick: 1000,
      refresh: ({ context }) => context.settings.refreshMs,
      timeLimit: ({ context }) => Math.max(0, (context.endsAt?.getTime() ?? 0) - services.now().getTime()),
    },
    actions: {
      leave: ({ context }) => services.leave(context.outOfService),
      auditLeft: emit(({ context }, why: LeaveReason) => ({
        type: 'audit' as const,
        event: 'maintenance.left' as const,
        fields: { staffId: context.staffId, why },
      })),
      forget: assign(cleared),
      /** An action's start or end; its name is the one running unless given. */
      auditAction: emit(({ context }, params: { action?: string; phase: 'started' | 'finished'; result: string | null }) => ({
        type: 'audit' as const,
        event: 'maintenance.action' as const,
        fields: {
          staffId: context.staffId ?? '',
          action: params.action ?? context.running ?? 'unknown',
          phase: params.phase,
          result: params.result,
        },
      })),
    },
  }).createMachine({
    id: 'maintenance',
    context: ({ input }) => ({
      settings: { ...defaultMaintenanceSettings, ...input.settings },
      ...cleared,
      attemptsLeft: 0,
      outOfService: services.outOfService(),
    }),
    initial: 'closed',
    states: {
      closed: {
        entry: 'forget',
        on: { CODE: 'verifying' },
      },

      verifying: {
        invoke: {
          src: 'checkCode',
          input: ({ event }) => (event.type === 'CODE' ? event.code : ''),
          onDone: [
            {
              guard: ({ event }) => event.output.ok && services.enter(),
              target: 'pin',
              actions: [
                assign(({ event }) =>
                  event.output.ok
                    ? {
                        staffId: event.output.value.staffId,
                        codeExpiresAt: event.output.value.expiresAt,
                        attemptsLeft: services.attemptsLeft(),
                      }
                    : {},
                ),
                emit(({ context }) => ({
                  type: 'audit' as const,
                  event: 'maintenance.code_accepted' as const,
                  fields: { staffId: context.staffId ?? '', attemptsLeft: context.attemptsLeft },
                })),
              ],
            },
            {
              guard: ({ event }) => !event.output.ok,
              target: 'refused',
              actions: assign({
                refusal: ({ event }) =>
                  event.output.ok
                    ? null
                    : { reason: event.output.error, lockedUntil: event.output.error === 'locked' ? services.lockedUntil() : null },
              }),
            },
            // A good code, but a citizen began a session meanwhile: the citizen keeps the screen.
            { target: 'closed' },
          ],
          onError: { target: 'refused', actions: assign({ refusal: { reason: 'malformed', lockedUntil: null } }) },
        },
      },

      refused: {
        entry: emit(({ context }) => ({
          type: 'audit' as const,
          event: 'maintenance.code_refused' as const,
          fields: { reason: context.refusal?.reason ?? 'malformed' },
        })),
        after: { refusal: 'closed' },
        on: { CODE: 'verifying' },
      },

      pin: {
        initial: 'waiting',
        on: {
          LEAVE: { target: 'closed', actions: ['leave', { type: 'auditLeft', params: 'left' }] },
          'AGENT.STOPPING': { target: 'closed', actions: { type: 'auditLeft', params: 'agentStopping' } },
        },
        states: {
          waiting: {
            after: { pinIdle: { target: '#maintenance.closed', actions: ['leave', { type: 'auditLeft', params: 'pinIdle' }] } },
            on: {
              PIN: 'checking',
              TOUCH: { target: 'waiting', reenter: true },
            },
          },
          checking: {
            // Staff wait for the verdict; LEAVE still works.
            invoke: {
              src: 'checkPin',
              input: ({ context, event }) => ({ staffId: context.staffId ?? '', pin: event.type === 'PIN' ? event.pin : '' }),
              onDone: [
                { guard: ({ event }) => event.output.right, target: 'opening' },
                {
                  guard: ({ event }) => !event.output.right && event.output.lockedUntil !== null,
                  target: '#maintenance.refused',
                  actions: [
                    emit(({ context, event }) => ({
                      type: 'audit' as const,
                      event: 'maintenance.locked' as const,
                      fields: {
                        staffId: context.staffId ?? '',
                        lockedUntil: event.output.right ? '' : (event.output.lockedUntil?.toISOString() ?? ''),
                      },
                    })),
                    'leave',
                    { type: 'auditLeft', params: 'locked' },
                    assign(({ event }) => ({
                      ...cleared,
                      refusal: { reason: 'locked' as const, lockedUntil: event.output.right ? null : event.output.lockedUntil },
                    })),
                  ],
                },
                {
                  target: 'waiting',
                  actions: [
                    assign({ wrongPin: true, attemptsLeft: ({ event }) => (event.output.right ? 0 : event.output.attemptsLeft) }),
                    emit(({ context }) => ({
                      type: 'audit' as const,
                      event: 'maintenance.pin_wrong' as const,
                      fields: { staffId: context.staffId ?? '', attemptsLeft: context.attemptsLeft },
                    })),
                  ],
                },
              ],
              // The check itself failed (the lock file unwritable): no entry, and staff may try again.
              onError: { target: 'waiting', actions: assign({ wrongPin: true }) },
            },
          },
          opening: {
            entry: assign(({ context }) => {
              const limit = services.now().getTime() + context.settings.maxMs;
              const expiry = context.codeExpiresAt?.getTime() ?? limit;
              return { wrongPin: false, endsAt: new Date(Math.min(limit, expiry)) };
            }),
            invoke: {
              src: 'loadData',
              onDone: {
                target: '#maintenance.open',
                actions: [
                  assign({ data: ({ event }) => event.output }),
                  emit(({ context }) => ({
                    type: 'audit' as const,
                    event: 'maintenance.entered' as const,
                    fields: { staffId: context.staffId ?? '', endsAt: context.endsAt?.toISOString() ?? '' },
                  })),
                ],
              },
              onError: { target: '#maintenance.closed', actions: ['leave', { type: 'auditLeft', params: 'left' }] },
            },
          },
        },
      },

      open: {
        type: 'parallel',
        after: { timeLimit: { target: 'closed', actions: ['leave', { type: 'auditLeft', params: 'timeLimit' }] } },
        on: {
          LEAVE: { target: 'closed', actions: ['leave', { type: 'auditLeft', params: 'left' }] },
          'AGENT.STOPPING': { target: 'closed', actions: { type: 'auditLeft', params: 'agentStopping' } },
        },
        states: {
          attention: {
            initial: 'watching',
            states: {
              watching: {
                entry: assign({ idleWarning: null }),
                on: Object.fromEntries(touches.map((type) => [type, { target: 'watching', reenter: true }])),
                after: {
                  idleQuiet: {
                    target: 'warning',
                    actions: assign({ idleWarning: ({ context }) => Math.round(context.settings.idleWarningMs / 1000) }),
                  },
                },
              },
              warning: {
                on: Object.fromEntries(touches.map((type) => [type, { target: 'watching' }])),
                initial: 'ticking',
                states: {
                  ticking: {
                    after: {
                      tick: [
                        {
                          guard: ({ context }) => (context.idleWarning ?? 0) <= 1,
                          target: '#maintenance.closed',
                          actions: ['leave', { type: 'auditLeft', params: 'idle' }],
                        },
                        {
                          target: 'ticking',
                          reenter: true,
                          actions: assign({ idleWarning: ({ context }) => (context.idleWarning ?? 1) - 1 }),
                        },
                      ],
                    },
                  },
                },
              },
            },
          },

          action: {
            initial: 'ready',
            states: {
              ready: {
                on: {
                  RUN_TEST: 'running',
                  PAPER_REFILLED: 'running',
                  SET_SERVICE: 'running',
                  RESTART: 'running',
                  REVEAL_SCAN: {
                    guard: ({ context }) => context.last?.kind === 'scanCode' && context.scanText !== null,
                    actions: [
                      assign({
                        last: ({ context }) =>
                          context.last?.kind === 'scanCode' ? { ...context.last, revealed: context.scanText } : context.last,
                      }),
                      { type: 'auditAction', params: { action: 'revealScan', phase: 'finished', result: null } },
                    ],
                  },
                },
              },
              running: {
                entry: [
                  assign(({ event }) => {
                    const action = event as MaintenanceAction;
                    // A new test replaces the last one and its scanned text.
                    return { running: runningOf(action), last: null, scanText: null };
                  }),
                  { type: 'auditAction', params: { phase: 'started', result: null } },
                ],
                invoke: {
                  src: 'act',
                  input: ({ context, event }) => ({ action: event as MaintenanceAction, staffId: context.staffId ?? '' }),
                  onDone: {
                    target: 'refreshing',
                    actions: [
                      {
                        type: 'auditAction',
                        params: ({ event }) => ({ phase: 'finished' as const, result: resultWord(event.output.outcome) }),
                      },
                      assign(({ context, event }) => ({
                        last: event.output.outcome,
                        scanText: event.output.scanText ?? null,
                        outOfService: event.output.outcome.kind === 'service' ? event.output.outcome.outOfService : context.outOfService,
                      })),
                    ],
                  },
                  onError: {
                    target: 'refreshing',
                    actions: [
                      {
                        type: 'auditAction',
                        params: ({ event }) => ({
                          phase: 'finished' as const,
                          result: event.error instanceof Error ? `error:${event.error.name}` : 'error',
                        }),
                      },
                      assign(({ context }) => ({
                        last: {
                          kind: 'refused' as const,
                          action: context.running ?? 'unknown',
                          reason: { zh: '操作未能完成，请重试', en: 'The action did not complete. Try again.' },
                        },
                      })),
                    ],
                  },
                },
              },
              // The action shows as running until the data it changed is read back: only then does the screen
              // offer the next one, so a tap that comes in between is never dropped unseen.
              refreshing: {
                invoke: {
                  src: 'loadData',
                  onDone: { target: 'ready', actions: assign({ data: ({ event }) => event.output, running: null }) },
                  onError: { target: 'ready', actions: assign({ running: null }) },
                },
              },
            },
          },

          freshness: {
            initial: 'waiting',
            states: {
              waiting: { after: { refresh: 'loading' } },
              loading: {
                invoke: {
                  src: 'loadData',
                  onDone: { target: 'waiting', actions: assign({ data: ({ event }) => event.output }) },
                  onError: 'waiting',
                },
              },
            },
          },
        },
      },
    },
  });
}

export type MaintenanceMachine = ReturnType<typeof createMaintenanceMachine>;
