// A template bundle's manifest: what an operator publishes and a kiosk installs. The bundle is a directory:
// `manifest.json` beside the files it names (templates, sample data, PNG images, fonts), each with its SHA-256
// and length, so a kiosk can check every byte it is about to use. Paths are relative, forward-slashed, inside
// the bundle: no `..`, no absolute path, no backslash, no hidden file.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semverCompare from 'semver/functions/compare.js';
import { z } from 'zod';
import { err, ok, type Result } from '../device-drivers/result';
import { faceNamePattern, isBundledFace } from './font-faces';

export const bundleFormat = 'kiosk-template-bundle/1';
export const MANIFEST_FILE = 'manifest.json';

/** Semantic version without build metadata: `1.4.0`, `2.0.0-rc.1`. */
const semver = z.string().regex(/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})(-[0-9A-Za-z.-]{1,32})?$/, 'a version like 1.4.0');

/** A path inside the bundle. */
export const bundlePath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!.*(^|\/)\.)(?!\/)[A-Za-z0-9._\-/]+$/, 'a relative path of letters, digits, . _ - and /, no hidden part')
  .refine((path) => !path.split('/').some((part) => part === '' || part === '..'), 'no empty or `..` part');

/**
 * What a template is for. `certificate:<certType>` for each certificate type of the gateway contract,
 * `packet` for a 一件事 errand's cover, `receipt` for the 80 mm 凭条, `testPage:a4` and `testPage:receipt`.
 */
export const templateRoles = [
  'certificate:no-property-proof',
  'certificate:social-security-record',
  'certificate:residence-proof',
  'certificate:household-registration-proof',
  'packet',
  'receipt',
  'testPage:a4',
  'testPage:receipt',
] as const;
export type TemplateRole = (typeof templateRoles)[number];

export const bundleManifestSchema = z.strictObject({
  format: z.literal(bundleFormat),
  version: semver,
  /** The oldest kiosk software (package.json `version`) that can use this bundle. */
  minAppVersion: semver,
  /** Role → the template file, and the sample data files rendered to test it before a switch. */
  templates: z.partialRecord(z.enum(templateRoles), z.strictObject({ file: bundlePath, samples: z.array(bundlePath).min(1).max(20) })),
  /**
   * Fonts beyond the bundled faces: the name a template's style gives as its `face` → a TrueType or OpenType
   * file of the bundle. Only the glyphs a document uses are embedded in it.
   */
  fonts: z.record(z.string().regex(faceNamePattern, 'a face name of lower-case letters, digits and -'), bundlePath).optional(),
  /** Every file of the bundle but the manifest, with its hash and length. */
  files: z.record(
    bundlePath,
    z.strictObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      length: z
        .number()
        .int()
        .min(0)
        .max(8 * 1024 * 1024),
    }),
  ),
});

export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** Reads and checks a manifest; every problem names its path inside the manifest. */
export function parseBundleManifest(text: string): Result<BundleManifest, string[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return err([`${MANIFEST_FILE}: not JSON: ${(error as Error).message}`]);
  }
  const checked = bundleManifestSchema.safeParse(parsed);
  if (!checked.success)
    return err(checked.error.issues.map((issue) => `${MANIFEST_FILE}: ${issue.path.join('.') || '(root)'}: ${issue.message}`));
  const manifest = checked.data;
  const problems: string[] = [];
  for (const [role, entry] of Object.entries(manifest.templates)) {
    for (const file of [entry.file, ...entry.samples]) {
      if (!(file in manifest.files)) problems.push(`${MANIFEST_FILE}: templates.${role}: ${file} is not listed in files`);
    }
  }
  for (const [face, file] of Object.entries(manifest.fonts ?? {})) {
    // zod words a bad record key only as "Invalid key": this one is said here.
    if (isBundledFace(face)) problems.push(`${MANIFEST_FILE}: fonts.${face}: the name of a bundled face`);
    if (!(file in manifest.files)) problems.push(`${MANIFEST_FILE}: fonts.${face}: ${file} is not listed in files`);
  }
  return problems.length === 0 ? ok(manifest) : err(problems);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Checks every listed file of a bundle directory against the manifest: its length, then its hash. */
export async function checkBundleFiles(dir: string, manifest: BundleManifest): Promise<Result<void, string[]>> {
  const problems: string[] = [];
  for (const [path, expected] of Object.entries(manifest.files)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, path));
    } catch {
      problems.push(`${path}: missing`);
      continue;
    }
    const problem = fileProblem(path, bytes, expected);
    if (problem) problems.push(problem);
  }
  return problems.length === 0 ? ok(undefined) : err(problems);
}

/** What is wrong with one file's bytes against its manifest entry, if anything. */
export function fileProblem(path: string, bytes: Uint8Array, expected: { sha256: string; length: number }): string | undefined {
  if (bytes.length !== expected.length) return `${path}: ${bytes.length} bytes, the manifest says ${expected.length}`;
  if (sha256Hex(bytes) !== expected.sha256) return `${path}: its SHA-256 differs from the manifest's`;
  return undefined;
}

/** Orders versions as semver does (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  return semverCompare(a, b);
}
