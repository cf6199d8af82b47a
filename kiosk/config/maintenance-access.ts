// Who may enter maintenance mode: staff scan a code signed with the operator's maintenance key (ES256; its public
// key is named here), then type their PIN, checked against the hash kept here for their staff id.

import { z } from 'zod';
import { isPinHash } from '../maintenance/pin-hash';
import { staffIdSchema } from '../maintenance/staff-id';

export const maintenanceAccessSchema = z
  .object({
    /** The operator's maintenance public key (PEM, P-256): it verifies the maintenance codes staff scan. */
    publicKeyFile: z.string().min(1),
    /** Staff id → PIN hash (`npm run staff-pin` makes one). */
    staff: z.record(
      staffIdSchema,
      z.string().refine(isPinHash, 'a PIN hash as `npm run staff-pin` writes it ($scrypt$ln=…,r=…,p=…$salt$key)'),
    ),
  })
  .strict();

export type MaintenanceAccess = z.infer<typeof maintenanceAccessSchema>;
