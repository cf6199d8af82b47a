// A kiosk's id: the client certificate's CN, X-Kiosk-Id, and the audience a maintenance code names.

import { z } from 'zod';

export const kioskIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and -, at most 64');
