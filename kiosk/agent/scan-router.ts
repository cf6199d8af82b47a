// The scanner's one owner. It switches the scanner on exactly while the current screen accepts some kind of
// code, names each scan's kind by its shape, and hands on only the kinds the screen accepts. Any other scan is
// dropped and counted; its text is never logged, kept or passed on (it may be anyone's code).
// In maintenance mode only, the scan self-test captures the next read of any kind, for staff to see.

import type { CodeScanner, ScannedCode } from '../../device-drivers/code-scanner/code-scanner';
import { isAppCode } from '../gateway/app-code';
import type { ScanKind } from '../session/scan-acceptance';

export interface RoutedScan {
  kind: ScanKind;
  data: string;
}

export interface IgnoredScans {
  /** Read while the screen accepts a code, but of a kind it does not accept. */
  notAccepted: number;
  /** Of no kind the kiosk knows. */
  unrecognised: number;
  /** Read while no screen accepts a code (a scanner that does not honour "disable", or a late read). */
  scannerOff: number;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A code's kind by its shape alone; whether it is genuine is for whoever receives it to verify. */
export function scanKindOf(data: string): ScanKind | null {
  if (isAppCode(data)) return 'appCode';
  if (data.startsWith('KQ1:') || /^https:\/\/[^#\s]+#KQ1:/.test(data)) return 'seal';
  if (data.length <= 4096 && COMPACT_JWS.test(data)) return 'maintenance';
  return null;
}

export function createScanRouter(options: {
  scanner: CodeScanner;
  /** What the current screen accepts. */
  accepted: () => readonly ScanKind[];
  deliver: (scan: RoutedScan) => void;
  /** A code was read while the screen accepts codes, but not of a kind it accepts: only that much is told. */
  refused?: () => void;
}) {
  const { scanner } = options;
  const ignored: IgnoredScans = { notAccepted: 0, unrecognised: 0, scannerOff: 0 };
  let on = false;
  let switching: Promise<unknown> = Promise.resolve();
  /** The last switch failed (scanner unplugged): tried again when the scanner's status changes. */
  let pending = false;
  /** The scan self-test waiting for the next read, whatever its kind. */
  let capturing: ((code: ScannedCode | null) => void) | null = null;
  const wanted = () => options.accepted().length > 0 || capturing !== null;

  const apply = (wanted: boolean): Promise<void> => {
    switching = switching.then(async () => {
      const result = await (wanted ? scanner.enable() : scanner.disable());
      pending = !result.ok && on === wanted;
    });
    return switching.then(() => undefined);
  };

  const onRead = (code: ScannedCode) => {
    if (capturing && on) {
      const capture = capturing;
      capturing = null;
      capture(code);
      void sync();
      return;
    }
    const accepted = options.accepted();
    if (!on || accepted.length === 0) {
      ignored.scannerOff += 1;
      return;
    }
    const kind = scanKindOf(code.data);
    if (kind !== null && accepted.includes(kind)) return options.deliver({ kind, data: code.data });
    if (kind === null) ignored.unrecognised += 1;
    else ignored.notAccepted += 1;
    options.refused?.();
  };
  const unsubscribers = [
    scanner.events.on('read', onRead),
    scanner.events.on('statusChanged', () => {
      if (pending) void apply(on);
    }),
  ];

  function sync(): Promise<void> {
    const want = wanted();
    if (want === on) return switching.then(() => undefined);
    on = want;
    // One switch at a time, in order: a quick on-off-on must leave the scanner on.
    return apply(want);
  }

  return {
    /** Call on every change of screen: switches the scanner on or off to match. Resolves when it has. */
    sync,
    /**
     * The scan self-test (maintenance mode only): the scanner is on until the next read of any kind, which is
     * handed to the caller and to nobody else; null when the signal aborts first (the test's deadline).
     */
    async captureNext(signal: AbortSignal): Promise<ScannedCode | null> {
      if (capturing || signal.aborted) return null;
      const captured = new Promise<ScannedCode | null>((resolve) => {
        capturing = resolve;
        signal.addEventListener(
          'abort',
          () => {
            if (capturing !== resolve) return;
            capturing = null;
            resolve(null);
            void sync();
          },
          { once: true },
        );
      });
      await sync();
      return captured;
    },
    enabled: () => on,
    ignored: (): IgnoredScans => ({ ...ignored }),
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (on) {
        on = false;
        await apply(false);
      }
    },
  };
}

export type ScanRouter = ReturnType<typeof createScanRouter>;
