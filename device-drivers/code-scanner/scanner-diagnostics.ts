// What a real scanner driver counts for staff and the fleet: never a scanned byte, only how often things happened.

export interface ScannerDiagnostics {
  /** Times the device was found and opened. */
  attaches: number;
  /** Times it went away while open (unplugged, read error). */
  detaches: number;
  /** Scans refused, by reason (`undecodable`, `incompleteFrame`, …). */
  rejected: Record<string, number>;
  /** Why the device is not online, for the maintenance command; null when it is. */
  lastProblem: string | null;
}

export interface DiagnosableScanner {
  diagnostics(): ScannerDiagnostics;
}
