// Wakes a pure framing machine (the HID reassembler, the serial framer) at its deadline — the 50 ms idle rule,
// the inter-byte timeout — without mistaking a busy event loop for a silent scanner.
//
// The agent sometimes blocks its loop (a cold PDF render takes ~200 ms). Reports and bytes that arrive meanwhile
// wait in the kernel or in node-hid's queue, and after the stall libuv runs due timers before it delivers them: a
// naive timer would end the scan early, emit its head as a code and its tail as another. So:
// - data that arrives while the deadline timer has not run yet belongs to the item under way (its time is held just
//   before the deadline), however late the loop got to it;
// - a timer that runs much later than asked first gives the queued data a short grace, then decides.

export interface DeadlineMachine<Output> {
  deadline(): number | null;
  tick(at: number): Output[];
}

export interface StallTolerantDeadlineOptions {
  /** A timer later than this means the loop was stalled (a healthy loop is late by a millisecond or two). */
  stallToleranceMs?: number;
  /** How long to let queued data through after a stall before deciding. */
  graceMs?: number;
  /** Graces in a row at most, so a loop that never recovers still gets a decision. */
  maxGraces?: number;
}

export class StallTolerantDeadline<Output> {
  private timer: NodeJS.Timeout | null = null;
  private graces = 0;
  private readonly stallToleranceMs: number;
  private readonly graceMs: number;
  private readonly maxGraces: number;

  constructor(
    private readonly machine: DeadlineMachine<Output>,
    private readonly now: () => number,
    private readonly deliver: (outputs: Output[]) => void,
    options: StallTolerantDeadlineOptions = {},
  ) {
    this.stallToleranceMs = options.stallToleranceMs ?? 15;
    this.graceMs = options.graceMs ?? 30;
    this.maxGraces = options.maxGraces ?? 3;
  }

  /** The time to give the machine for data that has just arrived. Deadlines are at least 2 ms after the data. */
  arrivalTime(): number {
    const now = this.now();
    const deadline = this.machine.deadline();
    if (this.timer === null || deadline === null) return now;
    return Math.min(now, deadline - 1);
  }

  /** Call after every push: (re)schedules the wake-up for the machine's current deadline. */
  arm(): void {
    this.clear();
    this.graces = 0;
    this.schedule();
  }

  stop(): void {
    this.clear();
    this.graces = 0;
  }

  private schedule(): void {
    const deadline = this.machine.deadline();
    if (deadline === null) return;
    this.wakeAt(Math.max(deadline, this.now()));
  }

  private wakeAt(at: number): void {
    this.timer = setTimeout(() => this.fire(at), Math.max(0, Math.ceil(at - this.now())));
  }

  private fire(expectedAt: number): void {
    const now = this.now();
    if (now - expectedAt > this.stallToleranceMs && this.graces < this.maxGraces) {
      // `timer` stays set during the grace, so data delivered now still counts as arriving before the deadline.
      this.graces += 1;
      this.wakeAt(now + this.graceMs);
      return;
    }
    this.timer = null;
    this.graces = 0;
    const deadline = this.machine.deadline();
    if (deadline !== null) this.deliver(this.machine.tick(Math.max(now, deadline)));
    this.schedule();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
