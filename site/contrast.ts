/**
 * Contrast: the owner's colours checked against the colours they meet, the look's own (read
 * from the element's styles, so they cannot drift) or, blending in, the preview's page.
 */
import {styles} from '../src/therapist-attachment-article.styles.js';
import {contrast, textOn} from './luminance.js';

/** The colours of a look that matter for reading it. */
export interface Palette {
  readonly color: string;
  readonly heading: string;
  readonly background: string;
  readonly accent: string;
  readonly accentText: string;
  /** `''`: the text's colour (blending in, links take the page's). */
  readonly link: string;
}

/** `--_theme-*` values of the first rule whose selector matches `selector`. */
function themeColours(css: string, selector: RegExp): Record<string, string> {
  const block = new RegExp(`${selector.source}[^{]*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/--_theme-([a-z-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [
      m[1]!,
      m[2]!.toLowerCase(),
    ]),
  );
}

function palette(c: Record<string, string>): Palette | undefined {
  const {color, background, accent, link} = c;
  if (!color || !background || !accent) return undefined;
  return {
    color,
    heading: c['heading-color'] ?? color,
    background,
    accent,
    accentText: c['accent-text'] ?? '#ffffff',
    link: link ?? c['link-color'] ?? color,
  };
}

const css = styles.cssText;
/** The light and dark looks' colours, from src/therapist-attachment-article.styles.ts. */
export const LOOKS = {
  light: palette(themeColours(css, /\.theme-light\b/)),
  dark: palette(themeColours(css, /\.theme-dark\b/)),
};

/** The preview's pages (site/configurator.styles.ts): what a blending article sits on. */
export const PAGE_COLOURS = {
  light: {background: '#ffffff', color: '#222222'},
  dark: {background: '#16191a', color: '#ececec'},
} as const;

/** The element's own button colour when no look gives one. */
const DEFAULT_ACCENT = /--_accent:[^;]*(#[0-9a-f]{6})\b/i.exec(css)?.[1] ?? '#2b5d53';

/** The colours the owner chose (`''`: the look's own). */
interface Chosen {
  readonly accent: string;
  readonly color: string;
  readonly background: string;
}

/** The palettes a look shows: `auto` either of the two, blending the preview page's. */
function palettes(theme: string, page: keyof typeof PAGE_COLOURS): [string, Palette][] {
  const {light, dark} = LOOKS;
  if (theme === 'light' && light) return [['the light look', light]];
  if (theme === 'dark' && dark) return [['the dark look', dark]];
  if (theme === 'auto' && light && dark) {
    return [
      ['the light look', light],
      ['the dark look (on dark devices)', dark],
    ];
  }
  const p = PAGE_COLOURS[page];
  return [
    [
      `the preview’s ${page} page (blending in, the article takes your page’s)`,
      {...p, heading: p.color, link: '', accent: DEFAULT_ACCENT, accentText: '#ffffff'},
    ],
  ];
}

const ratio = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}:1`;

/**
 * Warnings, in words, for every pair that would be hard to read once any colour is chosen:
 * text, headings and links on the background (4.5:1), the button's text on the button (4.5:1)
 * and the button, which also draws the keyboard's focus ring, on the background (3:1).
 */
export function contrastWarnings(
  properties: Readonly<Record<string, string>>,
  theme: string,
  page: keyof typeof PAGE_COLOURS,
): string[] {
  const chosen: Chosen = {
    accent: properties['--therapist-article-accent'] ?? '',
    color: properties['--therapist-article-color'] ?? '',
    background: properties['--therapist-article-background'] ?? '',
  };
  if (!chosen.accent && !chosen.color && !chosen.background) return [];
  const warnings: string[] = [];
  for (const [where, look] of palettes(theme, page)) {
    const background = chosen.background || look.background;
    const accent = chosen.accent || look.accent;
    const accentText = chosen.accent ? textOn(chosen.accent) : look.accentText;
    const text = chosen.color || look.color;
    const title = chosen.color || look.heading;
    const link = look.link || text;
    const pairs: (readonly [string, string, string, number])[] = [
      ['The text', text, background, 4.5],
      ...(title !== text ? [['The title', title, background, 4.5] as const] : []),
      ...(link !== text ? [['The links', link, background, 4.5] as const] : []),
      ['The button’s text', accentText, accent, 4.5],
      ['The button (and the keyboard’s focus ring, drawn in its colour)', accent, background, 3],
    ];
    for (const [what, fore, back, needed] of pairs) {
      const c = contrast(fore, back);
      if (c < needed) {
        warnings.push(
          `${what}: ${fore} on ${back} has a contrast of ${ratio(c)} on ${where}; WCAG asks for at least ${needed}:1, so some visitors could not ${needed === 3 ? 'see it' : 'read it'}.`,
        );
      }
    }
  }
  return [...new Set(warnings)];
}
