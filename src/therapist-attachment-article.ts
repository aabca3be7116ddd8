import {LitElement, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {html, literal} from 'lit/static-html.js';
import {article, signature, type Paragraph} from './content/article.js';
import {safeUrl} from './safe-url.js';
import {styles} from './therapist-attachment-article.styles.js';

/** The ready-made looks. No `theme` attribute means: blend into the page. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** Where the call-to-action link opens. */
export const CTA_TARGETS = ['_self', '_blank', '_top'] as const;
export type CtaTarget = (typeof CTA_TARGETS)[number];

/** What an absent or invalid attribute means. A test checks these match the initial values. */
export const DEFAULTS = {
  headingLevel: 2,
  ctaHref: '#contact',
  ctaLabel: 'Reach out',
  ctaTarget: '_self',
} as const;

const HEADINGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** What the `therapist-article-cta-click` event tells a listener. */
export interface CtaClickDetail {
  /** The link's resolved, validated href (what the browser is about to open). */
  readonly href: string;
  readonly target: CtaTarget;
}

/**
 * Fired when a visitor activates the call-to-action link (click, Enter, or a tap). Bubbles
 * out of the shadow root. Call `preventDefault()` to stop the navigation and handle the
 * request yourself (open your own booking dialog, say). The element sends nothing anywhere:
 * count clicks with your own tools if you wish.
 */
export class CtaClickEvent extends Event {
  static readonly eventName = 'therapist-article-cta-click';
  constructor(readonly detail: CtaClickDetail) {
    super(CtaClickEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Emily Powell's article “Is it "Normal" to be Attached to your Therapist?” and its
 * call-to-action, as one drop-in element that takes on the look of the page it is placed in.
 *
 * Content placed inside the tag (a title and a link, say) is shown only until the script has
 * loaded, then the article replaces it.
 *
 * @summary The article “Is it "Normal" to be Attached to your Therapist?” with its
 * call-to-action, themeable through CSS parts and custom properties.
 *
 * @tag therapist-attachment-article
 *
 * @slot cta - Replaces the call-to-action link with your own markup (a booking widget, say).
 *
 * @fires {CtaClickEvent} therapist-article-cta-click - The visitor activated the call-to-action
 * link. `event.detail` is `{href, target}`. Cancelable: `preventDefault()` stops the navigation.
 *
 * @csspart article - The `<article>` that holds everything.
 * @csspart header - The header around the title.
 * @csspart title - The article's heading.
 * @csspart body - The container of the body paragraphs.
 * @csspart paragraph - Every paragraph of the article, the call-to-action's included.
 * @csspart emphasis - Words the author emphasised.
 * @csspart cta - The call-to-action section at the end.
 * @csspart cta-text - The call-to-action paragraph (“Curious about … Reach out below!”).
 * @csspart cta-button - The call-to-action link, styled as a button.
 * @csspart footer - The article's footer.
 * @csspart signature - The author's signature, “Emily Powell, LMHC, LPC”.
 *
 * @cssproperty [--therapist-article-font=inherit] - Font family of the text.
 * @cssproperty [--therapist-article-heading-font=inherit] - Font family of the title (defaults to the text font).
 * @cssproperty [--therapist-article-font-size=inherit] - Font size of the body text.
 * @cssproperty [--therapist-article-line-height=1.65] - Line height of the body text.
 * @cssproperty [--therapist-article-heading-color=inherit] - Colour of the title (defaults to the text colour).
 * @cssproperty [--therapist-article-color=inherit] - Text colour. Themes set their own.
 * @cssproperty [--therapist-article-background=transparent] - Background of the article. Themes set their own.
 * @cssproperty [--therapist-article-accent=#2b5d53] - Background of the call-to-action button.
 * @cssproperty [--therapist-article-accent-text=#ffffff] - Text colour of the call-to-action button.
 * @cssproperty [--therapist-article-link-color=inherit] - Colour of links in the text.
 * @cssproperty [--therapist-article-focus-color=var(--therapist-article-accent)] - Colour of the keyboard focus ring.
 * @cssproperty [--therapist-article-max-width=68ch] - Width of the reading column.
 * @cssproperty [--therapist-article-spacing=1.25em] - Space between paragraphs; other gaps scale from it.
 * @cssproperty [--therapist-article-padding=0] - Padding inside the article (themes set 1.5em).
 * @cssproperty [--therapist-article-radius=0.5rem] - Corner radius of the button and of themed backgrounds.
 */
export class TherapistAttachmentArticle extends LitElement {
  static override styles = styles;

  /**
   * Level of the article's heading, 1–6. Host pages usually own the `<h1>`, hence 2.
   * Other values fall back to 2 with a console warning.
   */
  @property({attribute: 'heading-level', type: Number})
  headingLevel = 2;

  /**
   * Where the call-to-action leads: an `https:`, `http:`, `mailto:` or `tel:` URL, a relative
   * path, or a fragment. Defaults to `#contact`, the host page's contact section. Unsafe or
   * malformed values (`javascript:`, `data:` …) fall back to the default with a console warning.
   */
  @property({attribute: 'cta-href'})
  ctaHref = '#contact';

  /** Text of the call-to-action button. Empty values fall back to “Reach out”. */
  @property({attribute: 'cta-label'})
  ctaLabel = 'Reach out';

  /**
   * Where the link opens: `_self` (default), `_blank` (a new tab, with
   * `rel="noopener noreferrer"`), or `_top` (out of an iframe embed, such as Wix's Embed HTML).
   * @type {'_self' | '_blank' | '_top'}
   */
  @property({attribute: 'cta-target'})
  ctaTarget: string = '_self';

  /**
   * A ready-made look: `light`, `dark`, or `auto` (follows the visitor's light/dark setting).
   * Without it the element blends into the page: its font, colour and a transparent background.
   * Unknown values blend in, with a console warning.
   * @type {'light' | 'dark' | 'auto' | undefined}
   */
  @property()
  theme?: string;

  private level: number = DEFAULTS.headingLevel;
  private href: string = DEFAULTS.ctaHref;
  private label: string = DEFAULTS.ctaLabel;
  private target: CtaTarget = DEFAULTS.ctaTarget;
  private look: Theme | undefined;
  /** The last bad value warned about, per attribute, so a value is reported once. */
  private readonly warned = new Map<string, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) {
      const value = this.headingLevel as unknown;
      const ok = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
      this.level = this.check(
        'heading-level',
        ok ? value : undefined,
        value,
        DEFAULTS.headingLevel,
      );
    }
    if (changed.has('ctaHref')) {
      const safe = this.ctaHref == null ? undefined : safeUrl(String(this.ctaHref));
      this.href = this.check('cta-href', safe ?? undefined, this.ctaHref, DEFAULTS.ctaHref);
    }
    if (changed.has('ctaLabel')) {
      const label = this.ctaLabel == null ? '' : String(this.ctaLabel).trim();
      this.label = this.check('cta-label', label || undefined, this.ctaLabel, DEFAULTS.ctaLabel);
    }
    if (changed.has('ctaTarget')) {
      const target = String(this.ctaTarget ?? '')
        .trim()
        .toLowerCase();
      this.target = this.check(
        'cta-target',
        isOneOf(CTA_TARGETS, target) ? target : undefined,
        this.ctaTarget,
        DEFAULTS.ctaTarget,
      );
    }
    if (changed.has('theme')) {
      const theme = String(this.theme ?? '')
        .trim()
        .toLowerCase();
      this.look = this.check(
        'theme',
        isOneOf(THEMES, theme) ? theme : undefined,
        this.theme,
        undefined,
      );
    }
  }

  /**
   * Returns `valid` when there is one; otherwise the fallback, with one console warning per bad
   * value. An absent or empty attribute is not an error: it simply means the default.
   */
  private check<T>(attribute: string, valid: T | undefined, raw: unknown, fallback: T): T {
    if (valid !== undefined) return valid;
    const given = raw == null ? '' : String(raw);
    if (given.trim() !== '' && this.warned.get(attribute) !== given) {
      this.warned.set(attribute, given);
      const shown = given.length > 80 ? `${given.slice(0, 80)}…` : given;
      console.warn(
        `<therapist-attachment-article>: ignored ${attribute}=${JSON.stringify(shown)}; ` +
          `using ${fallback === undefined ? 'the page’s own look' : JSON.stringify(fallback)}.`,
      );
    }
    return fallback;
  }

  private onCtaClick(event: MouseEvent): void {
    const ctaClick = new CtaClickEvent({href: this.href, target: this.target});
    if (!this.dispatchEvent(ctaClick)) event.preventDefault();
  }

  private renderParagraph(paragraph: Paragraph, part = 'paragraph') {
    return html`<p part=${part}>
      ${paragraph.map((run) =>
        typeof run === 'string' ? run : html`<em part="emphasis">${run.emphasis}</em>`,
      )}
    </p>`;
  }

  private renderTitle() {
    // The tag is one of six static literals (h1–h6), never a value from outside; the lint
    // rules below do not know lit/static-html.
    const tag = HEADINGS[this.level - 1];
    // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
    return html`<${tag} id="title" part="title" class="title">${article.title}</${tag}>`;
  }

  protected override render() {
    const newTab = this.target === '_blank';
    return html`
      <article
        part="article"
        class="article ${this.look ? `theme-${this.look}` : 'theme-none'}"
        lang=${article.lang}
        aria-labelledby="title"
      >
        <header part="header">${this.renderTitle()}</header>
        <div part="body" class="body">
          ${article.paragraphs.map((p) => this.renderParagraph(p))}
        </div>
        <section part="cta" class="cta">
          ${this.renderParagraph(article.callToAction, 'paragraph cta-text')}
          <slot name="cta">
            <a
              part="cta-button"
              class="button"
              href=${this.href}
              target=${this.target}
              rel=${newTab ? 'noopener noreferrer' : nothing}
              @click=${this.onCtaClick}
              >${this.label}${
                newTab ? html`<span class="visually-hidden"> (opens in a new tab)</span>` : nothing
              }</a
            >
          </slot>
        </section>
        <footer part="footer" class="footer">
          <p part="signature" class="signature">${signature()}</p>
        </footer>
      </article>
    `;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'therapist-article-cta-click': CtaClickEvent;
  }
}
