// Opens a template bundle directory and checks all of it before anything is printed from it: the manifest,
// every file's length and hash, each template against its role's format (an A4 template of the role's document
// kind, or a receipt template), each image it names, each sample against what the template prints (the A4
// kind's data, or a receipt's facts), each font the manifest lists (it must parse) and each face a template's
// style names (bundled, or one of those fonts). Every problem names the path inside the bundle it is about, e.g.
// `certificate-a4.json: blocks[2].style: …` or `samples/packet.json: certificates: …`.
// Only files the manifest lists are read, and only inside the directory: a link out of it is refused.

import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

import type { Font } from 'fontkit';

import { err, ok, type Result } from '../device-drivers/result';
import type { A4DocumentKind } from './a4-document-kinds';
import { samplePages } from './a4-document-data';
import { bundleFontGlyphProblems } from './bundle-font-coverage';
import { parseBundleFont } from './bundle-fonts';
import { isBundledFace } from './font-faces';
import { charactersWithoutGlyph } from './font-fallback';
import { type BundleManifest, MANIFEST_FILE, fileProblem, parseBundleManifest, type TemplateRole } from './bundle-manifest';
import { pngSize } from './png-image';
import { checkReceiptFacts, type ReceiptFacts } from './receipt-facts';
import { checkReceiptTemplate, type ReceiptTemplate } from './receipt-template';
import type { A4PageData } from './render-a4';
import type { A4Template } from './template-schema';
import { readA4Template } from './template-store';

/** Each role's template format: an A4 template printing the given document kind, or an 80 mm receipt template. */
const roleFormats: Record<TemplateRole, { format: 'a4'; kind: A4DocumentKind } | { format: 'receipt' }> = {
  'certificate:no-property-proof': { format: 'a4', kind: 'certificate' },
  'certificate:social-security-record': { format: 'a4', kind: 'certificate' },
  'certificate:residence-proof': { format: 'a4', kind: 'certificate' },
  'certificate:household-registration-proof': { format: 'a4', kind: 'certificate' },
  packet: { format: 'a4', kind: 'packet' },
  receipt: { format: 'receipt' },
  'testPage:a4': { format: 'a4', kind: 'testPage' },
  'testPage:receipt': { format: 'receipt' },
};

export interface BundleSample {
  file: string;
  pages: A4PageData[];
}

export interface BundleA4Template {
  role: TemplateRole;
  file: string;
  template: A4Template;
  samples: BundleSample[];
}

export interface BundleReceiptTemplate {
  role: TemplateRole;
  file: string;
  template: ReceiptTemplate;
  samples: Array<{ file: string; facts: ReceiptFacts }>;
}

export interface TemplateBundle {
  manifest: BundleManifest;
  a4Templates: BundleA4Template[];
  receiptTemplates: BundleReceiptTemplate[];
  /** The PNG images the templates name, by path inside the bundle. */
  images: ReadonlyMap<string, Uint8Array>;
  /** The bundle's own fonts, parsed, by the face name the manifest gives each. */
  fonts: ReadonlyMap<string, Font>;
}

export async function loadTemplateBundle(dir: string): Promise<Result<TemplateBundle, string[]>> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return err([`${MANIFEST_FILE}: missing`]);
  }
  const parsed = parseBundleManifest(manifestText);
  if (!parsed.ok) return parsed;
  const manifest = parsed.value;

  // Each file is read once, checked, and used from memory: it cannot change between its check and its use.
  const files = await readBundleFiles(dir, manifest);
  if (!files.ok) return files;
  const problems: string[] = [];
  const bytesOf = (path: string) => files.value.get(path) ?? Buffer.alloc(0);
  const textOf = (path: string) => bytesOf(path).toString('utf8');
  const images = new Map<string, Uint8Array>();
  const fonts = new Map<string, Font>();
  for (const [face, file] of Object.entries(manifest.fonts ?? {})) {
    const font = parseBundleFont(file, bytesOf(file));
    if (font.ok) fonts.set(face, font.value);
    else problems.push(font.error);
  }
  const a4Templates: BundleA4Template[] = [];
  const receiptTemplates: BundleReceiptTemplate[] = [];
  for (const [role, entry] of Object.entries(manifest.templates) as [TemplateRole, { file: string; samples: string[] }][]) {
    const roleFormat = roleFormats[role];
    if (roleFormat.format === 'receipt') {
      const checked = checkedReceiptTemplate(role, entry, textOf);
      if (checked.ok) receiptTemplates.push(checked.value);
      else problems.push(...checked.error);
      continue;
    }
    const { kind } = roleFormat;
    const check = readA4Template(textOf(entry.file));
    if (!check.ok) {
      problems.push(...check.error.map((problem) => `${entry.file}: ${problem}`));
      continue;
    }
    const template = check.value;
    if (template.document !== kind) problems.push(`${entry.file}: document: "${template.document}", but ${role} prints a ${kind}`);
    const unknownFaces = Object.entries(template.styles).filter(([, style]) => !isBundledFace(style.face) && !fonts.has(style.face));
    for (const [name, style] of unknownFaces) {
      const listed = Object.hasOwn(manifest.fonts ?? {}, style.face);
      // A listed font that did not parse is already a problem of its own file.
      if (!listed)
        problems.push(`${entry.file}: styles.${name}.face: "${style.face}" is neither a bundled face nor in the fonts of ${MANIFEST_FILE}`);
    }
    if (unknownFaces.length > 0) continue;
    for (const [index, block] of template.blocks.entries()) {
      if (block.type !== 'image' || images.has(block.file)) continue;
      if (!Object.hasOwn(manifest.files, block.file)) {
        problems.push(`${entry.file}: blocks[${index}].file: ${block.file} is not listed in ${MANIFEST_FILE}`);
        continue;
      }
      const bytes = bytesOf(block.file);
      if (pngSize(bytes)) images.set(block.file, bytes);
      else problems.push(`${block.file}: not a PNG image`);
    }
    const samples: BundleSample[] = [];
    for (const file of entry.samples) {
      const json = parseJson(textOf(file));
      const pages = json.ok ? samplePages(kind, json.value) : err([json.error]);
      if (!pages.ok) {
        problems.push(...pages.error.map((problem) => `${file}: ${problem}`));
        continue;
      }
      samples.push({ file, pages: pages.value });
      problems.push(...glyphProblems(template, json.ok ? json.value : undefined).map((problem) => `${file}: ${problem}`));
      problems.push(...bundleFontGlyphProblems(template, fonts, pages.value).map((problem) => `${file}: ${problem}`));
    }
    a4Templates.push({ role, file: entry.file, template, samples });
  }
  return problems.length === 0 ? ok({ manifest, a4Templates, receiptTemplates, images, fonts }) : err(problems);
}

/** The bundle's A4 template for a role, if it has one. */
export function bundleA4Template(bundle: TemplateBundle, role: TemplateRole): A4Template | undefined {
  return bundle.a4Templates.find((entry) => entry.role === role)?.template;
}

/** The bundle's receipt template for a receipt role, if it has one. */
export function bundleReceiptTemplate(bundle: TemplateBundle, role: 'receipt' | 'testPage:receipt'): ReceiptTemplate | undefined {
  return bundle.receiptTemplates.find((entry) => entry.role === role)?.template;
}

/** A receipt role's template, checked with the receipt template schema, and its samples with the receipt facts schema. */
function checkedReceiptTemplate(
  role: TemplateRole,
  entry: { file: string; samples: string[] },
  textOf: (path: string) => string,
): Result<BundleReceiptTemplate, string[]> {
  const template = parseJson(textOf(entry.file));
  const check = template.ok ? checkReceiptTemplate(template.value) : err([template.error]);
  const problems = check.ok ? [] : check.error.map((problem) => `${entry.file}: ${problem}`);
  const samples: BundleReceiptTemplate['samples'] = [];
  for (const file of entry.samples) {
    const json = parseJson(textOf(file));
    const facts = json.ok ? checkReceiptFacts(json.value) : err([json.error]);
    if (facts.ok) samples.push({ file, facts: facts.value });
    else problems.push(...facts.error.map((problem) => `${file}: ${problem}`));
  }
  if (!check.ok || problems.length > 0) return err(problems);
  return ok({ role, file: entry.file, template: check.value, samples });
}

/**
 * Every listed file's bytes, or a problem for each one that is missing, not a regular file, leads out of the
 * bundle (never read, not even to hash it), or differs from its length and hash in the manifest.
 */
async function readBundleFiles(dir: string, manifest: BundleManifest): Promise<Result<Map<string, Buffer>, string[]>> {
  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  const root = await realpath(dir);
  for (const [path, expected] of Object.entries(manifest.files)) {
    let bytes: Buffer;
    try {
      const real = await realpath(join(dir, path));
      if (!real.startsWith(root + sep)) {
        problems.push(`${path}: leads outside the bundle`);
        continue;
      }
      if (!(await lstat(real)).isFile()) {
        problems.push(`${path}: not a regular file`);
        continue;
      }
      bytes = await readFile(real);
    } catch {
      problems.push(`${path}: missing`);
      continue;
    }
    const problem = fileProblem(path, bytes, expected);
    if (problem) problems.push(problem);
    else files.set(path, bytes);
  }
  return problems.length === 0 ? ok(files) : err(problems);
}

/** Each string of a sample with a character no face of the template (nor its fallback) can draw, by key. */
function glyphProblems(template: A4Template, sample: unknown): string[] {
  // A bundle's own fonts are checked block by block (bundle-font-coverage.ts).
  const faces = [...new Set(Object.values(template.styles).map((style) => style.face))].filter(isBundledFace);
  const problems: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const missing = new Set(faces.flatMap((face) => charactersWithoutGlyph(face, value)));
      if (missing.size > 0) problems.push(`${path || '(sample)'}: no glyph for ${[...missing].join(' ')} in ${faces.join(', ')}`);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(sample, '');
  return problems;
}

function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return err(`not JSON: ${(error as Error).message}`);
  }
}
