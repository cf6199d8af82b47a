// The printer's side of ESC/POS, for tests: splits a byte stream into commands (incrementally, as a printer
// receives it) and turns the commands back into what would come out on paper, so tests can compare a printed
// receipt with the `Receipt` it came from.

import iconv from 'iconv-lite';
import type { ReceiptLine } from '../../device-drivers/receipt-printer/receipt-printer';

export type CutMode = 'full' | 'partial' | 'feedThenCut' | 'feedThenPartial';

export type EscPosCommand =
  | { kind: 'init' }
  | { kind: 'align'; n: number }
  | { kind: 'size'; n: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'feed'; lines: number }
  | { kind: 'chineseMode'; on: boolean }
  | { kind: 'automaticStatusBack'; n: number }
  | { kind: 'cut'; mode: CutMode; feed: number }
  | { kind: 'qr'; fn: number; parameters: Uint8Array }
  | { kind: 'lineFeed' }
  | { kind: 'text'; byte: number }
  | { kind: 'unknown'; bytes: Uint8Array };

/** One command starting at `offset`, or 'incomplete' when more bytes are needed. */
export function parseCommand(bytes: Uint8Array, offset: number): { command: EscPosCommand; next: number } | 'incomplete' {
  const at = (i: number): number | undefined => bytes[offset + i];
  const first = at(0);
  if (first === undefined) return 'incomplete';
  const need = (count: number) => offset + count > bytes.length;
  const unknown = (length: number) => ({
    command: { kind: 'unknown', bytes: bytes.slice(offset, offset + length) } as const,
    next: offset + length,
  });

  if (first === 0x0a) return { command: { kind: 'lineFeed' }, next: offset + 1 };
  if (first >= 0x20) return { command: { kind: 'text', byte: first }, next: offset + 1 };
  if (first !== 0x1b && first !== 0x1c && first !== 0x1d) return unknown(1);
  if (need(2)) return 'incomplete';
  const second = at(1)!;
  const withArgument = (make: (n: number) => EscPosCommand) => (need(3) ? 'incomplete' : { command: make(at(2)!), next: offset + 3 });

  if (first === 0x1b) {
    if (second === 0x40) return { command: { kind: 'init' }, next: offset + 2 };
    if (second === 0x61) return withArgument((n) => ({ kind: 'align', n }));
    if (second === 0x64) return withArgument((lines) => ({ kind: 'feed', lines }));
    if (second === 0x45) return withArgument((n) => ({ kind: 'bold', on: (n & 1) === 1 }));
    return unknown(2);
  }
  if (first === 0x1c) {
    if (second === 0x26) return { command: { kind: 'chineseMode', on: true }, next: offset + 2 };
    if (second === 0x2e) return { command: { kind: 'chineseMode', on: false }, next: offset + 2 };
    return unknown(2);
  }
  // GS
  if (second === 0x21) return withArgument((n) => ({ kind: 'size', n }));
  if (second === 0x61) return withArgument((n) => ({ kind: 'automaticStatusBack', n }));
  if (second === 0x56) {
    if (need(3)) return 'incomplete';
    const m = at(2)!;
    if (m === 0x00 || m === 0x30) return { command: { kind: 'cut', mode: 'full', feed: 0 }, next: offset + 3 };
    if (m === 0x01 || m === 0x31) return { command: { kind: 'cut', mode: 'partial', feed: 0 }, next: offset + 3 };
    if (m === 0x41 || m === 0x42) {
      if (need(4)) return 'incomplete';
      return { command: { kind: 'cut', mode: m === 0x41 ? 'feedThenCut' : 'feedThenPartial', feed: at(3)! }, next: offset + 4 };
    }
    return unknown(3);
  }
  if (second === 0x28) {
    if (need(5)) return 'incomplete';
    if (at(2) !== 0x6b) return unknown(3);
    const length = at(3)! + at(4)! * 256;
    if (need(5 + length)) return 'incomplete';
    const body = bytes.slice(offset + 5, offset + 5 + length);
    if (length < 2 || body[0] !== 0x31) return unknown(5 + length);
    return { command: { kind: 'qr', fn: body[1]!, parameters: body.slice(2) }, next: offset + 5 + length };
  }
  return unknown(2);
}

/** What one job put on paper, in the vocabulary of `Receipt` so that tests compare them directly. */
export interface DecodedReceipt {
  lines: DecodedLine[];
  /** Settings in force when each QR code was printed, in order. */
  qrSettings: Array<{ model: number | null; moduleSize: number | null; errorCorrection: 'L' | 'M' | 'Q' | 'H' | null }>;
  cut: CutMode | null;
  /** Commands a printer would not understand, or text bytes sent outside Chinese mode. */
  anomalies: string[];
}

/** `bold` is there only when the line was emphasised, so plain lines compare equal to a `Receipt` without it. */
export type DecodedLine =
  | {
      kind: 'text';
      text: string;
      size: 'normal' | 'large' | 'unsupported';
      align: 'left' | 'center' | 'right' | 'unsupported';
      bold?: true;
    }
  | Exclude<ReceiptLine, { kind: 'text' }>;

const EC_LEVELS = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' } as const;

/** Turns commands into printed lines; a cut ends a receipt. */
export class ReceiptAssembler {
  private lines: DecodedLine[] = [];
  private qrSettings: DecodedReceipt['qrSettings'] = [];
  private anomalies: string[] = [];
  private lineBytes: number[] = [];
  private lineHasCodePageBytes = false;
  /** Chinese mode was entered since the last line: an LF then ends a (maybe empty) text line. */
  private lineOpened = false;
  private chineseMode = false;
  private size = 0;
  private align = 0;
  private bold = false;
  private qr = {
    model: null as number | null,
    moduleSize: null as number | null,
    errorCorrection: null as DecodedReceipt['qrSettings'][number]['errorCorrection'],
    data: null as Uint8Array | null,
  };
  private lastWasQr = false;

  /** Applies one command; returns the finished receipt when it was a cut. */
  apply(command: EscPosCommand): DecodedReceipt | null {
    switch (command.kind) {
      case 'init':
        this.lineOpened = false;
        this.chineseMode = false;
        this.size = 0;
        this.align = 0;
        this.bold = false;
        this.lineBytes = [];
        return null;
      case 'align':
        this.align = command.n;
        return null;
      case 'size':
        this.size = command.n;
        return null;
      case 'bold':
        this.bold = command.on;
        return null;
      case 'chineseMode':
        this.chineseMode = command.on;
        if (command.on) this.lineOpened = true;
        return null;
      case 'automaticStatusBack':
        return null;
      case 'text':
        if (command.byte >= 0x80 && !this.chineseMode) this.lineHasCodePageBytes = true;
        this.lineBytes.push(command.byte);
        return null;
      case 'lineFeed':
        this.endLine(1);
        return null;
      case 'feed':
        this.flushText();
        this.lines.push({ kind: 'feed', lines: command.lines });
        this.lastWasQr = false;
        return null;
      case 'qr':
        this.applyQr(command.fn, command.parameters);
        return null;
      case 'cut': {
        this.flushText();
        const receipt: DecodedReceipt = { lines: this.lines, qrSettings: this.qrSettings, cut: command.mode, anomalies: this.anomalies };
        this.lines = [];
        this.qrSettings = [];
        this.anomalies = [];
        this.lastWasQr = false;
        return receipt;
      }
      case 'unknown':
        this.anomalies.push(`unknown command ${Buffer.from(command.bytes).toString('hex')}`);
        return null;
    }
  }

  /** What is on paper but not cut yet. */
  pending(): DecodedReceipt {
    return { lines: [...this.lines], qrSettings: [...this.qrSettings], cut: null, anomalies: [...this.anomalies] };
  }

  private applyQr(fn: number, parameters: Uint8Array): void {
    this.flushText();
    if (fn === 0x41) this.qr.model = parameters[0] ?? null;
    else if (fn === 0x43) this.qr.moduleSize = parameters[0] ?? null;
    else if (fn === 0x45) this.qr.errorCorrection = EC_LEVELS[parameters[0] as keyof typeof EC_LEVELS] ?? null;
    else if (fn === 0x50)
      this.qr.data = parameters.slice(1); // first parameter byte is m = 0x30
    else if (fn === 0x51) {
      if (!this.qr.data) {
        this.anomalies.push('QR print with no stored data');
        return;
      }
      this.lines.push({ kind: 'qr', data: new TextDecoder().decode(this.qr.data) });
      this.qrSettings.push({ model: this.qr.model, moduleSize: this.qr.moduleSize, errorCorrection: this.qr.errorCorrection });
      this.lastWasQr = true;
    } else this.anomalies.push(`unknown QR function ${fn.toString(16)}`);
  }

  private flushText(): void {
    if (this.lineBytes.length > 0 || this.lineOpened) this.endLine(0);
  }

  /** LF prints the line buffer; an LF right after a QR code only moves past the code. */
  private endLine(feed: number): void {
    if (this.lineBytes.length === 0 && !this.lineOpened) {
      if (feed > 0 && !this.lastWasQr) this.lines.push({ kind: 'feed', lines: feed });
      this.lastWasQr = false;
      return;
    }
    const bytes = Buffer.from(this.lineBytes);
    if (this.lineHasCodePageBytes) this.anomalies.push('text bytes outside Chinese mode');
    this.lines.push({
      kind: 'text',
      text: this.lineHasCodePageBytes ? bytes.toString('latin1') : iconv.decode(bytes, 'gb18030'),
      size: this.size === 0x00 ? 'normal' : this.size === 0x11 ? 'large' : 'unsupported',
      align:
        this.align === 0 || this.align === 0x30
          ? 'left'
          : this.align === 1 || this.align === 0x31
            ? 'center'
            : this.align === 2 || this.align === 0x32
              ? 'right'
              : 'unsupported',
      ...(this.bold ? { bold: true as const } : {}),
    });
    this.lineBytes = [];
    this.lineHasCodePageBytes = false;
    this.lineOpened = false;
    this.lastWasQr = false;
  }
}

/** A whole byte stream (without real-time commands) → the receipts it holds; for unit tests of the encoder. */
export function decodeEscPos(bytes: Uint8Array): { receipts: DecodedReceipt[]; pending: DecodedReceipt; incompleteTail: number } {
  const assembler = new ReceiptAssembler();
  const receipts: DecodedReceipt[] = [];
  let offset = 0;
  for (;;) {
    const parsed = parseCommand(bytes, offset);
    if (parsed === 'incomplete') break;
    const done = assembler.apply(parsed.command);
    if (done) receipts.push(done);
    offset = parsed.next;
  }
  return { receipts, pending: assembler.pending(), incompleteTail: bytes.length - offset };
}
