// The dev panel's knobs on the simulated devices. Exists only when simulated devices are configured;
// it is a test bench, never a path for the session (which gets its events from the drivers).

import { z } from 'zod';
import type { SimulatedDevices } from './development-devices';
import { misreadCard, testCitizens } from '../../scripts/synthetic-population';
import { maintenanceCodeVariants, type DevelopmentMaintenance } from './development-maintenance';
import { appCodeVariants, type AppPlatform } from '../../scripts/gateway-simulator/app-platform';

const idReaderAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('place'), cardKey: z.string() }),
  z.object({ action: z.literal('placeMisread') }),
  z.object({ action: z.literal('placeUnreadable') }),
  z.object({ action: z.literal('remove') }),
  z.object({ action: z.literal('unplug') }),
  z.object({ action: z.literal('plug') }),
]);

const a4PrinterAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('paper'), level: z.enum(['full', 'low', 'out']) }),
  z.object({ action: z.literal('jam') }),
  z.object({ action: z.literal('clearJam') }),
  z.object({ action: z.literal('takePaper') }),
  z.object({ action: z.literal('unplug') }),
  z.object({ action: z.literal('plug') }),
  z.object({ action: z.literal('slow'), pageMs: z.number().int().min(0).max(60_000) }),
]);

const scannerAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('scan'), data: z.string().max(4096) }),
  /** A maintenance code minted with the development key (or a refused one), scanned as staff would. */
  z.object({ action: z.literal('maintenanceCode'), variant: z.enum(maintenanceCodeVariants) }),
]);

/** The government app for the test citizens (the gateway simulator's platform): their codes for the challenge on screen. */
const appPlatformAction = z.discriminatedUnion('action', [
  /** Each test citizen's good code for this challenge, to show. */
  z.object({ action: z.literal('codes'), challenge: z.string().max(512) }),
  /** One citizen's code, good or spoilt as named, held under the simulated scanner. */
  z.object({ action: z.literal('scan'), citizenKey: z.string(), variant: z.enum(appCodeVariants), challenge: z.string().max(512) }),
]);

export type SimulatedDeviceResult =
  | { status: 200; body: { ok: true } }
  | { status: 200; body: { codes: Array<{ key: string; code: string }> } }
  | { status: 400 | 404 | 409; body: { error: string } };

function badRequest(error: z.ZodError): SimulatedDeviceResult {
  return { status: 400, body: { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } };
}

const ok: SimulatedDeviceResult = { status: 200, body: { ok: true } };

export function handleSimulatedDevice(
  devices: SimulatedDevices,
  device: string,
  body: unknown,
  /** Null when the configuration names a real maintenance key: the panel cannot mint codes for it. */
  maintenance: DevelopmentMaintenance | null = null,
  /** Null when the kiosk talks to a remote gateway: no app platform plays along. */
  appPlatform: Pick<AppPlatform, 'codeFor'> | null = null,
): SimulatedDeviceResult {
  if (device === 'app-platform' && appPlatform && devices.scanner) {
    const parsed = appPlatformAction.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    const command = parsed.data;
    const now = new Date();
    if (command.action === 'codes') {
      const codes: Array<{ key: string; code: string }> = [];
      for (const { key } of testCitizens) {
        const code = appPlatform.codeFor(key, command.challenge, 'valid', now);
        if (!code.ok) return { status: 400, body: { error: code.error } };
        codes.push({ key, code: code.value });
      }
      return { status: 200, body: { codes } };
    }
    const code = appPlatform.codeFor(command.citizenKey, command.challenge, command.variant, now);
    if (!code.ok) return { status: 409, body: { error: code.error } };
    devices.scanner.scan(code.value);
    return ok;
  }
  if (device === 'id-reader' && devices.idReader) {
    const parsed = idReaderAction.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    const reader = devices.idReader;
    const command = parsed.data;
    switch (command.action) {
      case 'place': {
        const citizen = testCitizens.find((c) => c.key === command.cardKey);
        if (!citizen) return { status: 404, body: { error: `no test card "${command.cardKey}"` } };
        reader.placeCard(citizen.card);
        return ok;
      }
      case 'placeMisread':
        reader.placeCard(misreadCard);
        return ok;
      case 'placeUnreadable':
        reader.placeUnreadableCard();
        return ok;
      case 'remove':
        reader.removeCard();
        return ok;
      case 'unplug':
        reader.unplug();
        return ok;
      case 'plug':
        reader.plug();
        return ok;
    }
  }
  if (device === 'a4-printer' && devices.a4Printer) {
    const parsed = a4PrinterAction.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    const printer = devices.a4Printer;
    const command = parsed.data;
    switch (command.action) {
      case 'paper':
        printer.setPaper(command.level);
        return ok;
      case 'jam':
        printer.jam();
        return ok;
      case 'clearJam':
        printer.clearJam();
        return ok;
      case 'takePaper':
        printer.takePaper();
        return ok;
      case 'unplug':
        printer.unplug();
        return ok;
      case 'plug':
        printer.plug();
        return ok;
      case 'slow':
        printer.setPageMs(command.pageMs);
        return ok;
    }
  }
  if (device === 'scanner' && devices.scanner) {
    const parsed = scannerAction.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    const command = parsed.data;
    switch (command.action) {
      case 'scan':
        devices.scanner.scan(command.data);
        return ok;
      case 'maintenanceCode':
        if (!maintenance)
          return { status: 404, body: { error: 'no development maintenance key: the configuration names the maintenance key' } };
        devices.scanner.scan(maintenance.mintCode(command.variant));
        return ok;
    }
  }
  return { status: 404, body: { error: `no simulated device "${device}"` } };
}
