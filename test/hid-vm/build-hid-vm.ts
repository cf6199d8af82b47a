// Prepares the QEMU guest for the node-hid test (this host kernel has no /dev/uhid, so the virtual scanner lives
// in a VM): Debian's own kernel and its hid/uhid/hid-generic modules, and an initramfs with busybox, the host's node
// and the libraries it needs, node-hid, the bundled guest scenario and the static uhid program.
//
// The kernel is downloaded once with `apt-get download` and cached under node_modules/.cache; the initramfs is
// rebuilt every run (about a second) because it holds the driver under test. Every missing tool is an error that
// says what to install: the test must fail, never skip.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
export const HID_VM_CACHE = join(REPO, 'node_modules/.cache/kiosk-hid-vm');

/** Kernel modules the guest loads (their dependencies are found from the modules' own .modinfo). */
const WANTED_MODULES = ['uhid', 'hid_generic'];
/** busybox applets the init script and the scenario use. */
const APPLETS = ['sh', 'mount', 'insmod', 'poweroff', 'mkdir', 'cat', 'echo', 'ls', 'sleep', 'dmesg'];

export interface HidVm {
  kernel: string;
  initrd: string;
  kernelPackage: string;
  timingsMs: { kernel: number; initrd: number };
}

export class HidVmSetupError extends Error {}

export async function buildHidVm(): Promise<HidVm> {
  for (const [tool, pkg] of [
    ['qemu-system-x86_64', 'qemu-system-x86'],
    ['cpio', 'cpio'],
    ['gcc', 'gcc'],
    ['apt-get', 'apt'],
    ['dpkg-deb', 'dpkg'],
  ] as const) {
    if (!hasCommand(tool)) throw new HidVmSetupError(`${tool} is missing: apt-get install ${pkg}`);
  }
  if (!existsSync('/bin/busybox') || !isStatic('/bin/busybox'))
    throw new HidVmSetupError('a static /bin/busybox is missing: apt-get install busybox-static');
  mkdirSync(HID_VM_CACHE, { recursive: true });

  const t0 = performance.now();
  const kernel = prepareKernel();
  const t1 = performance.now();
  const initrd = await buildInitramfs(kernel.modules);
  const t2 = performance.now();
  return {
    kernel: kernel.vmlinuz,
    initrd,
    kernelPackage: kernel.pkg,
    timingsMs: { kernel: Math.round(t1 - t0), initrd: Math.round(t2 - t1) },
  };
}

// ---- the kernel ----

interface PreparedKernel {
  pkg: string;
  vmlinuz: string;
  /** In load order. */
  modules: string[];
}

/** The kernel image that `linux-image-amd64` points at today, as apt offers it. */
function kernelPackageName(): string {
  const out = run('apt-cache', ['depends', 'linux-image-amd64']);
  const match = /Depends: (linux-image-[0-9][^\s]*-amd64)/.exec(out);
  if (!match?.[1]) throw new HidVmSetupError('apt does not know linux-image-amd64: run `apt-get update` first');
  return match[1];
}

function prepareKernel(): PreparedKernel {
  const pkg = kernelPackageName();
  const dir = join(HID_VM_CACHE, pkg);
  // Debian moves linux-image-amd64 on with each point release: drop the kernels it no longer points at.
  for (const entry of readdirSync(HID_VM_CACHE)) {
    if (entry.startsWith('linux-image-') && entry !== pkg) rmSync(join(HID_VM_CACHE, entry), { recursive: true, force: true });
  }
  const manifest = join(dir, 'modules.load');
  if (existsSync(manifest) && existsSync(join(dir, 'vmlinuz'))) {
    const names = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
    return { pkg, vmlinuz: join(dir, 'vmlinuz'), modules: names.map((name) => join(dir, name)) };
  }

  const work = mkdtempSync(join(tmpdir(), 'kiosk-kernel-'));
  try {
    // apt-get download writes into the current directory; as root it warns that _apt cannot reach it (harmless).
    const download = spawnSync('apt-get', ['download', pkg], { cwd: work, encoding: 'utf8' });
    const deb = readdirSync(work).find((file) => file.endsWith('.deb'));
    if (download.status !== 0 || !deb) throw new HidVmSetupError(`apt-get download ${pkg} failed: ${download.stderr.trim()}`);
    run('dpkg-deb', ['-x', join(work, deb), join(work, 'root')]);

    const boot = join(work, 'root/boot');
    const image = readdirSync(boot).find((file) => file.startsWith('vmlinuz-'));
    if (!image) throw new HidVmSetupError(`${pkg} holds no vmlinuz`);
    const moduleRoots = readdirSync(join(work, 'root/lib/modules'));
    const moduleRoot = moduleRoots[0];
    if (!moduleRoot) throw new HidVmSetupError(`${pkg} holds no modules`);
    const order = moduleLoadOrder(join(work, 'root/lib/modules', moduleRoot));

    mkdirSync(dir, { recursive: true });
    const names: string[] = [];
    for (const file of order) {
      const name = basename(file).replace(/\.ko(\.xz|\.zst)?$/, '.ko');
      writeFileSync(join(dir, name), moduleBytes(file));
      names.push(name);
    }
    copyFileSync(join(boot, image), join(dir, 'vmlinuz'));
    writeFileSync(manifest, names.join('\n') + '\n');
    return { pkg, vmlinuz: join(dir, 'vmlinuz'), modules: names.map((name) => join(dir, name)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The wanted modules and everything they depend on, dependencies first (depmod's data is not in the package). */
function moduleLoadOrder(root: string): string[] {
  const byName = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ko(\.xz|\.zst)?$/.test(entry.name)) byName.set(moduleName(entry.name), path);
    }
  };
  walk(join(root, 'kernel'));

  const order: string[] = [];
  const visit = (name: string, chain: string[]) => {
    const file = byName.get(name);
    if (!file)
      throw new HidVmSetupError(`kernel module ${name} is not in the kernel package (needed by ${chain.join(' → ') || 'the test'})`);
    if (order.includes(file)) return;
    if (chain.includes(name)) return;
    for (const dependency of moduleDepends(moduleBytes(file))) visit(dependency, [...chain, name]);
    order.push(file);
  };
  for (const name of WANTED_MODULES) visit(name, []);
  return order;
}

function moduleName(file: string): string {
  return file.replace(/\.ko(\.xz|\.zst)?$/, '').replaceAll('-', '_');
}

/** The `depends=` entry of a module's .modinfo section: NUL-separated key=value strings. */
function moduleDepends(bytes: Buffer): string[] {
  const key = Buffer.from('\0depends=');
  const at = bytes.indexOf(key);
  if (at < 0) return [];
  const end = bytes.indexOf(0, at + key.length);
  const list = bytes.subarray(at + key.length, end).toString('latin1');
  return list
    .split(',')
    .filter(Boolean)
    .map((name) => name.replaceAll('-', '_'));
}

function moduleBytes(file: string): Buffer {
  if (file.endsWith('.xz')) return execFileSync('xz', ['-dc', file], { maxBuffer: 64 << 20 });
  if (file.endsWith('.zst')) return execFileSync('zstd', ['-dc', file], { maxBuffer: 64 << 20 });
  return readFileSync(file);
}

// ---- the initramfs ----

async function buildInitramfs(modules: string[]): Promise<string> {
  const staging = mkdtempSync(join(tmpdir(), 'kiosk-initramfs-'));
  try {
    for (const dir of ['bin', 'proc', 'sys', 'dev', 'tmp', 'run', 'app/node_modules', 'lib/modules'])
      mkdirSync(join(staging, dir), { recursive: true });

    // busybox, with links for the applets used (its --install would point them at /proc/self/exe).
    copyInto(staging, '/bin/busybox', 'bin/busybox');
    for (const applet of APPLETS) symlinkSync('busybox', join(staging, 'bin', applet));

    // node and node-hid's binding for Linux hidraw, with every shared library they load.
    copyInto(staging, process.execPath, 'bin/node');
    const nodeHid = join(REPO, 'node_modules/node-hid');
    const binding = join(nodeHid, 'prebuilds/HID_hidraw-linux-x64/node-napi-v4.node');
    if (!existsSync(binding)) throw new HidVmSetupError(`node-hid's prebuilt hidraw binding is missing: ${binding}`);
    for (const library of sharedLibraries([process.execPath, binding])) copyInto(staging, library, library.slice(1));
    for (const file of ['package.json', 'nodehid.js', 'binding-options.js', relative(nodeHid, binding)]) {
      copyInto(staging, join(nodeHid, file), join('app/node_modules/node-hid', file));
    }
    copyTree(join(REPO, 'node_modules/pkg-prebuilds'), join(staging, 'app/node_modules/pkg-prebuilds'));

    // The scenario with the driver under test, bundled; node-hid stays a real package, loaded as on a kiosk.
    await bundleScenario(join(staging, 'app/hid-guest.mjs'));
    copyInto(staging, compileUhidProgram(), 'app/uhid-pos-scanner');

    for (const module of modules) copyInto(staging, module, join('lib/modules', basename(module)));
    writeFileSync(join(staging, 'lib/modules/load-order'), modules.map((module) => basename(module)).join('\n') + '\n');
    writeFileSync(join(staging, 'init'), INIT_SCRIPT);
    chmodSync(join(staging, 'init'), 0o755);

    const initrd = join(HID_VM_CACHE, 'initramfs.cpio');
    // newc is the format the kernel unpacks; uncompressed, because decompressing under TCG costs more than reading.
    const cpio = spawnSync('sh', ['-c', `find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc -R 0:0 --quiet > '${initrd}'`], {
      cwd: staging,
      encoding: 'utf8',
    });
    if (cpio.status !== 0) throw new HidVmSetupError(`cpio failed: ${cpio.stderr}`);
    return initrd;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * PID 1 in the guest. It opens the console itself (the initramfs holds no /dev/console node, so it can be built
 * without root), loads the modules, runs the scenario and powers off; the host reads the serial console.
 */
const INIT_SCRIPT = `#!/bin/busybox sh
/bin/busybox mount -t devtmpfs devtmpfs /dev
exec 0</dev/console 1>/dev/console 2>&1
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "HIDVM-BOOTED $(cat /proc/uptime)"
for module in $(cat /lib/modules/load-order); do
  insmod /lib/modules/$module || echo "HIDVM-ERROR insmod $module"
done
cd /app
HOME=/tmp /bin/node /app/hid-guest.mjs
echo "HIDVM-EXIT $? $(cat /proc/uptime)"
poweroff -f
`;

async function bundleScenario(outfile: string): Promise<void> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new HidVmSetupError('esbuild is missing (it comes with tsx): npm install');
  }
  await esbuild.build({
    entryPoints: [join(HERE, 'guest/hid-guest-scenario.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['node-hid'],
    // iconv-lite is CommonJS: give the ESM bundle a require for the builtins it loads.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}

function compileUhidProgram(): string {
  const source = join(HERE, 'uhid-pos-scanner.c');
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const binary = join(HID_VM_CACHE, `uhid-pos-scanner-${hash}`);
  if (existsSync(binary)) return binary;
  const gcc = spawnSync('gcc', ['-static', '-O2', '-Wall', '-o', binary, source], { encoding: 'utf8' });
  if (gcc.status !== 0) throw new HidVmSetupError(`gcc -static failed (libc6-dev installed?): ${gcc.stderr}`);
  return binary;
}

/** Absolute paths of the shared libraries (and the loader) that these ELF files load, from ldd. */
function sharedLibraries(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const line of run('ldd', [file]).split('\n')) {
      const match = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
      if (match?.[1]) found.add(match[1]);
    }
  }
  return [...found];
}

function copyInto(staging: string, from: string, to: string): void {
  const target = join(staging, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, target); // follows symlinks: the guest gets the real file under the name the loader asks for
  chmodSync(target, statSync(from).mode & 0o777);
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

function isStatic(file: string): boolean {
  const ldd = spawnSync('ldd', [file], { encoding: 'utf8' });
  return /not a dynamic executable|statically linked/.test(ldd.stdout + ldd.stderr);
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (result.error) throw new HidVmSetupError(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new HidVmSetupError(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}
