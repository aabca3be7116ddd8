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
 * Text is written so that WordPress's content filters leave it alone: `:` and `;` outside
 * entities become character references (`convert_smilies` would turn “:)” into an image),
 * and the element's tag is added to `no_texturize_tags` by the plugin.
 */
import type {CtaTarget, Theme} from './options.js';

export interface PrerenderParts {
  /** The declarative shadow root, with `{{theme}}`, `{{title}}` and `{{cta}}` holes. */
  readonly template: string;
  /** The title for heading levels 1 to 6 (index 0 is `h1`). */
  readonly titles: readonly string[];
  readonly cta: {
    /** The link, with `{{href}}`, `{{target}}` and `{{label}}` holes. */
    readonly link: string;
    /** The link when it opens a new tab (`rel`, and “(opens in a new tab)” for screen readers). */
    readonly linkNewTab: string;
    /** The contact form in its first state. */
    readonly form: string;
  };
}

/** Settings already checked by the element's rules (`safeUrl`, the lists in `options.ts`). */
export interface PrerenderSettings {
  readonly headingLevel: number;
  readonly theme?: Theme | undefined;
  /** The contact form, or a link. */
  readonly cta:
    'form' | {readonly href: string; readonly target: CtaTarget; readonly label: string};
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  ':': '&#58;',
  ';': '&#59;',
};

/** Escapes text for HTML, and `:` and `;` too (see above). Safe in quoted attributes. */
export const protectText = (text: string): string =>
  text.replace(/[&<>"':;]/g, (c) => ENTITIES[c]!);

/**
 * In markup, writes `:` and `;` of text nodes as character references, leaving tags,
 * comments, `<style>` and existing references as they are.
 */
export const protectMarkup = (markup: string): string =>
  markup
    .split(/(<!--[\s\S]*?-->|<style[\s\S]*?<\/style>|<[^>]*>)/)
    .map((chunk, i) =>
      i % 2 ? chunk : chunk.replace(/(&[#a-zA-Z0-9]+;)|[:;]/g, (c, ref) => ref ?? ENTITIES[c]),
    )
    .join('');

/** Fills the parts' holes: the element's declarative shadow root for these settings. */
export function fillPrerender(parts: PrerenderParts, settings: PrerenderSettings): string {
  const {cta} = settings;
  const structure =
    cta === 'form'
      ? parts.cta.form
      : cta.target === '_blank'
        ? parts.cta.linkNewTab
        : parts.cta.link;
  const values: Record<string, string> = {
    theme: `theme-${settings.theme ?? 'none'}`,
    title: parts.titles[settings.headingLevel - 1] ?? parts.titles[1]!,
    cta: structure,
  };
  // Structure first, then values, each in one pass: a value is never read for holes.
  const filled = parts.template.replace(
    /\{\{(theme|title|cta)\}\}/g,
    (_, name: string) => values[name]!,
  );
  if (cta === 'form') return filled;
  const text: Record<string, string> = {
    href: protectText(cta.href),
    target: cta.target,
    label: protectText(cta.label),
  };
  return filled.replace(/\{\{(href|target|label)\}\}/g, (_, name: string) => text[name]!);
}
