// The simulator's issuer stamps, drawn like a real 公章: a red ring, a five-pointed star in the middle, and the
// issuer's name along the top arc, each character upright towards the rim — outlined from the bundled Noto Sans
// SC glyphs, so the trust list carries only path data (seal-kq1.md v1.1), never text or a font.

import type { Glyph, PathCommand } from 'fontkit';
import { parsedFont } from '../../print-templates/bundled-fonts';
import type { IssuerStamp } from '../../verifier/issuer-stamp';

const side = 200;
const centre = side / 2;
const ring = { outer: 96, inner: 89 };
const star = { outer: 30, inner: 30 * 0.382 };
/** Characters at most this tall, spaced along this radius; the arc spans at most this many degrees. */
const maxGlyphSize = 26;
const spacingRadius = 68;
const maxArcDegrees = 250;
const stampRed = '#d0021b';

const round = (value: number) => Math.round(value * 10) / 10;
const point = (x: number, y: number) => `${round(x)} ${round(y)}`;

/** A ring as one path of two circles wound opposite ways, so SVG's non-zero fill leaves the middle empty. */
function ringPath(): string {
  const circle = (r: number, sweep: 0 | 1) =>
    `M${point(centre - r, centre)}A${r} ${r} 0 1 ${sweep} ${point(centre + r, centre)}A${r} ${r} 0 1 ${sweep} ${point(centre - r, centre)}Z`;
  return circle(ring.outer, 1) + circle(ring.inner, 0);
}

function starPath(): string {
  const corners = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? star.outer : star.inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return point(centre + radius * Math.cos(angle), centre + radius * Math.sin(angle));
  });
  return `M${corners.join('L')}Z`;
}

const svgLetter: Record<PathCommand['command'], string> = {
  moveTo: 'M',
  lineTo: 'L',
  quadraticCurveTo: 'Q',
  bezierCurveTo: 'C',
  closePath: 'Z',
};

/** One glyph's outline, `size` units tall, upright along the radius at `angle` (radians, 0 = top, clockwise). */
function glyphOnArc(glyph: Glyph, unitsPerEm: number, size: number, angle: number): string {
  const scale = size / unitsPerEm;
  // Tops just inside the ring. A CJK em box runs from 0.12 em below the baseline to 0.88 em above it.
  const baselineRadius = ring.inner - 5 - 0.88 * size;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const place = (gx: number, gy: number) => {
    // Font units (y up) → upright at the top of the stamp (y down) → turned about the centre.
    const x = (gx - glyph.advanceWidth / 2) * scale;
    const y = -gy * scale - baselineRadius;
    return point(centre + x * cos - y * sin, centre + x * sin + y * cos);
  };
  return glyph.path.commands
    .map(({ command, args }) => {
      const points: string[] = [];
      for (let i = 0; i + 1 < args.length; i += 2) points.push(place(args[i]!, args[i + 1]!));
      return svgLetter[command] + points.join(' ');
    })
    .join('');
}

/** The stamp of an issuer named `name` (Chinese, up to about 20 characters). */
export function generateIssuerStamp(name: string, color = stampRed): IssuerStamp {
  const font = parsedFont('noto-sans-sc-bold');
  const glyphs = font.glyphsForString(name);
  // Long names get smaller characters rather than a longer arc.
  const step = Math.min((maxArcDegrees / Math.max(glyphs.length, 1)) * (Math.PI / 180), (maxGlyphSize * 1.12) / spacingRadius);
  const size = Math.min(maxGlyphSize, (step * spacingRadius) / 1.08);
  const first = -((glyphs.length - 1) * step) / 2;
  const lettering = glyphs.map((glyph, i) => glyphOnArc(glyph, font.unitsPerEm, size, first + i * step)).join('');
  return { paths: [ringPath(), starPath(), lettering], viewBox: [side, side], color };
}
