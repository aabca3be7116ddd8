import type {ReactiveController, ReactiveElement} from 'lit';

/**
 * Blending in with nothing set: before the element first renders (and whenever its look or
 * heading level changes), it measures what the page gives its own heading of the element's
 * level, its paragraphs, links and primary button, and hands those values to its styles as
 * private custom properties (`--_b*`), which the styles read only as fallbacks: the public
 * `--therapist-article-*` properties and a `theme` always win.
 *
 * How it measures: probe elements (`<hN>`, `<p>` with a link, `.btn.btn-primary`, WordPress's
 * `.wp-element-button`, a bare `<button>`) are put into the element's light DOM, where the
 * page's selectors reach them but no slot shows them, read with getComputedStyle and removed
 * in the same task, so nothing is ever painted or moved. No request, no `style` attribute: the
 * values go into a constructed stylesheet adopted by the shadow root (strict CSP allows it).
 *
 * The primary button is the first of those three whose background the page set (for the bare
 * `<button>`: unlike a browser's own, measured on one in a shadow root the page cannot style);
 * without one, the accent is the page's link colour. The button's text is the page's when it
 * reaches 4.5:1 on that background, otherwise black or white, whichever contrasts more (one of
 * them always reaches 4.58:1 on an opaque colour, so the accent itself never has to change).
 * The text's line height is the page's, but never below 1.5 (a page's `normal` keeps 1.65).
 *
 * `--therapist-article-blend: off` on the element or an ancestor turns it off, the plugin's
 * server-side values included.
 */

/** Every property the probe sets, in the order of `measure`'s values. */
const NAMES =
  'bt-font bt-weight bt-color bt-spacing bt-case b-font b-size b-color b-lh b-link b-accent b-accent-text b-radius'
    .split(' ')
    .map((name) => '--_' + name);

/** The channels of a computed `rgb()`/`rgba()` colour; undefined for any other syntax. */
const rgb = (color = ''): number[] | undefined =>
  /^rgba?\(/.test(color) ? color.match(/[\d.]+/g)!.map(Number) : undefined;

/** WCAG 2 relative luminance of sRGB channels, plus 0.05. */
const luminance = (color: number[]) =>
  0.05 +
  [0.2126, 0.7152, 0.0722].reduce((sum, weight, i) => {
    const v = color[i]! / 255;
    return sum + weight * (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  }, 0);

/** WCAG 2 contrast ratio of two colours' channels. */
export const contrast = (a: number[], b: number[]): number => {
  const [x, y] = [luminance(a), luminance(b)];
  return x > y ? x / y : y / x;
};

/** The page's values for `NAMES` (undefined: nothing to take), measured inside `host`. */
export function measure(host: Element, level: number): (string | undefined)[] {
  const make = (tag: string, parent: ParentNode = host, className = ''): HTMLElement => {
    const element = document.createElement(tag);
    element.className = className;
    if (parent === host) element.slot = '_probe';
    parent.append(element);
    return element;
  };
  // Only slotted children have styles (Chromium gives none to unassigned ones): a slot of
  // their own, for this task only, straight in the shadow root, so they inherit from the host.
  const slot = make('slot', host.shadowRoot!) as HTMLSlotElement;
  slot.name = '_probe';
  const unstyled = make('div').attachShadow({mode: 'open'});
  const links = [make('a', make('p')), make('a', unstyled)] as HTMLAnchorElement[];
  for (const link of links) link.href = '#';
  const [heading, text, link, ownLink, ...buttons] = [
    make('h' + level),
    links[0]!.parentElement!,
    ...links,
    make('a', host, 'btn btn-primary'),
    make('a', make('div', host, 'wp-block-button'), 'wp-block-button__link wp-element-button'),
    make('button'),
    make('button', unstyled),
  ].map((element) => getComputedStyle(element));
  const plain = buttons.pop()!.backgroundColor;
  const button = buttons.find(
    ({backgroundColor: color}) => color !== plain && rgb(color) && rgb(color)![3] !== 0,
  );
  // What the host itself has stays inherited (so a page that restyles later, a dark mode
  // switched on, still reaches it); only what the page gives its headings and paragraphs of
  // their own is taken.
  const inherited = getComputedStyle(host);
  const own = (style: CSSStyleDeclaration, keys: string) =>
    keys.split(' ').map((key) => {
      const value = style[key as 'color'];
      return value !== inherited[key as 'color'] ? value : undefined;
    });
  const values = [
    ...own(heading!, 'fontFamily fontWeight color letterSpacing textTransform'),
    ...own(text!, 'fontFamily fontSize color'),
    String(Math.max(parseFloat(text!.lineHeight) / parseFloat(text!.fontSize), 1.5) || ''),
    link!.color !== ownLink!.color ? link!.color : undefined,
  ];
  const accent = button?.backgroundColor ?? values[9];
  const background = rgb(accent);
  if (background && !inherited.getPropertyValue('--therapist-article-accent')) {
    const black = [0, 0, 0];
    const ownText = rgb(button?.color);
    values.push(
      accent,
      ownText && contrast(background, ownText) >= 4.5
        ? button!.color
        : contrast(background, black) > contrast(background, [255, 255, 255])
          ? '#000'
          : '#fff',
      button?.borderTopLeftRadius,
    );
  }
  for (const element of slot.assignedElements()) element.remove();
  slot.remove();
  return values;
}

/** The controller: `look()` gives the element's theme and heading level as rendered. */
export class Blend implements ReactiveController {
  private sheet?: CSSStyleSheet;
  /** The heading level last measured for; 0 after a theme (any level measures again). */
  private seen = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly look: () => [string | undefined, number],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const [theme, level] = this.look();
    const root = this.host.renderRoot as ShadowRoot;
    if (theme) this.seen = 0;
    if (theme || level === this.seen || !root.adoptedStyleSheets) return;
    this.seen = level;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync('.theme-none{}');
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    }
    const style = (this.sheet.cssRules[0] as CSSStyleRule).style;
    const off =
      getComputedStyle(this.host).getPropertyValue('--therapist-article-blend').trim() === 'off';
    const values = off ? [] : measure(this.host, level);
    NAMES.forEach((name, i) => {
      const value = values[i];
      if (off) style.setProperty(name, 'initial');
      else if (value) style.setProperty(name, value);
      else style.removeProperty(name);
    });
  }
}
