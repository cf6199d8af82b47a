// What a screen looks like to someone standing at it, measured in the page against ux.md: the contrast of
// every visible text against what is really behind it, the size of every text, the size of every target,
// whether the prefs bar keeps to one row, and whether a label breaks inside a word. `measureScreen` runs
// in the browser (page.evaluate): it is self-contained.

export interface TextMeasure {
  /** The element's place among the screen's texts, stable across display modes of the same screen. */
  key: string;
  text: string;
  fontPx: number;
  contrast: number;
}

export interface LabelBreak {
  text: string;
  /** The label as drawn, a slash at each line break. */
  drawn: string;
}

export interface ScreenMeasure {
  texts: TextMeasure[];
  targets: Array<{ action: string; width: number; height: number }>;
  /** The prefs bar's buttons sit on how many rows; and whether it fits the viewport's width. */
  prefsRows: number;
  prefsFits: boolean;
  labelBreaks: LabelBreak[];
  /** Texts whose background is drawn by an image (a gradient): not measured, listed for review. */
  unmeasured: string[];
}

// The page's globals, as far as this file uses them: the tests are a Node project without the DOM's types
// (tsconfig.json), so the browser side names what it needs here.
interface PageNode {
  nodeType: number;
  textContent: string | null;
}
interface PageElement extends PageNode {
  tagName: string;
  className: string;
  parentElement: PageElement | null;
  childNodes: Iterable<PageNode>;
  dataset: Record<string, string | undefined>;
  scrollWidth: number;
  clientWidth: number;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
}
interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageStyle {
  color: string;
  backgroundColor: string;
  backgroundImage: string;
  opacity: string;
  fontSize: string;
  visibility: string;
  display: string;
}
interface PageGlobals {
  document: {
    fonts: { ready: Promise<unknown> };
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
    createRange(): {
      setStart(node: PageNode, offset: number): void;
      setEnd(node: PageNode, offset: number): void;
      getClientRects(): ArrayLike<Box>;
    };
  };
  getComputedStyle(element: PageElement): PageStyle;
  innerWidth: number;
  innerHeight: number;
}

/** In the page: the root is drawn in this mode (its class) and language. */
export function modeDrawn([rootClass, lang]: readonly [string, string]): boolean {
  const root = (globalThis as unknown as PageGlobals).document.querySelector('.kiosk');
  return root?.className === rootClass && root.getAttribute('lang') === lang;
}

/** In the page: resolves once the fonts the screen uses are loaded. */
export async function fontsLoaded(): Promise<boolean> {
  await (globalThis as unknown as PageGlobals).document.fonts.ready;
  return true;
}

export function measureScreen(): ScreenMeasure {
  const { document, getComputedStyle, innerWidth, innerHeight } = globalThis as unknown as PageGlobals;
  const TEXT_NODE = 3;
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const excluded = (el: PageElement) => el.closest('.dev-panel, .dev-toggle') !== null;

  /** The colour behind an element: its own and its ancestors' backgrounds, composited; null over an image. */
  const backdrop = (el: PageElement | null): Rgba | null => {
    if (!el) return [255, 255, 255, 1];
    const style = getComputedStyle(el);
    if (style.backgroundImage !== 'none') return null;
    const own = parse(style.backgroundColor);
    const opacity = Number(style.opacity);
    const colour: Rgba = [own[0], own[1], own[2], own[3] * opacity];
    if (colour[3] >= 1) return colour;
    const below = backdrop(el.parentElement);
    return below && over(colour, below);
  };
  const opacityOf = (el: PageElement | null): number => {
    let opacity = 1;
    for (let e: PageElement | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return opacity;
  };
  const visible = (el: PageElement): boolean => {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
  };

  const texts: TextMeasure[] = [];
  const unmeasured: string[] = [];
  const all = [...document.querySelectorAll('body *')];
  all.forEach((el, index) => {
    if (excluded(el) || !visible(el)) return;
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own) return;
    const style = getComputedStyle(el);
    const behind = backdrop(el);
    if (!behind) {
      unmeasured.push(own);
      return;
    }
    const colour = parse(style.color);
    const drawn = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(el)], behind);
    texts.push({
      key: `${index}:${el.tagName}.${el.className}`,
      text: own.slice(0, 40),
      fontPx: parseFloat(style.fontSize),
      contrast: ratio(drawn, behind),
    });
  });

  const targets = [...document.querySelectorAll('button, [role="button"]')]
    .filter((el) => !excluded(el) && visible(el))
    .map((el) => {
      const rect = el.getBoundingClientRect();
      return { action: el.dataset.action ?? el.textContent?.trim().slice(0, 20) ?? '', width: rect.width, height: rect.height };
    });

  const prefs = [...document.querySelectorAll('.prefs > button')].filter(visible);
  const tops = new Set(prefs.map((b) => Math.round(b.getBoundingClientRect().top / 8)));
  const bar = document.querySelector('.prefs');
  const prefsFits = !bar || (bar.getBoundingClientRect().right <= innerWidth + 0.5 && bar.scrollWidth <= bar.clientWidth + 1);

  // Labels: a break is allowed only between words (Intl.Segmenter's word boundaries, in the label's language).
  const labelSelector = [
    '.step .bi-main',
    '.step .bi-sub',
    '.pref-label',
    '.pref-state',
    '.btn .bi-main',
    '.tile-name .bi-main',
    '.face-button .bi-main',
    '.tag .bi-main',
    '.fault-badge .bi-main',
    '.maint-tab .bi-main',
  ].join(', ');
  const labelBreaks: LabelBreak[] = [];
  for (const label of document.querySelectorAll(labelSelector)) {
    if (excluded(label) || !visible(label)) continue;
    const node = [...label.childNodes].find((n) => n.nodeType === TEXT_NODE);
    const text = node?.textContent ?? '';
    if (!node || text.length < 2) continue;
    const lang = label.closest('[lang]')?.getAttribute('lang') ?? 'zh-CN';
    const boundaries = new Set<number>([0, text.length]);
    for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
      boundaries.add(segment.index);
      boundaries.add(segment.index + segment.segment.length);
    }
    const range = document.createRange();
    let previousTop: number | null = null;
    let drawn = '';
    let broken = false;
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (previousTop !== null && rect.top > previousTop + rect.height / 2) {
        drawn += '/';
        if (!boundaries.has(i) && text[i - 1] !== ' ' && text[i] !== ' ') broken = true;
      }
      previousTop = rect.top;
      drawn += text[i];
    }
    if (broken) labelBreaks.push({ text, drawn });
  }
  return { texts, targets, prefsRows: tops.size, prefsFits, labelBreaks, unmeasured };
}
