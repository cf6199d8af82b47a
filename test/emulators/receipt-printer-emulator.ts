// An ESC/POS receipt printer on the far end of a socat pty pair, byte for byte: it answers DLE EOT 1–4 from its
// state (paper, cover, cutter), records what it receives and decodes it back into receipts. A pty has no baud
// rate, so the emulator paces both directions itself; it also misbehaves on demand (split replies, noise,
// silence, unplug).

import { SerialPort } from 'serialport';
import { openPtyPair, type PtyPair } from '../support/pty-pair';
import { parseCommand, ReceiptAssembler, type DecodedReceipt, type EscPosCommand } from './escpos-stream-decoder';

export interface ReceiptPrinterEmulatorOptions {
  /** The line speed to imitate: bytes take 10 bit times each way (8N1). */
  baudRate: number;
  /** Off only for tests that are about something else and want speed. */
  paceAtBaud?: boolean;
}

/** Bytes that can never be mistaken for a real-time status reply (whose fixed bits are 0xx1xx10). */
const NOISE_BYTES = [0x00, 0xff, 0x80, 0x55, 0x13, 0x7f, 0x01];
const SPLIT_GAP_MS = 4;

export class ReceiptPrinterEmulator {
  // ---- state, set by tests ----
  paper: 'ok' | 'nearEnd' | 'out' = 'ok';
  coverOpen = false;
  cutterError = false;
  unrecoverable = false;
  autoRecoverable = false;

  // ---- misbehaviour ----
  /** No reply to anything: a printer switched off behind a USB-serial adapter that is still plugged in. */
  silent = false;
  /** Each reply byte in its own write, after a gap. */
  splitReplies = false;
  /** Junk bytes before each reply. */
  noise = false;

  // ---- what arrived ----
  readonly receipts: DecodedReceipt[] = [];
  /** Every command but text bytes and real-time queries, in order: `init`, `qr`, `cut`, … */
  readonly commandLog: EscPosCommand['kind'][] = [];
  statusQueries = 0;
  /** Every byte but the real-time queries, exactly as received. */
  readonly printBytes: number[] = [];

  private port: SerialPort | null = null;
  private readonly assembler = new ReceiptAssembler();
  private printStream: number[] = [];
  private rawTail: number[] = [];
  private failCutNext = false;
  private paperOutAfterNext = false;
  private readonly byteMs: number;
  private inputChain: Promise<void> = Promise.resolve();
  private inputFreeAt = 0;
  private outputChain: Promise<void> = Promise.resolve();
  private outputFreeAt = 0;

  private constructor(
    private readonly pair: PtyPair,
    private readonly options: ReceiptPrinterEmulatorOptions,
  ) {
    this.byteMs = (options.paceAtBaud ?? true) ? (10 / options.baudRate) * 1000 : 0;
  }

  static async start(options: ReceiptPrinterEmulatorOptions): Promise<ReceiptPrinterEmulator> {
    const pair = await openPtyPair({ name: 'receipt-printer' });
    const emulator = new ReceiptPrinterEmulator(pair, options);
    await emulator.openPort();
    return emulator;
  }

  /** The path the driver opens. */
  get devicePath(): string {
    return this.pair.devicePath;
  }

  /** The next cut jams the cutter: the slip is printed, not cut, and n=3 reports a cutter error. */
  failCutOnNextJob(): void {
    this.failCutNext = true;
  }

  /** The next job "prints" but leaves the paper out: the known field failure of success claimed with no paper. */
  paperRunsOutOnNextJob(): void {
    this.paperOutAfterNext = true;
  }

  /** Sends bytes nobody asked for. */
  sendNoise(bytes: number[]): void {
    this.send(bytes);
  }

  /** What is printed but not cut yet. */
  pendingReceipt(): DecodedReceipt {
    return this.assembler.pending();
  }

  async waitForReceipts(count: number, timeoutMs = 3_000): Promise<DecodedReceipt[]> {
    const deadline = performance.now() + timeoutMs;
    while (this.receipts.length < count) {
      if (performance.now() > deadline) throw new Error(`emulator: ${this.receipts.length} of ${count} receipts after ${timeoutMs} ms`);
      await sleep(5);
    }
    return this.receipts;
  }

  /** Both ends of the pty vanish, as when the USB cable is pulled. */
  async unplug(): Promise<void> {
    await this.closePort();
    await this.pair.stop();
  }

  async plugIn(): Promise<void> {
    await this.pair.start();
    await this.openPort();
  }

  async stop(): Promise<void> {
    await this.closePort();
    await this.pair.dispose();
  }

  // ---- the wire ----

  private async openPort(): Promise<void> {
    const port = new SerialPort({ path: this.pair.emulatorPath, baudRate: this.options.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('error', () => undefined);
    port.on('data', (chunk: Buffer) => this.arrive(chunk));
    this.port = port;
    this.rawTail = [];
  }

  private async closePort(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  /** A chunk is "received" once its last byte would have arrived at the baud rate; chunks stay in order. */
  private arrive(chunk: Buffer): void {
    const bytes = [...chunk];
    const now = performance.now();
    this.inputFreeAt = Math.max(now, this.inputFreeAt) + bytes.length * this.byteMs;
    const at = this.inputFreeAt;
    this.inputChain = this.inputChain.then(async () => {
      const wait = at - performance.now();
      if (wait >= 1) await sleep(wait);
      this.receive(bytes);
    });
  }

  private send(bytes: number[]): void {
    if (bytes.length === 0) return;
    const pieces = this.splitReplies ? bytes.map((b) => [b]) : [bytes];
    for (const piece of pieces) {
      const now = performance.now();
      this.outputFreeAt = Math.max(now, this.outputFreeAt) + piece.length * this.byteMs + (this.splitReplies ? SPLIT_GAP_MS : 0);
      const at = this.outputFreeAt;
      this.outputChain = this.outputChain.then(async () => {
        const wait = at - performance.now();
        if (wait >= 1) await sleep(wait);
        if (this.port?.isOpen) this.port.write(Buffer.from(piece));
      });
    }
  }

  // ---- the printer ----

  /** Real-time commands are taken out as they arrive, wherever they are, as a real printer does. */
  private receive(chunk: number[]): void {
    const bytes = [...this.rawTail, ...chunk];
    this.rawTail = [];
    let i = 0;
    while (i < bytes.length) {
      const byte = bytes[i]!;
      if (byte === 0x10) {
        if (i + 1 >= bytes.length || (bytes[i + 1] === 0x04 && i + 2 >= bytes.length)) {
          this.rawTail = bytes.slice(i); // maybe the start of DLE EOT n: wait for the rest
          break;
        }
        const n = bytes[i + 2];
        if (bytes[i + 1] === 0x04 && n !== undefined && n >= 1 && n <= 4) {
          this.answerStatus(n);
          i += 3;
          continue;
        }
      }
      this.printStream.push(byte);
      this.printBytes.push(byte);
      i++;
    }
    this.parsePrintStream();
  }

  private parsePrintStream(): void {
    const stream = Uint8Array.from(this.printStream);
    let offset = 0;
    for (;;) {
      const parsed = parseCommand(stream, offset);
      if (parsed === 'incomplete') break;
      offset = parsed.next;
      this.execute(parsed.command);
    }
    this.printStream = this.printStream.slice(offset);
  }

  private execute(command: EscPosCommand): void {
    if (command.kind !== 'text') this.commandLog.push(command.kind);
    const receipt = this.assembler.apply(command);
    if (!receipt) return;
    if (this.failCutNext) {
      this.failCutNext = false;
      this.cutterError = true;
      receipt.cut = null;
    }
    if (this.paperOutAfterNext) {
      this.paperOutAfterNext = false;
      this.paper = 'out';
    }
    this.receipts.push(receipt);
  }

  private answerStatus(n: number): void {
    this.statusQueries++;
    if (this.silent) return;
    const junk = this.noise ? NOISE_BYTES.slice(0, 1 + (this.statusQueries % 3)) : [];
    this.send([...junk, this.statusByte(n)]);
  }

  private statusByte(n: number): number {
    const paperOut = this.paper === 'out';
    const error = this.cutterError || this.unrecoverable || this.autoRecoverable;
    const flag = (on: boolean, bits: number) => (on ? bits : 0);
    switch (n) {
      case 1:
        return 0x12 | flag(this.coverOpen || paperOut || error, 0x08);
      case 2:
        return 0x12 | flag(this.coverOpen, 0x04) | flag(paperOut, 0x20) | flag(error, 0x40);
      case 3:
        return 0x12 | flag(this.cutterError, 0x08) | flag(this.unrecoverable, 0x20) | flag(this.autoRecoverable, 0x40);
      default:
        return 0x12 | flag(this.paper !== 'ok', 0x0c) | flag(paperOut, 0x60);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
