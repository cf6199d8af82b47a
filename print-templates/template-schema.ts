// The A4 template format: data an operator may change (layout, wording, fonts), checked before use.
//
// Units: every length, position and gap is in millimetres (`…Mm`), the way a designer measures paper; type
// sizes, line gaps and line thicknesses are in points (`…Pt`), the way typographers do. The page is A4
// portrait, 210 × 297 mm, with y measured from the top edge.
//
// Layout: the blocks are laid out in order in rows. A block starts a new row unless it says
// `besidePrevious`, in which case it sits next to the previous block (e.g. seal left, issuer right).
// `flow` rows stack downwards from the top margin; `bottom` rows stack upwards from the bottom margin, kept
// in the order written. A flow block is never placed higher than its `minTopMm`. Content that does not fit
// on one sheet is refused, rather than printed in part, unless the page says `overflow: "continue"`.

import { z } from 'zod';

import { type A4DocumentRules, a4DocumentKinds, a4DocumentRules } from './a4-document-kinds';
import { bundlePath } from './bundle-manifest';
import { faceNamePattern, fontFaceNames } from './font-faces';
import { placeholdersIn } from './placeholders';
import { err, ok, type Result } from '../device-drivers/result';

export const templateFormat = 'kiosk-a4-template/1';
export const a4WidthMm = 210;
export const a4HeightMm = 297;

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
const mm = (max: number) => z.number().min(0).max(max);

const textStyle = z.strictObject({
  /** A bundled face, or a font of the template's bundle by the name its manifest gives it. */
  face: z.string().regex(faceNamePattern, `${fontFaceNames.join(' or ')}, or a font named in the bundle's manifest`),
  sizePt: z.number().min(6).max(72),
  /** Extra space between lines. */
  lineGapPt: z.number().min(0).max(48).default(0),
  /** Extra space between characters, e.g. for a spaced-out title. */
  characterSpacingPt: z.number().min(0).max(24).default(0),
  color: color.default('#000000'),
});

const placement = {
  /** Space above the block, inside its row. */
  spaceBeforeMm: mm(200).default(0),
  /** A flow block is never placed higher than this, from the top edge of the page. */
  minTopMm: mm(a4HeightMm).optional(),
  /** The block's width; by default the width between the margins. */
  widthMm: z.number().positive().max(a4WidthMm).optional(),
  /** Where a block narrower than the margins sits. */
  boxAlign: z.enum(['left', 'center', 'right']).default('left'),
  besidePrevious: z.boolean().default(false),
  anchor: z.enum(['flow', 'bottom']).default('flow'),
  /** Shows the block only when a placeholder's value is filled (non-empty), or only when it is empty. */
  when: z.union([z.strictObject({ filled: z.string() }), z.strictObject({ empty: z.string() })]).optional(),
};

/** Text with placeholders such as `{certId}`; `\n` starts a new line. */
const textBlock = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1),
  style: z.string(),
  align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  /** First-line indent of each paragraph, in characters of the style's size (Chinese prose uses 2). */
  indentChars: z.number().min(0).max(8).default(0),
  ...placement,
});

/** The certificate's fields as a two-column table of label and value. */
const fieldsBlock = z.strictObject({
  type: z.literal('fields'),
  labelStyle: z.string(),
  valueStyle: z.string(),
  labelWidthMm: z.number().min(10).max(100),
  cellPaddingMm: mm(10).default(2),
  borderPt: z.number().min(0).max(4).default(0.75),
  borderColor: color.default('#000000'),
  labelFill: color.optional(),
  ...placement,
});

/**
 * The KQ1 seal as a QR code of vector squares with a 4-module quiet zone, and a caption under it.
 * `sizeMm` is the code's side without the quiet zone; a code too dense for modules of 0.5 mm at that size is
 * drawn larger instead, because a seal that scans matters more than the layout.
 */
const sealBlock = z.strictObject({
  type: z.literal('seal'),
  sizeMm: z.number().min(35).max(45),
  caption: z.string(),
  captionStyle: z.string(),
  captionGapMm: mm(20).default(0),
  ...placement,
});

/** A horizontal line across the block's width. */
const ruleBlock = z.strictObject({
  type: z.literal('rule'),
  thicknessPt: z.number().positive().max(6),
  color: color.default('#000000'),
  ...placement,
});

/**
 * Where the issuer's stamp goes: a disc of `sizeMm` laid over the block before it (a text block printing
 * `{issuerName}`), centred at that block's top edge (left end, middle or right end, as `alignX` says) moved by
 * the offsets. It takes no room in the layout. The stamp itself comes only from the trust-list entry whose key
 * verified the certificate: a template has no key that could supply one.
 */
const stampBlock = z.strictObject({
  type: z.literal('stamp'),
  sizeMm: z.number().min(30).max(50),
  alignX: z.enum(['left', 'center', 'right']).default('center'),
  offsetXMm: z.number().min(-100).max(100).default(0),
  offsetYMm: z.number().min(-100).max(100).default(0),
  /** `black`: printed black whatever the issuer's colour, for a monochrome printer. */
  ink: z.enum(['issuer', 'black']).default('issuer'),
});

/**
 * A PNG image of the template's bundle, e.g. an emblem, by its path inside the bundle: never a URL, never a
 * file elsewhere. Its height follows from its width unless given.
 */
const imageBlock = z.strictObject({
  type: z.literal('image'),
  file: bundlePath.regex(/\.png$/, 'a .png file of the bundle'),
  heightMm: z.number().positive().max(a4HeightMm).optional(),
  ...placement,
  widthMm: z.number().positive().max(a4WidthMm),
});

const block = z.discriminatedUnion('type', [textBlock, fieldsBlock, sealBlock, ruleBlock, imageBlock, stampBlock]);

const frame = z.strictObject({
  /** Distance from the paper's edge. */
  insetMm: mm(40),
  thicknessPt: z.number().positive().max(6),
  color: color.default('#000000'),
  /** A second, thinner line inside the first, this far in. */
  innerGapMm: mm(10).optional(),
  innerThicknessPt: z.number().positive().max(6).optional(),
});

export const a4TemplateSchema = z
  .strictObject({
    format: z.literal(templateFormat),
    /** What the template prints; its placeholders and blocks follow (`a4-document-kinds.ts`). */
    document: z.enum(a4DocumentKinds).default('certificate'),
    /** Names the template in diagnostics and in the PDF's metadata. */
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    version: z.string().regex(/^[0-9A-Za-z.+-]{1,32}$/),
    page: z.strictObject({
      size: z.literal('A4'),
      /** Content too long for one sheet: refuse the page (a certificate's default), or continue on further sheets. */
      overflow: z.enum(['refuse', 'continue']).default('refuse'),
      marginsMm: z.strictObject({ top: mm(100), right: mm(100), bottom: mm(100), left: mm(100) }),
      frame: frame.optional(),
    }),
    /** Text styles by role (title, body, small, …), referred to by name from the blocks. */
    styles: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/), textStyle),
    blocks: z.array(block).min(1),
  })
  .superRefine((template, ctx) => {
    const styleRef = (name: string, path: (string | number)[]) => {
      if (!Object.hasOwn(template.styles, name)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown style "${name}"; defined: ${Object.keys(template.styles).join(', ')}` });
      }
    };
    const rules = a4DocumentRules[template.document];
    const known = (name: string) => rules.placeholders.includes(name);
    const unknown = (name: string) => `unknown placeholder {${name}}; known: ${rules.placeholders.join(', ')}`;
    const printedAlways = new Set<string>();
    const textRef = (text: string, path: (string | number)[], shownAlways: boolean) => {
      for (const name of placeholdersIn(text)) {
        if (!known(name)) ctx.addIssue({ code: 'custom', path, message: unknown(name) });
        else if (shownAlways) printedAlways.add(name);
      }
    };
    const counts = { fields: 0, seal: 0, stamp: 0 };
    template.blocks.forEach((b, i) => {
      const at = (key: string) => ['blocks', i, key];
      if (b.type === 'stamp') {
        counts.stamp++;
        const over = template.blocks[i - 1];
        if (over?.type !== 'text' || !placeholdersIn(over.text).includes('issuerName')) {
          ctx.addIssue({
            code: 'custom',
            path: ['blocks', i],
            message: 'a stamp goes right after the text block that prints {issuerName}',
          });
        }
        return;
      }
      const shownAlways = b.when === undefined;
      if (b.when !== undefined) {
        const name = 'filled' in b.when ? b.when.filled : b.when.empty;
        if (!known(name)) ctx.addIssue({ code: 'custom', path: at('when'), message: unknown(name) });
      }
      switch (b.type) {
        case 'text':
          styleRef(b.style, at('style'));
          textRef(b.text, at('text'), shownAlways);
          break;
        case 'fields':
          counts.fields++;
          styleRef(b.labelStyle, at('labelStyle'));
          styleRef(b.valueStyle, at('valueStyle'));
          break;
        case 'seal':
          counts.seal++;
          styleRef(b.captionStyle, at('captionStyle'));
          textRef(b.caption, at('caption'), shownAlways);
          break;
        case 'rule':
        case 'image':
          break;
        default:
          b satisfies never;
      }
      const previous = template.blocks
        .slice(0, i)
        .reverse()
        .find((candidate) => candidate.type !== 'stamp');
      if (b.besidePrevious && previous?.anchor !== b.anchor) {
        ctx.addIssue({ code: 'custom', path: at('besidePrevious'), message: 'needs a previous block with the same anchor' });
      }
    });
    for (const name of rules.required) {
      if (!printedAlways.has(name)) ctx.addIssue({ code: 'custom', path: ['blocks'], message: `no block prints {${name}}` });
    }
    for (const kind of ['fields', 'seal'] as const) {
      const problem = blockCountProblem(kind, counts[kind], rules[`${kind}Blocks`]);
      if (problem) ctx.addIssue({ code: 'custom', path: ['blocks'], message: problem });
    }
    if (counts.stamp > 1) ctx.addIssue({ code: 'custom', path: ['blocks'], message: `has ${counts.stamp} "stamp" blocks, at most one` });
    const { left, right, top, bottom } = template.page.marginsMm;
    if (left + right >= a4WidthMm - 50)
      ctx.addIssue({ code: 'custom', path: ['page', 'marginsMm'], message: 'leaves less than 50 mm between left and right' });
    if (top + bottom >= a4HeightMm - 100)
      ctx.addIssue({ code: 'custom', path: ['page', 'marginsMm'], message: 'leaves less than 100 mm between top and bottom' });
  });

function blockCountProblem(kind: string, count: number, allowed: A4DocumentRules['sealBlocks']): string | undefined {
  if (count >= allowed.min && count <= allowed.max) return undefined;
  if (allowed.max === 0) return `may not have a "${kind}" block, has ${count}`;
  if (allowed.min === allowed.max) return `needs exactly ${allowed.min === 1 ? 'one' : allowed.min} "${kind}" block, has ${count}`;
  return `may have ${allowed.min} to ${allowed.max} "${kind}" blocks, has ${count}`;
}

export type A4Template = z.output<typeof a4TemplateSchema>;
export type A4TemplateBlock = A4Template['blocks'][number];
/** The blocks the page layout places; a stamp is laid over one of them instead. */
export type A4LaidOutBlock = Exclude<A4TemplateBlock, { type: 'stamp' }>;
export type A4StampBlock = Extract<A4TemplateBlock, { type: 'stamp' }>;
export type TextStyle = z.output<typeof textStyle>;

/** A checked template, or every problem found, each naming its key path. */
export type TemplateCheck = Result<A4Template, string[]>;

/** Validates a parsed template; each problem names the key it is about, e.g. `blocks[2].style: …`. */
export function checkA4Template(input: unknown): TemplateCheck {
  const result = a4TemplateSchema.safeParse(input);
  if (result.success) return ok(result.data);
  return err(result.error.issues.map((issue) => `${keyPath(issue.path)}: ${issue.message}`));
}

/** A zod issue path as written in the JSON: `blocks[2].style`. */
export function keyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(template)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
