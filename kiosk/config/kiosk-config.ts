// The kiosk's one configuration file: its schema, its embedded default, and how it is loaded.
// A file that is named but missing or invalid stops the start with the reason, naming the bad key.

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { kioskIdSchema } from './kiosk-id';
import { maintenanceAccessSchema } from './maintenance-access';
import { restartWindowSchema } from './restart-window';
import { developmentServicePoints, servicePointsSchema } from './service-points';

const hexId = z.string().regex(/^[0-9a-fA-F]{4}$/, 'a 4-digit hex USB id such as "0c2e"');
const devicePath = z.string().min(1, 'a device path such as /dev/ttyUSB0');

const idReaderSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('simulated') }).strict(),
  z
    .object({
      driver: z.literal('serial'),
      path: devicePath,
      baudRate: z.union([z.literal(115200), z.literal(57600), z.literal(38400), z.literal(19200), z.literal(9600)]).default(115200),
    })
    .strict(),
]);

const scannerSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('simulated') }).strict(),
  z
    .object({
      driver: z.literal('hid'),
      vendorId: hexId,
      productId: hexId,
      encoding: z.enum(['utf-8', 'gbk']).default('utf-8'),
    })
    .strict(),
  z
    .object({
      driver: z.literal('serial'),
      path: devicePath,
      baudRate: z.number().int().positive().default(9600),
      terminator: z.enum(['CR', 'CRLF', 'LF', 'TAB']).default('CR'),
      encoding: z.enum(['utf-8', 'gbk']).default('utf-8'),
    })
    .strict(),
]);

const a4PrinterSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('simulated') }).strict(),
  z
    .object({
      driver: z.literal('ipp'),
      url: z.string().regex(/^ipps?:\/\/[^\s]+$/, 'an ipp:// or ipps:// URL'),
      /** A black-only printer: issuers' stamps print black rather than as a grey of their colour. */
      monochrome: z.boolean().default(false),
    })
    .strict(),
]);

const receiptPrinterSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('simulated') }).strict(),
  z
    .object({
      driver: z.literal('escpos-serial'),
      path: devicePath,
      baudRate: z.number().int().positive().default(19200),
    })
    .strict(),
]);

/** Every gateway timing, each optional (defaults: the contract's client policy, kiosk/gateway/gateway-client-config.ts). */
const gatewayTimingsSchema = z
  .object({
    connectMs: z.number().int().positive(),
    attemptMs: z.number().int().positive(),
    totalMs: z.number().int().positive(),
    maxRetries: z.number().int().min(0).max(2, 'the contract allows at most 2 retries'),
    backoffBaseMs: z.number().int().nonnegative(),
    backoffCapMs: z.number().int().nonnegative(),
    breakerThreshold: z.number().int().positive(),
    breakerOpenMs: z.number().int().positive(),
    /** The agent's, not the client's: how long the circuit stays away from closed before staff are told (default 10 min). */
    outageAlertMs: z.number().int().positive(),
  })
  .strict()
  .partial();

const gatewaySchema = z.discriminatedUnion('mode', [
  /** The bundled simulator, started with the agent: development and demonstrations only. */
  z.object({ mode: z.literal('simulator') }).strict(),
  /** A real gateway. The kiosk id (X-Kiosk-Id, the client certificate's CN) is the top-level `kioskId`. */
  z
    .object({
      mode: z.literal('remote'),
      url: z.string().regex(/^https:\/\/[^\s]+$/, 'an https:// URL'),
      /** The gateway server CA (PEM), the only one trusted. */
      caFile: z.string().min(1),
      /** The kiosk's TLS client certificate and key (PEM), issued by the gateway operator. */
      clientCertFile: z.string().min(1),
      clientKeyFile: z.string().min(1),
      /** The algorithm the gateway registered for this kiosk. */
      signingAlgorithm: z.enum(['ES256', 'SM2-SM3']),
      /** PKCS#8 PEM: P-256 for ES256, SM2 for SM2-SM3 (as `openssl genpkey -algorithm SM2` writes it). */
      signingKeyFile: z.string().min(1),
      trustListFile: z.string().min(1),
      trustRootFile: z.string().min(1),
      timings: gatewayTimingsSchema.optional(),
    })
    .strict(),
]);

const sessionSchema = z
  .object({
    idleSeconds: z.number().positive(),
    longIdleSeconds: z.number().positive(),
    countdownSeconds: z.number().int().positive(),
    maxExtensions: z.number().int().min(10, 'the citizen may extend at least 10 times'),
    doneSeconds: z.number().positive(),
    fetchDeadlineSeconds: z.number().positive(),
    printStallSeconds: z.number().positive(),
  })
  .strict()
  .partial();

export const kioskConfigSchema = z
  .object({
    /** The kiosk id: the client certificate's CN and X-Kiosk-Id. */
    kioskId: kioskIdSchema.default('kiosk-dev-0001'),
    /** A production kiosk refuses simulated devices, the gateway simulator and the dev panel. */
    production: z.boolean().default(false),
    /** The agent listens on 127.0.0.1 only; 0 picks a free port. */
    port: z.number().int().min(0).max(65535).default(8700),
    /** Keys, certificates the simulator makes, and (development only) the simulated printer's spool. */
    dataDir: z.string().min(1).default('.kiosk-data'),
    devices: z
      .object({
        idReader: idReaderSchema,
        scanner: scannerSchema,
        a4Printer: a4PrinterSchema,
        /** Optional: many kiosks have none. */
        receiptPrinter: receiptPrinterSchema.nullable().default(null),
      })
      .strict(),
    gateway: gatewaySchema,
    session: sessionSchema.default({}),
    /** The nearest other kiosks and staffed windows, named as next steps when this kiosk cannot finish. */
    servicePoints: servicePointsSchema.default([]),
    /** Staff access to maintenance mode; null: no maintenance mode on this kiosk. */
    maintenance: maintenanceAccessSchema.nullable().default(null),
    metrics: z
      .object({
        /** node_exporter's textfile collector directory: the agent writes kiosk.prom there every 15 s. */
        textfileDir: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /** A nightly restart, once a night inside the window and only when no session is running; null: none. */
    restart: z.object({ window: restartWindowSchema }).strict().nullable().default(null),
    /**
     * Where operators publish template bundles (The Update Framework); null: the kiosk prints with the bundle it
     * shipped with.
     */
    templates: z
      .object({
        /** The TUF repository's base URL: metadata under `metadata/`, bundle files under `targets/`. */
        repositoryUrl: z.url({ protocol: /^https?$/ }),
        /** The repository's root metadata this kiosk trusts first, installed with the kiosk. */
        trustedRootFile: z.string().min(1),
        /** The kiosk's rollout ring: 0 takes a bundle first (canary), higher rings later (a bundle says up to which ring it goes). */
        ring: z.number().int().min(0).max(9),
        /** How often the kiosk asks for a new bundle. */
        pollMinutes: z.number().int().min(1).max(1440).default(15),
      })
      .strict()
      .nullable()
      .default(null),
    /**
     * The public verifier page's address (seal-kq1 v1.1, URL form): printed seals become `<url>#KQ1:…` for phone
     * cameras, and receipts may point there. Null: seals print as plain `KQ1:…`.
     */
    verifier: z
      .object({ url: z.url({ protocol: /^https$/ }) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!config.production) return;
    for (const [name, device] of Object.entries(config.devices)) {
      if (device?.driver === 'simulated') {
        ctx.addIssue({ code: 'custom', path: ['devices', name, 'driver'], message: 'a production kiosk cannot use simulated devices' });
      }
    }
    if (config.gateway.mode === 'simulator') {
      ctx.addIssue({ code: 'custom', path: ['gateway', 'mode'], message: 'a production kiosk cannot use the gateway simulator' });
    }
  });

export type KioskConfig = z.infer<typeof kioskConfigSchema>;

/** No file named: simulated devices, the bundled gateway simulator, data in ./.kiosk-data. */
export const embeddedDefaultConfig = {
  devices: {
    idReader: { driver: 'simulated' },
    scanner: { driver: 'simulated' },
    a4Printer: { driver: 'simulated' },
    receiptPrinter: { driver: 'simulated' },
  },
  gateway: { mode: 'simulator' },
  servicePoints: developmentServicePoints,
};

export class ConfigError extends Error {}

/** Every problem, one per line, each naming its key: `devices.idReader.path: …`. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`).join('\n');
}

export function parseConfig(raw: unknown, source: string): KioskConfig {
  const result = kioskConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`configuration ${source} is invalid:\n${describeIssues(result.error)}`);
  return result.data;
}

/** Paths in a file are relative to the file; in the embedded default, to the working directory. */
function resolvePaths(config: KioskConfig, base: string): KioskConfig {
  const at = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  const gateway =
    config.gateway.mode === 'remote'
      ? {
          ...config.gateway,
          caFile: at(config.gateway.caFile),
          clientCertFile: at(config.gateway.clientCertFile),
          clientKeyFile: at(config.gateway.clientKeyFile),
          signingKeyFile: at(config.gateway.signingKeyFile),
          trustListFile: at(config.gateway.trustListFile),
          trustRootFile: at(config.gateway.trustRootFile),
        }
      : config.gateway;
  const maintenance = config.maintenance ? { ...config.maintenance, publicKeyFile: at(config.maintenance.publicKeyFile) } : null;
  const { textfileDir } = config.metrics;
  const metrics = textfileDir === undefined ? {} : { textfileDir: at(textfileDir) };
  const templates = config.templates ? { ...config.templates, trustedRootFile: at(config.templates.trustedRootFile) } : null;
  return { ...config, dataDir: at(config.dataDir), gateway, maintenance, metrics, templates };
}

/** Loads the named file, or the embedded default when none is named. */
export async function loadConfig(path: string | undefined, cwd = process.cwd()): Promise<{ config: KioskConfig; source: string }> {
  if (path === undefined) {
    return { config: resolvePaths(parseConfig(embeddedDefaultConfig, 'embedded default'), cwd), source: 'embedded default' };
  }
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `configuration file ${file} cannot be read (${code === 'ENOENT' ? 'it does not exist' : (code ?? 'unknown error')})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`configuration file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { config: resolvePaths(parseConfig(raw, file), dirname(file)), source: file };
}
