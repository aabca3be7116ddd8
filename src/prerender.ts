/**
 * The element's server-side markup for any settings, without a renderer.
 *
 * `npm run build` renders the element with @lit-labs/ssr for every heading level, look and
 * call-to-action, and factors the results into a few parts with holes (`{{name}}`):
 * `dist/prerender-parts.json`, and the same parts as PHP for the WordPress plugin. Filling
 * the holes gives, byte for byte, what the renderer wrote for those settings (the build checks
 * every combination), so the element hydrates it without a change: no layout shift.
 * The PHP twin is `therapist_attachment_article_prerender()` in the plugin.
 *
 * Text is written so that WordPress's content filters leave it alone: `:`, `;` and `8` outside
 * entities become character references (`convert_smilies` would turn “:)” into an image),
 * and the element's tag is added to `no_texturize_tags` by the plugin.
 */
import {escapeHtml} from './content/structured-data.js';
import {ATTRIBUTES, normalise, type Attribute} from './attributes.js';

export interface PrerenderParts {
  /** The declarative shadow root, with `{{theme}}`, `{{title}}` and `{{cta}}` holes. */
  readonly template: string;
  /** The title for heading levels 1 to 6 (index 0 is `h1`). */
  readonly titles: readonly string[];
  readonly cta: {
    /** The link. */
    readonly link: string;
    /** The link when it opens a new tab (`rel`, and “(opens in a new tab)” for screen readers). */
    readonly linkNewTab: string;
    /**
     * The contact form in its first state, with its privacy line and crisis line: a plain HTML
     * form (`method="post"`), with a `{{send}}` hole for its button.
     */
    readonly form: string;
    /** The form without the privacy line (`no-privacy-note`). */
    readonly formNoPrivacyNote: string;
    /** The form without the crisis line (`no-crisis-line`). */
    readonly formNoCrisisLine: string;
    /** The form without either line. */
    readonly formNoNotes: string;
    /**
     * The form's button: `plain` posts the form without JavaScript (`form-encoding="urlencoded"`);
     * for a JSON endpoint, `script` is disabled and followed by a line saying that sending needs
     * JavaScript and the call-to-action link (`scriptNewTab` when it opens a new tab).
     */
    readonly send: {readonly plain: string; readonly script: string; readonly scriptNewTab: string};
  };
  /**
   * `layout="teaser"`: what goes around the body's paragraphs (which the template already
   * holds) when the first few are shown and the rest wait: `open`, the opening paragraphs,
   * `button` (the `<details>` that holds the rest) or `link` (to the full post), the other
   * paragraphs, `close` or `linkClose`.
   */
  readonly teaser: {
    readonly open: string;
    readonly button: string;
    readonly link: string;
    /** After the rest, with the button. */
    readonly close: string;
    /** After the rest, with the link. */
    readonly linkClose: string;
  };
  /**
   * Every attribute whose value the markup carries (a link's address, the button's text …),
   * with its default. Each is a hole, `{{attribute-name}}`, anywhere in the parts above, made by
   * scripts/prerender-parts.mjs for every text, address and keyword in `src/attributes.ts`.
   */
  readonly holes: Readonly<Record<string, string>>;
}

/** An attribute's value as the element reads it: Lit's converters, then the table's rule. */
function valueOf(row: Attribute, given: string | undefined): unknown {
  if (row.type === 'boolean') return given !== undefined;
  const raw =
    given === undefined
      ? undefined
      : row.type === 'integer' || row.type === 'number'
        ? Number(given)
        : given;
  return normalise(row, raw) ?? row.default;
}

/** The element's attributes by property name, each normalised as the element would. */
const settingsOf = (attributes: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(ATTRIBUTES).map(([key, row]) => [key, valueOf(row, attributes[row.attribute])]),
  ) as Record<keyof typeof ATTRIBUTES, unknown>;

/** Where the body's paragraphs start and end in the element's markup. */
const BODY_START = '<div part="body" class="body"><!--lit-part-->';
const BODY_END = '<!--/lit-part--></div><!--lit-part--><!--/lit-part--><section';
/** Each of the body's paragraphs starts with its template's part and node markers. */
const PARAGRAPH_START = /(?=<!--lit-part [^>]*--><!--lit-node 0--><p part="paragraph">)/;

/** The body of a filled template, its paragraphs cut into the teaser's two groups. */
function teaserBody(parts: PrerenderParts, filled: string, shown: number, link: boolean) {
  const start = filled.indexOf(BODY_START);
  const end = filled.indexOf(BODY_END, start);
  const paragraphs = filled.slice(start + BODY_START.length, end).split(PARAGRAPH_START);
  return (
    filled.slice(0, start) +
    '<div part="body" class="body">' +
    parts.teaser.open +
    paragraphs.slice(0, shown).join('') +
    (link ? parts.teaser.link : parts.teaser.button) +
    paragraphs.slice(shown).join('') +
    (link ? parts.teaser.linkClose : parts.teaser.close) +
    filled.slice(end + BODY_END.length - '<section'.length)
  );
}

/** WordPress's smilies start with `:`, `;` or `8` (`:)`, `;)`, `8-)`, `8O`). */
const SMILEY_STARTS: Record<string, string> = {':': '&#58;', ';': '&#59;', '8': '&#56;'};

/** Writes `:`, `;` and `8` as character references, leaving existing references whole. */
const protect = (html: string): string =>
  html.replace(/(&[#a-zA-Z0-9]+;)|[:;8]/g, (c, ref?: string) => ref ?? SMILEY_STARTS[c]!);

/** Escapes text for HTML, and `:`, `;` and `8` too (see above). Safe in quoted attributes. */
export const protectText = (text: string): string => protect(escapeHtml(text));

/**
 * In markup, writes `:`, `;` and `8` of text nodes as character references, leaving tags,
 * comments, `<style>` and existing references as they are.
 */
export const protectMarkup = (markup: string): string =>
  markup
    .split(/(<!--[\s\S]*?-->|<style[\s\S]*?<\/style>|<[^>]*>)/)
    .map((chunk, i) => (i % 2 ? chunk : protect(chunk)))
    .join('');

/**
 * Fills the parts for the element's attributes (as on the tag: `{'cta-href': '/contact'}`, a
 * boolean attribute present with any value): the element's declarative shadow root. Each
 * value is checked by the element's own table; a value it refuses gets its default, as in the
 * element. A form's address is written as given (a path stays a path), like any other.
 */
export function fillPrerender(
  parts: PrerenderParts,
  attributes: Readonly<Record<string, string>>,
): string {
  const s = settingsOf(attributes);
  const teaser = s.layout === 'teaser';
  const newTab = s.ctaTarget === '_blank';
  let cta = newTab ? parts.cta.linkNewTab : parts.cta.link;
  if (s.formAction) {
    const {send} = parts.cta;
    const button =
      s.formEncoding === 'urlencoded' ? send.plain : newTab ? send.scriptNewTab : send.script;
    const form = s.noPrivacyNote
      ? s.noCrisisLine
        ? parts.cta.formNoNotes
        : parts.cta.formNoPrivacyNote
      : s.noCrisisLine
        ? parts.cta.formNoCrisisLine
        : parts.cta.form;
    cta = form.replace('{{send}}', () => button);
  }
  const structure: Record<string, string> = {
    theme: `theme-${(s.theme as string | undefined) ?? 'none'}${teaser ? ' closed' : ''}`,
    title: parts.titles[(s.headingLevel as number) - 1]!,
    cta,
  };
  // Structure first, then values, each in one pass: a value is never read for holes.
  let filled = parts.template.replace(
    /\{\{(theme|title|cta)\}\}/g,
    (_, name: string) => structure[name]!,
  );
  if (teaser) filled = teaserBody(parts, filled, s.teaserParagraphs as number, !!s.readMoreHref);
  const values: Record<string, string> = {};
  for (const [key, row] of Object.entries(ATTRIBUTES)) {
    if (!(row.attribute in parts.holes)) continue;
    const value = s[key as keyof typeof ATTRIBUTES] as string;
    // The form's address as given, not as resolved against this page.
    values[row.attribute] =
      row.type === 'form-url' && value ? attributes[row.attribute]!.trim() : value;
  }
  return filled.replace(/\{\{([a-z-]+)\}\}/g, (hole, name: string) =>
    name in values ? protectText(values[name]!) : hole,
  );
}

const TAG = 'therapist-attachment-article';

/** Escapes a value for a double-quoted attribute, leaving `:` readable (`https://…`). */
export const escapeAttribute = (value: string): string => value.replace(/[&<>"]/g, escapeHtml);

/** What `prerenderedSnippet` puts around the element. */
export interface SnippetExtras {
  /** The `<script type="application/ld+json">` placed inside the tag (light DOM). */
  readonly structuredData: string;
  /** Where the drop-in with hydration support is loaded from. */
  readonly scriptSrc: string;
}

/**
 * The whole pre-rendered snippet for a page: the tag with its attributes (a value of `''` is
 * written as a bare boolean attribute), the declarative shadow root filled for them,
 * the JSON-LD, and the script that makes it interactive. `scripts/build-embed.mjs` (for
 * `dist/embed.html`) and the configurator both call this, so they give the same bytes.
 *
 * If the plain drop-in defined the tag first, its class (without hydration support) finds the
 * shadow root and renders a second article after ours, as Lit reuses an existing root: the
 * added rule then shows only that live copy, in the same place, so nothing moves.
 */
export function prerenderedSnippet(
  parts: PrerenderParts,
  attributes: Readonly<Record<string, string>>,
  extras: SnippetExtras,
): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const root = fillPrerender(parts, attributes).replace(
    '</style>',
    '.article:has(~.article){display:none}</style>',
  );
  return (
    `<!-- ${TAG}: pre-rendered snippet. Readable without JavaScript; the script below only ` +
    `makes it interactive. Made for these settings: make it again for others, do not edit it. -->\n` +
    `<${TAG}${attrs}>${root}${extras.structuredData}</${TAG}>\n` +
    `<script type="module" src="${escapeAttribute(extras.scriptSrc)}"></script>\n`
  );
}

/** The `<style>` texts of the snippet, whose hashes a strict Content-Security-Policy lists. */
export const snippetStyles = (snippet: string): string[] =>
  [...snippet.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
