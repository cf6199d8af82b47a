// Maintenance mode joined to the running agent: its state on disk (opened before the session, which may start
// out of service), the rating counts it shows, and the maintenance machine fed by the scan router.

import type { Errand } from '../errands/catalogue';
import { startMaintenanceMode, type MaintenanceModeParts, type MaintenanceState } from './maintenance-mode';
import type { SessionRuntime } from './session-runtime';

export async function startAgentMaintenance(
  parts: MaintenanceModeParts & { catalogue: Errand[]; runtime: SessionRuntime; state: MaintenanceState },
) {
  const { runtime, state, catalogue, logger } = parts;
  const stopCounting = runtime.on('rating', ({ errandId, score }) => {
    if (!catalogue.some((errand) => errand.id === errandId)) return;
    state.ratingTally
      .add(errandId, score)
      .catch((error: unknown) =>
        logger.event('maintenance.store', 'failure', { file: 'ratingTally', error: error instanceof Error ? error.name : 'unknown' }),
      );
  });
  const mode = await startMaintenanceMode(parts);
  return {
    ...mode,
    stop(): void {
      stopCounting();
      mode.stop();
    },
  };
}
