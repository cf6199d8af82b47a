#!/usr/bin/env node
// Before the tests: installs the Debian packages they need when a tool is missing (as root, with apt-get),
// and fails loudly when it cannot. A test that needs a tool never skips silently.

import { execFileSync, spawnSync } from 'node:child_process';

/** command → Debian package that provides it */
const TOOLS = {
  chromium: 'chromium',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  zbarimg: 'zbar-tools',
  // the template bundle confinement test watches the files and sockets a render opens
  strace: 'strace',
  openssl: 'openssl',
  socat: 'socat',
  ippeveprinter: 'cups-ipp-utils',
  ipptool: 'cups-ipp-utils',
  'dbus-daemon': 'dbus-daemon',
  // the systemd units (systemd-analyze verify, systemd-sysusers --dry-run) and the watchdog (systemd-notify)
  'systemd-analyze': 'systemd',
  'systemd-notify': 'systemd',
  'systemd-sysusers': 'systemd',
  // the HID test: node-hid inside a QEMU guest
  'qemu-system-x86_64': 'qemu-system-x86',
  cpio: 'cpio',
  gcc: 'gcc',
};
/** packages with no command to look for */
const PACKAGES_BY_FILE = {
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc': 'fonts-noto-cjk',
  // the font tests' TrueType face with compound glyphs, instruction tables and no vmtx
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf': 'fonts-dejavu-core',
  '/bin/busybox': 'busybox-static',
  '/usr/lib/x86_64-linux-gnu/libc.a': 'libc6-dev',
  '/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0': 'libusb-1.0-0',
  '/usr/lib/x86_64-linux-gnu/libudev.so.1': 'libudev1',
  // the fake systemd notification socket (a Unix datagram socket Node cannot bind); Debian's, not a pyenv shim
  '/usr/bin/python3': 'python3-minimal',
};
/** The QEMU guest's kernel is fetched with `apt-get download`, which needs apt's package lists. */
const KERNEL_CACHE = new URL('../node_modules/.cache/kiosk-hid-vm/', import.meta.url).pathname;

const exists = (file) => spawnSync('test', ['-e', file]).status === 0;
// Some tools live in /usr/sbin, which a non-root PATH may lack.
const has = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0 || exists(`/usr/sbin/${command}`);

const missing = new Set();
for (const [command, pkg] of Object.entries(TOOLS)) if (!has(command)) missing.add(pkg);
for (const [file, pkg] of Object.entries(PACKAGES_BY_FILE)) if (!exists(file)) missing.add(pkg);

const needsPackageLists = !hasCachedKernel();
if (missing.size === 0 && !needsPackageLists) process.exit(0);
if (missing.size === 0) {
  if (isRoot()) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  process.exit(0);
}

const packages = [...missing];
if (!isRoot()) {
  console.error(
    `The tests need these Debian packages: ${packages.join(' ')}.\nInstall them (sudo apt-get install ${packages.join(' ')}) and run the tests again.`,
  );
  process.exit(1);
}
console.log(`Installing Debian packages the tests need: ${packages.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
} catch {
  console.error(`apt-get could not install: ${packages.join(' ')}. The tests cannot run without them.`);
  process.exit(1);
}
const still = Object.entries(TOOLS)
  .filter(([command]) => !has(command))
  .map(([command]) => command);
if (still.length > 0) {
  console.error(`Still missing after the install: ${still.join(' ')}.`);
  process.exit(1);
}

function isRoot() {
  return typeof process.getuid !== 'function' || process.getuid() === 0;
}

function hasCachedKernel() {
  const listing = spawnSync('sh', ['-c', `ls ${KERNEL_CACHE}linux-image-*/vmlinuz`], { stdio: 'ignore' });
  return listing.status === 0;
}
