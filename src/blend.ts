import type {ReactiveController, ReactiveElement} from 'lit';

/**
 * Blending in with nothing set: before the element first renders (and whenever its look or
 * heading level changes), it measures what the page gives its own heading of the element's
 * level, its paragraphs, links and primary button, and hands those values to its styles as
 * private custom properties (`--_h-*` for the title, `--_p-*` for the text, `--_b-*` for
 * link and button), which the styles read only as fallbacks: the public
 * `--therapist-article-*` properties and a `theme` always win.
 *
 * How it measures: probe elements (`<hN>`, `<p>` with a link, a link with Bootstrap's
 * `.btn.btn-primary` and WordPress's `.wp-element-button`, a bare `<button>`) are put into the
 * element's light DOM, where the page's selectors reach them and they inherit what the element
 * does, read with getComputedStyle and removed in the same task, so nothing is ever painted or
 * moved. No request, no `style` attribute: the values go into a constructed stylesheet adopted
 * by the shadow root (strict CSP allows it).
 *
 * The primary button is the first of those two whose background the page set (for the bare
 * `<button>`: unlike a browser's own, measured on one in a shadow root of the probe's own,
 * which the page's styles cannot reach); without one, the accent is the page's link colour. The button's text is the page's where it
 * reaches 4.5:1 on that background, else white where white does, otherwise black (which then
 * reaches more than 4.67:1, so the accent itself never has to change).
 * The text's line height is the page's, but never below 1.5 (a page's `normal` keeps 1.65).
 *
 * An article that was on the page before its script (the pre-rendered snippet, the WordPress
 * plugin) takes only the colours: its fonts, sizes and spacing stay as painted, so hydrating
 * moves nothing (on WordPress the plugin has given the theme's values for them already).
 *
 * `--therapist-article-blend: off` on the element or an ancestor turns it off, the plugin's
 * server-side values included.
 */

/** WCAG 2 relative luminance, plus 0.05, of a computed `rgb()`/`rgba()` colour. */
export const luminance = (color: string): number =>
  [0.2126, 0.7152, 0.0722].reduce(
    (sum, weight, i) =>
      sum +
      weight *
        ((i = +color.match(/[\d.]+/g)![i]! / 255) <= 0.04045
          ? i / 12.92
          : ((i + 0.055) / 1.055) ** 2.4),
    0.05,
  );

/**
 * Adds the controller to `host`: `look()` gives the element's theme and heading level as
 * rendered. Measures in `hostUpdate`, right before the element renders.
 */
export function blend(
  host: ReactiveElement,
  look: () => [string | undefined, number],
): ReactiveController {
  let sheet: CSSStyleSheet | undefined;
  /** The heading level last measured for; 0 under a theme (any level measures again). */
  let seen = 0;
  /**
   * Whether the article was on the page before its script (pre-rendered, or the WordPress
   * plugin's): then it keeps the layout it was painted with (its fonts, sizes and spacing, or
   * the plugin's values for them) and takes only colours, which move nothing.
   */
  let painted: boolean | undefined;
  const controller = {hostUpdate};
  host.addController(controller);
  return controller;

  function hostUpdate(): void {
    const [theme, level] = look();
    const root = host.renderRoot as ShadowRoot;
    painted ??= root.hasChildNodes();
    if (seen === (seen = theme ? 0 : level) || theme) return;
    if (!sheet)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, (sheet = new CSSStyleSheet())];
    sheet.replaceSync('.theme-none{}');
    const style = (sheet.cssRules[0] as CSSStyleRule).style;
    const inherited = getComputedStyle(host);
    const off = inherited.getPropertyValue('--therapist-article-blend').trim() === 'off';
    const set = (name: string, value?: string | number | false) =>
      (off || value) && style.setProperty('--_' + name, off ? 'initial' : value + '');

    // Only slotted children have styles (Chromium gives none to unassigned ones): a slot of
    // their own, for this task only, straight in the shadow root, so they inherit from the
    // host; and, in a shadow root of its own, a button only the browser styles.
    const make = (tag: string, parent: Node, className = '') => {
      const element = document.createElement(tag);
      element.className = className;
      return parent.appendChild(element);
    };
    const slot = document.createElement('slot');
    const box = document.createElement('div');
    slot.name = box.slot = '_probe';
    root.append(slot);
    host.append(box);
    const link = make('a', make('p', box)) as HTMLAnchorElement;
    link.href = '#';
    const [plain, heading, text, linked, ...buttons] = [
      make('button', make('div', box).attachShadow({mode: 'open'})),
      make('h' + level, box),
      link.parentNode as Element,
      link,
      make('a', box, 'btn btn-primary wp-element-button'),
      make('button', box),
    ].map((element) => getComputedStyle(element));

    // What the host itself has stays inherited (so a page that restyles later, a dark mode
    // switched on, still reaches it); only what the page gives its headings and paragraphs of
    // their own is taken.
    const take = (prefix: string, from: CSSStyleDeclaration, keys: string) => {
      for (const key of keys.split(' ') as 'color'[]) {
        if (off || (from[key] !== inherited[key] && !(painted && key !== 'color'))) {
          set(prefix + key, from[key]);
        }
      }
    };
    take('h-', heading!, 'fontFamily fontWeight color letterSpacing textTransform');
    take('p-', text!, 'fontFamily fontSize color');
    set(
      'p-lineHeight',
      !painted && (Math.max(parseFloat(text!.lineHeight) / parseFloat(text!.fontSize), 1.5) || 0),
    );
    // A browser's own link colour (#0000ee, the same in all three) is not the page's.
    const linkColor = linked!.color !== 'rgb(0, 0, 238)' && linked!.color;
    set('b-link', linkColor);

    const button = buttons.find(
      ({backgroundColor: color}) =>
        color !== plain!.backgroundColor && color !== 'rgba(0, 0, 0, 0)',
    );
    const accent = button?.backgroundColor || linkColor;
    if (!inherited.getPropertyValue('--therapist-article-accent')) {
      const [back, fore] = accent ? [luminance(accent), luminance(button?.color ?? accent)] : [];
      set('b-accent', accent);
      // The page's own text where it reaches 4.5:1; else white where white does, that is at a
      // luminance (+0.05) up to 1.05 / 4.5; else black.
      set(
        'b-accentText',
        accent &&
          (Math.max(back!, fore!) / Math.min(back!, fore!) >= 4.5
            ? button!.color
            : back! > 1.05 / 4.5
              ? '#000'
              : '#fff'),
      );
      set('b-radius', button?.borderTopLeftRadius);
    }
    slot.remove();
    box.remove();
  }
}
