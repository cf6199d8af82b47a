// A staff member's id, as the configuration maps it to a PIN hash and as records name who did what.

import { z } from 'zod';

export const staffIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a staff id: letters, digits, . _ -, at most 64');
