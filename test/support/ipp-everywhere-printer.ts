// A real IPP Everywhere printer for tests: `ippeveprinter` (Debian cups-ipp-utils) on a free loopback port, with
// its own D-Bus daemon, a temporary spool directory that keeps every job's document, and a job script that
// prints in ~25 ms instead of 5–15 s and can, on demand, report a jam, hold a job, or abort it.
// Paper and toner are set through the printer's own web forms (/media, /supplies), as a person would.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IppEverywherePrinter {
  /** `ipp://localhost:PORT/ipp/print` */
  url: string;
  port: number;
  spoolDir: string;
  /** Both trays: 250 and 25 A4 sheets, 5 sheets (media-low), or none (media-empty). */
  setPaper(level: 'full' | 'low' | 'empty'): Promise<void>;
  /** The black toner: 75 %, 5 % (toner-low) or 0 % (toner-empty). */
  setToner(level: 'full' | 'low' | 'empty'): Promise<void>;
  /**
   * What the job script does with the next jobs: print at once; `jam` (reports media-jam and waits);
   * `hold` (waits, still "processing"); `abort` (exits non-zero, so the printer aborts the job).
   * Changing from `jam` or `hold` lets a waiting job finish.
   */
  setJobBehaviour(behaviour: 'print' | 'jam' | 'hold' | 'abort'): Promise<void>;
  /** The documents the printer received, by spool file name, in job order. */
  spooledDocuments(): Promise<{ file: string; bytes: Buffer }[]>;
  /** Lines the printer logged (-v), for a failing test's message. */
  log(): string;
  close(): Promise<void>;
}

/** Fails loudly, with the package to install, when a tool is missing: these tests never skip. */
export function requireTool(command: string, debianPackage: string): string {
  // ippeveprinter lives in /usr/sbin, which a non-root user's PATH often lacks.
  const found = spawnSync('sh', ['-c', `command -v ${command} || command -v /usr/sbin/${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') {
    throw new Error(
      `${command} is not installed: the IPP printer tests need the Debian package ${debianPackage} (apt-get install ${debianPackage})`,
    );
  }
  return path;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The job script: ippeveprinter runs it once per job with the spool file as $1 and reads `STATE:` lines on stderr.
const JOB_SCRIPT = `#!/bin/sh
control="$(dirname "$0")/job-behaviour"
behaviour=$(cat "$control" 2>/dev/null)
case "$behaviour" in
  jam)
    echo "STATE: +media-jam-error" >&2
    while [ "$(cat "$control" 2>/dev/null)" = jam ]; do sleep 0.02; done
    echo "STATE: -media-jam-error" >&2 ;;
  hold)
    while [ "$(cat "$control" 2>/dev/null)" = hold ]; do sleep 0.02; done ;;
  abort)
    echo "ERROR: the test rig aborts this job" >&2
    exit 1 ;;
esac
exit 0
`;

export async function startIppEverywherePrinter(options: { name?: string } = {}): Promise<IppEverywherePrinter> {
  const ippeveprinter = requireTool('ippeveprinter', 'cups-ipp-utils');
  const dbusDaemon = requireTool('dbus-daemon', 'dbus-daemon');
  const dir = await mkdtemp(join(tmpdir(), 'ipp-printer-'));
  const spoolDir = join(dir, 'spool');
  const children: ChildProcess[] = [];
  let logText = '';

  const stop = async () => {
    await Promise.all(children.reverse().map(stopProcess));
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await writeFile(join(dir, 'job-behaviour'), 'print');
    await writeFile(join(dir, 'print-job.sh'), JOB_SCRIPT);
    await chmod(join(dir, 'print-job.sh'), 0o755);
    await mkdir(spoolDir);

    // ippeveprinter wants a D-Bus bus even with DNS-SD off; a private one leaves the machine's alone.
    const busAddress = `unix:path=${join(dir, 'bus')}`;
    const dbus = spawn(dbusDaemon, ['--session', `--address=${busAddress}`, '--nofork', '--nopidfile'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(dbus);
    await waitFor(async () => (await readdir(dir)).includes('bus'), 3000, 'dbus-daemon did not start');

    const port = await freeLoopbackPort();
    const printer = spawn(
      ippeveprinter,
      [
        '-r',
        'off',
        '-n',
        'localhost',
        '-p',
        String(port),
        '-d',
        spoolDir,
        '-k',
        '-f',
        'application/pdf',
        '-c',
        join(dir, 'print-job.sh'),
        '-v',
        options.name ?? 'Kiosk Test Printer',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: busAddress, DBUS_SESSION_BUS_ADDRESS: busAddress },
      },
    );
    children.push(printer);
    const collect = (chunk: Buffer) => {
      logText += chunk.toString('utf8');
      if (logText.length > 200_000) logText = logText.slice(-100_000);
    };
    printer.stdout?.on('data', collect);
    printer.stderr?.on('data', collect);
    let exited = false;
    printer.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`ippeveprinter exited at start:\n${logText}`);
        return connects(port);
      },
      5000,
      'ippeveprinter did not start listening',
    );

    const url = `ipp://localhost:${port}/ipp/print`;
    const web = (path: string) => httpGet(port, path);
    const paperLevels = { full: [250, 25], low: [5, 5], empty: [0, 0] } as const;
    const tonerLevels = { full: 75, low: 5, empty: 0 } as const;

    const handle: IppEverywherePrinter = {
      url,
      port,
      spoolDir,
      async setPaper(level) {
        const [main, bypass] = paperLevels[level];
        await web(`/media?size1=iso_a4_210x297mm&type1=stationery&level1=${main}&size3=iso_a4_210x297mm&type3=stationery&level3=${bypass}`);
      },
      async setToner(level) {
        // supply0 is the waste toner tank, supply1 the black toner.
        await web(`/supplies?supply0=25&supply1=${tonerLevels[level]}`);
      },
      async setJobBehaviour(behaviour) {
        await writeFile(join(dir, 'job-behaviour'), behaviour);
      },
      async spooledDocuments() {
        const files = (await readdir(spoolDir)).filter((f) => !f.endsWith('.prn'));
        files.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
        return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(join(spoolDir, file)) })));
      },
      log: () => logText,
      close: stop,
    };
    await handle.setPaper('full');
    return handle;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(message);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, 'localhost');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function httpGet(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: 'localhost', port, path, agent: false }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`GET ${path}: HTTP ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
