// The templates a print job uses: the installed bundle's template for each certificate type and its packet cover,
// with the template the kiosk ships with for a type the bundle does not cover (and for every type before any
// bundle is installed, when no cover is printed: the shipped templates print certificates only).

import type { TemplateRole } from '../../print-templates/bundle-manifest';
import { bundleA4Template, type TemplateBundle } from '../../print-templates/template-bundle';
import type { A4Template } from '../../print-templates/template-schema';
import type { Font } from 'fontkit';

export interface JobTemplates {
  /** The template a certificate of this type prints with. */
  certificate(certType: string): A4Template;
  /** The 一件事 packet's cover, or null where the templates have none: then no cover is printed. */
  packet: A4Template | null;
  /** The PNG images the templates name, by path inside their bundle. */
  images?: ReadonlyMap<string, Uint8Array>;
  /** The bundle's own fonts its templates name, parsed, by face name. */
  fonts?: ReadonlyMap<string, Font>;
}

/** Every certificate with one template, and no cover. */
export function oneTemplate(template: A4Template): JobTemplates {
  return { certificate: () => template, packet: null };
}

export function jobTemplates(bundle: TemplateBundle | null, shipped: A4Template): JobTemplates {
  if (!bundle) return oneTemplate(shipped);
  return {
    certificate: (certType) => bundleA4Template(bundle, `certificate:${certType}` as TemplateRole) ?? shipped,
    packet: bundleA4Template(bundle, 'packet') ?? null,
    images: bundle.images,
    fonts: bundle.fonts,
  };
}
