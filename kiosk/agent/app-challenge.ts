// The challenge the app-code screen shows (sharing-gateway-v1.1): a fresh nonce for this kiosk, and its QR as
// one SVG path of dark modules, one rectangle per horizontal run, so the UI draws it with no QR code of its own.

import QRCode from 'qrcode';
import { qrModuleRuns } from '../../print-templates/qr-modules';
import { APP_CHALLENGE_LIFETIME_MS, newAppChallenge } from '../gateway/app-code';
import type { ShownAppChallenge } from '../session/session-services';
import type { QrPicture } from '../session/session-view';

export function qrPicture(text: string): QrPicture {
  // Level M: a phone held at arm's length reads a short code like this one at once.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: string[] = [];
  for (const { row, col, length } of qrModuleRuns(modules)) runs.push(`M${col} ${row}h${length}v1h-${length}z`);
  return { size: modules.size, path: runs.join('') };
}

export function showAppChallenge(kioskId: string, now: Date, lifetimeMs = APP_CHALLENGE_LIFETIME_MS): ShownAppChallenge {
  const challenge = newAppChallenge(kioskId, now);
  return { text: challenge.text, nonce: challenge.nonce, lifetimeMs, qr: qrPicture(challenge.text) };
}
