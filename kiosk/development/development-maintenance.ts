// Maintenance access for the development kiosk: a key pair made at each start and kept in memory only (never
// written to disk, so no development code opens anything after a restart), one staff member with a known PIN,
// and codes minted with that key for the dev panel: a good one and one for each way a code is refused.

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signMaintenanceCode, type MaintenanceKey } from '../maintenance/maintenance-code';
import { hashPin } from '../maintenance/pin-hash';

export const maintenanceCodeVariants = ['valid', 'expired', 'otherKiosk', 'badSignature', 'tooLongLived'] as const;
export type MaintenanceCodeVariant = (typeof maintenanceCodeVariants)[number];

export const developmentStaff = { staffId: 'dev-staff', pin: '2468' } as const;

export interface DevelopmentMaintenance {
  key: MaintenanceKey;
  staff: { staffId: string; pin: string };
  mintCode(variant: MaintenanceCodeVariant, now?: Date): string;
}

const HOUR_S = 3600;
const OTHER_KIOSK = 'kiosk-elsewhere';

function newP256Key(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

export function createDevelopmentMaintenance(kioskId: string): DevelopmentMaintenance {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const staff = { ...developmentStaff };
  return {
    key: { publicKey, staff: { [staff.staffId]: hashPin(staff.pin) } },
    staff,
    mintCode(variant, now = new Date()) {
      const nowS = Math.floor(now.getTime() / 1000);
      const claims = { sub: staff.staffId, aud: kioskId, exp: nowS + HOUR_S };
      switch (variant) {
        case 'valid':
          return signMaintenanceCode(claims, privateKey);
        case 'expired':
          return signMaintenanceCode({ ...claims, exp: nowS - HOUR_S }, privateKey);
        case 'otherKiosk':
          return signMaintenanceCode({ ...claims, aud: kioskId === OTHER_KIOSK ? `${OTHER_KIOSK}-2` : OTHER_KIOSK }, privateKey);
        case 'badSignature':
          return signMaintenanceCode(claims, newP256Key());
        case 'tooLongLived':
          return signMaintenanceCode({ ...claims, exp: nowS + 13 * HOUR_S }, privateKey);
      }
    },
  };
}
