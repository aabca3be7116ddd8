/**
 * The code made from checked settings (`check` in settings.ts): only the attributes that
 * differ from the element's defaults, and never a refused value. The tag, its CSS, the
 * pre-rendered snippet (filled by src/prerender.ts, as `scripts/build-embed.mjs` fills
 * `dist/embed.html`) and the WordPress shortcode and block settings, which loop over the
 * element's attribute table. What each platform's steps say is in platforms.ts.
 */
import {article} from '../src/content/article.js';
import {blogPostingScript} from '../src/content/structured-data.js';
import {ATTRIBUTE_WORDS, DEFAULTS, type Words} from '../src/attributes.js';
import {escapeAttribute, prerenderedSnippet, type PrerenderParts} from '../src/prerender.js';
import {TABLE_KEYS, reachOf, row, type Checked} from './settings.js';

export const TAG = 'therapist-attachment-article';
export const FILE = `${TAG}.js`;
export const HYDRATE_FILE = `${TAG}.hydrate.js`;
/** The contact form's code, loaded from beside the drop-in only where the form is shown. */
export const FORM_FILE = `${TAG}.form.js`;
/** The plugin's own contact route (the form's default there). */
export const WORDPRESS_ROUTE = '/wp-json/therapist-attachment-article/v1/contact';

/** What the build knows and the page cannot compute: see scripts/configurator-data.mjs. */
export interface ConfiguratorData {
  readonly parts: PrerenderParts;
  /** The article's BlogPosting JSON-LD as a `<script>` element. */
  readonly structuredData: string;
  /** `'sha256-…'` of the pre-rendered snippet's own `<style>`, for `style-src`. */
  readonly snippetStyleHashes: readonly string[];
  /** Subresource Integrity of the drop-in, as in `dist/therapist-attachment-article.js.sri`. */
  readonly sri: string;
  readonly version: string;
}

export const cdnUrl = (data: ConfiguratorData) =>
  `https://cdn.jsdelivr.net/npm/${TAG}@${data.version}/dist/${FILE}`;

/**
 * What stands inside the tag: the title (a link to the full post, for a teaser that has one)
 * and the way to reach out, as the element's own link would be. Shown until the script has
 * loaded, or if it never does; the element renders no light DOM but its `cta` slot, so once
 * defined it shows the article instead.
 */
export function fallbackContent(attributes: Readonly<Record<string, string>>): string {
  const target = attributes['cta-target'];
  const opens =
    target && target !== DEFAULTS.ctaTarget
      ? ` target="${target}"${target === '_blank' ? ' rel="noopener"' : ''}`
      : '';
  const text = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const link = (href: string, words: string) =>
    `<a href="${escapeAttribute(href)}"${opens}>${text(words)}</a>`;
  const more = attributes['read-more-href'];
  const title = more ? link(more, article.title) : text(article.title);
  const reach = link(
    attributes['cta-href'] ?? DEFAULTS.ctaHref,
    attributes['cta-label'] ?? DEFAULTS.ctaLabel,
  );
  return `<p>${title} ${reach}</p>`;
}

/** The tag with its attributes (one line when short, else one a line) and its fallback. */
export function tagCode(attributes: Readonly<Record<string, string>>): string {
  const list = Object.entries(attributes).map(([name, value]) =>
    value === '' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const open =
    list.length <= 1
      ? `<${TAG}${list.map((a) => ` ${a}`).join('')}>`
      : `<${TAG}\n${list.map((a) => `  ${a}\n`).join('')}>`;
  return `${open}\n  ${fallbackContent(attributes)}\n</${TAG}>`;
}

/** The custom properties as a CSS rule for the host page, or `''` when there are none. */
export function cssRule(properties: Readonly<Record<string, string>>): string {
  const entries = Object.entries(properties);
  if (!entries.length) return '';
  return `${TAG} {\n${entries.map(([p, v]) => `  ${p}: ${v};\n`).join('')}}`;
}

/** The rule in a `<style>` element (never a `style=""` attribute: strict CSPs block those). */
export const styleBlock = (properties: Readonly<Record<string, string>>): string => {
  const rule = cssRule(properties);
  return rule ? `<style>\n${rule}\n</style>\n` : '';
};

/** The CSP hash of a `<style>` element's text, as `'sha256-…'`. */
export async function styleHash(css: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined; // only in secure contexts (https, localhost)
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

/** A teaser's paragraphs, and the full post's URL if it is elsewhere, from the attributes. */
export function teaserOf(
  a: Readonly<Record<string, string>>,
): {readonly paragraphs: number; readonly readMoreHref?: string} | undefined {
  if (a['layout'] !== 'teaser') return undefined;
  return {
    paragraphs: Number(a['teaser-paragraphs'] ?? DEFAULTS.teaserParagraphs),
    ...(a['read-more-href'] ? {readMoreHref: a['read-more-href']} : {}),
  };
}

/**
 * The snippet's JSON-LD: the whole article, or for a teaser linking to the full post elsewhere
 * only the excerpt, naming the full post as the page to credit.
 */
export function structuredData(checked: Checked, data: ConfiguratorData): string {
  const teaser = teaserOf(checked.attributes);
  return teaser?.readMoreHref
    ? blogPostingScript(article, {paragraphs: teaser.paragraphs, url: teaser.readMoreHref})
    : data.structuredData;
}

/** The pre-rendered snippet for these settings, byte for byte what build-embed writes. */
export const snippet = (checked: Checked, data: ConfiguratorData): string =>
  prerenderedSnippet(data.parts, checked.attributes, {
    structuredData: structuredData(checked, data),
    scriptSrc: HYDRATE_FILE,
  });

export interface CodeBox {
  readonly id: string;
  readonly label: string;
  readonly code: string;
}

export interface Platform {
  readonly id: string;
  readonly title: string;
  /** Its tab's name. */
  readonly tab: string;
  /** Plans or limits, said up front. */
  readonly plans?: string;
  readonly steps: readonly string[];
  readonly boxes: readonly CodeBox[];
  readonly notes?: readonly string[];
}

export const cdnScript = (data: ConfiguratorData, defer = true) =>
  `<script\n  src="${cdnUrl(data)}"\n  integrity="${data.sri}"\n  crossorigin="anonymous"${defer ? '\n  defer' : ''}\n></script>`;

/**
 * For Wix's Velo file route: the CSS rule added to the page by the file itself, since the
 * classic editor has no custom CSS. A `<style>` element, never a `style=""` attribute.
 */
export const veloStyle = (rule: string): string =>
  [
    '// Your colours, font, width and corners, from the configurator.',
    '{',
    "  const style = document.createElement('style');",
    `  style.textContent = ${JSON.stringify(rule)};`,
    '  document.head.append(style);',
    '}',
  ].join('\n');

/** Said beside code that loads the file from the CDN. */
export const cdnNote = (data: ConfiguratorData) =>
  `The code loads version ${data.version} from the jsDelivr CDN, where each release’s files appear when it is published; the integrity hash makes the browser refuse a changed file.`;

/** Shortcode values: no `"`, `[` or `]`, which would end the value or the shortcode. */
export const shortcodeValue = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\[/g, '&#91;')
    .replace(/]/g, '&#93;');

/** The plugin's switch for the form, and its rule: an explicit `cta_href` gives the button. */
export function shortcode(checked: Checked): string {
  const a = checked.attributes;
  const isForm = 'form-action' in a;
  const list = isForm ? ['form="on"'] : [];
  for (const key of TABLE_KEYS) {
    const r = row(key);
    let value = a[r.attribute];
    if (key === 'ctaHref' && !isForm) value ??= DEFAULTS.ctaHref;
    if (key === 'formAction' && value === WORDPRESS_ROUTE) continue; // the plugin's default
    if (value === undefined || r.wordpress === false) continue;
    list.push(`${r.attribute.replace(/-/g, '_')}="${shortcodeValue(value === '' ? 'on' : value)}"`);
  }
  return `[therapist_attachment_article ${list.join(' ')}]`;
}

/** A value as the block editor shows it: the value, and its name where the list names it. */
function shown(key: keyof typeof ATTRIBUTE_WORDS, value: string): string {
  const words: Words = ATTRIBUTE_WORDS[key];
  const choices = words.choices;
  const name = choices?.[value];
  return name && name !== value ? `${value || '(none)'}, “${name}”` : value;
}

/** The block's settings in its sidebar: every attribute the plugin offers here, by its key. */
export function blockSettings(checked: Checked): string {
  const a = checked.attributes;
  const isForm = 'form-action' in a;
  const lines = [`How visitors reach out → Show a contact form: ${isForm ? 'on' : 'off'}`];
  for (const key of TABLE_KEYS) {
    const r = row(key);
    const reach = reachOf(key);
    const applies = reach ? reach === (isForm ? 'form' : 'link') : checked.applies.has(key);
    if (r.wordpress === false || !applies) continue;
    const given = a[r.attribute];
    let value: string;
    if (key === 'formAction' && (given === undefined || given === WORDPRESS_ROUTE)) {
      value = 'leave empty (the plugin emails you)';
    } else if (given !== undefined) {
      value = shown(key, given);
    } else if (r.default === '' || r.default === undefined) {
      const none = (ATTRIBUTE_WORDS[key] as Words).choices?.[''];
      value = none ? `“${none}”` : `leave empty (${r.shown ?? 'the default'})`;
    } else {
      value = shown(key, String(r.default));
    }
    lines.push(`${ATTRIBUTE_WORDS[key].label} (${key}): ${value}`);
  }
  return lines.join('\n');
}
