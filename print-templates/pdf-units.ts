// PDF user space is in points; templates are in millimetres.

export const ptPerMm = 72 / 25.4;

export function ptFromMm(mm: number): number {
  return mm * ptPerMm;
}

export function mmFromPt(pt: number): number {
  return pt / ptPerMm;
}
