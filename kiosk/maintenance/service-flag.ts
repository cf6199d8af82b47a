// Whether staff took the kiosk out of service: kept in <dataDir>/maintenance/service.json, so a restart (the
// nightly one, a power cut) leaves the kiosk as staff left it.

import { join } from 'node:path';
import { z } from 'zod';
import { openJsonStateFile } from './json-state-file';

const flagSchema = z.object({ outOfService: z.boolean(), since: z.string().nullable() });

export async function openServiceFlag(maintenanceDir: string) {
  const file = await openJsonStateFile(join(maintenanceDir, 'service.json'), flagSchema, () => ({ outOfService: false, since: null }));
  return {
    outOfService: (): boolean => file.get().outOfService,
    set: (outOfService: boolean, at: Date): Promise<void> => file.set({ outOfService, since: at.toISOString() }),
  };
}

export type ServiceFlag = Awaited<ReturnType<typeof openServiceFlag>>;
