// The agent's local HTTP API for SIMULATED devices, used only by the dev panel. It goes around the
// session on purpose: tapping "place card" here is the same as a hand putting a card on a real reader.

export type SimDevice = 'id-reader' | 'a4-printer' | 'scanner';

/** Maintenance codes the development agent mints with its development key and scans through the simulated scanner. */
export const maintenanceCodeVariants = ['valid', 'expired', 'otherKiosk', 'badSignature', 'tooLongLived'] as const;
export type MaintenanceCodeVariant = (typeof maintenanceCodeVariants)[number];

/** The test citizens' app codes as the gateway simulator's app platform makes them: the good one, and each refused kind. */
export const appCodeVariants = ['valid', 'reused', 'expired', 'foreignKiosk', 'wrongNonce'] as const;
export type AppCodeVariant = (typeof appCodeVariants)[number];

export type SimAction =
  | { action: 'place'; cardKey: string }
  | { action: 'placeMisread' | 'placeUnreadable' | 'remove' | 'unplug' | 'plug' }
  | { action: 'paper'; level: 'full' | 'low' | 'out' }
  | { action: 'jam' | 'clearJam' | 'takePaper' }
  | { action: 'scan'; data: string }
  | { action: 'maintenanceCode'; variant: MaintenanceCodeVariant };

// The project's Result<T, string> (device-drivers/result.ts), spelt out here: the UI imports nothing outside kiosk/ui.
export type DevResult<T> = { ok: true; value: T } | { ok: false; error: string };

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function createDevApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function call<T>(path: string, init: RequestInit | undefined, read: (r: Response) => Promise<T>): Promise<DevResult<T>> {
    try {
      const response = await fetchImpl(path, init);
      if (!response.ok) {
        const text = (await response.text().catch(() => '')).slice(0, 120);
        return { ok: false, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
      }
      return { ok: true, value: await read(response) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return {
    sim(device: SimDevice, body: SimAction): Promise<DevResult<null>> {
      // Same origin: the agent serves the UI and this API.
      return call(
        `/api/sim/${device}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        async () => null,
      );
    },
    /** Each test citizen's good app code for the challenge on screen, to show and to "scan". */
    appCodes(challenge: string): Promise<DevResult<Array<{ key: string; code: string }>>> {
      return call(
        '/api/sim/app-platform',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'codes', challenge }) },
        async (r) => ((await r.json()) as { codes: Array<{ key: string; code: string }> }).codes,
      );
    },
    /** A citizen's code for the challenge, good or spoilt as named, held under the simulated scanner. */
    scanAppCode(citizenKey: string, variant: AppCodeVariant, challenge: string): Promise<DevResult<null>> {
      return call(
        '/api/sim/app-platform',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'scan', citizenKey, variant, challenge }),
        },
        async () => null,
      );
    },
    devices(): Promise<DevResult<unknown>> {
      return call('/api/devices', undefined, (r) => r.json() as Promise<unknown>);
    },
  };
}

export type DevApi = ReturnType<typeof createDevApi>;
