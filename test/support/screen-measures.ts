// What ux.md asks of a screen, measured in the browser's DOM: each text's size, line height and contrast against
// what is drawn behind it, and each touch target's size. The development panel is not the citizen's and is left out.

import type { Page } from 'playwright-core';

export interface MeasuredText {
  /** The first characters, to find it again. */
  text: string;
  where: string;
  fontPx: number;
  lineHeightRatio: number;
  contrast: number;
  heading: boolean;
}

export interface MeasuredTarget {
  where: string;
  width: number;
  height: number;
}

export interface ScreenMeasures {
  texts: MeasuredText[];
  targets: MeasuredTarget[];
}

// A string, not a function: the tests compile without the DOM's types.
const MEASURE = `(() => {
  const parse = (css) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The colour behind an element: its own and its ancestors' backgrounds, composited down to the page's.
  const backgroundOf = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const action = e.getAttribute('data-action');
      parts.unshift(e.tagName.toLowerCase() + (action ? '[data-action=' + action + ']' : '') + (e.classList[0] ? '.' + e.classList[0] : ''));
    }
    return parts.join(' > ');
  };
  const shown = (el) => {
    if (el.closest('[data-dev], [aria-hidden="true"]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || Number(style.opacity) === 0) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const texts = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim() || !shown(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    const fontPx = parseFloat(style.fontSize);
    const lineHeight = style.lineHeight === 'normal' ? fontPx * 1.2 : parseFloat(style.lineHeight);
    const bg = backgroundOf(el);
    const fg = over(parse(style.color), bg);
    texts.push({
      text: node.textContent.trim().slice(0, 24),
      where: where(el),
      fontPx,
      lineHeightRatio: lineHeight / fontPx,
      contrast: Math.round(ratio(fg, bg) * 100) / 100,
      heading: !!el.closest('h1') && !el.closest('.bi-sub'),
    });
  }
  const targets = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')]
    .filter(shown)
    .map((el) => { const box = el.getBoundingClientRect(); return { where: where(el), width: box.width, height: box.height }; });
  return { texts, targets };
})()`;

export function measureScreen(page: Page): Promise<ScreenMeasures> {
  return page.evaluate(MEASURE) as Promise<ScreenMeasures>;
}
