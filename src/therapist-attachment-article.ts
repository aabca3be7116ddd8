import {LitElement, nothing, type PropertyValues} from 'lit';
import {html, literal} from 'lit/static-html.js';
import {article, signature, type Paragraph} from './content/article.js';
import {formStrings, type FormStrings} from './content/form-strings.js';
import {
  ContactForm,
  contactForm,
  type FormFailedEvent,
  type FormSentEvent,
  type FormSubmitEvent,
} from './contact-form.js';
import {
  CTA_TARGETS,
  DEFAULTS,
  FORM_DEFAULTS,
  FORM_ENCODINGS,
  THEMES,
  type CtaTarget,
  type Theme,
} from './options.js';
import {safeUrl} from './safe-url.js';

export {CTA_TARGETS, DEFAULTS, THEMES, type CtaTarget, type Theme};
import {styles} from './therapist-attachment-article.styles.js';

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

/** Attribute JSON; a value that does not parse stays a string, and is warned about later. */
const parseJson = (value: string | null): unknown => {
  try {
    return JSON.parse(value!);
  } catch {
    return value;
  }
};

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
 * @fires {FormSubmitEvent} therapist-article-form-submit - The visitor submitted valid fields,
 * before anything is sent. `event.detail` is `{fields, submissionId}`. Cancelable:
 * `preventDefault()` sends nothing; `event.respondWith(promise)` shows the outcome of your own
 * delivery instead.
 * @fires {FormSentEvent} therapist-article-form-sent - The message was delivered.
 * `event.detail` is `{submissionId, status}`.
 * @fires {FormFailedEvent} therapist-article-form-failed - Sending failed (the fields keep their
 * text). `event.detail` is `{submissionId, reason, status}`; `reason` is `invalid`, `http`,
 * `network`, `timeout` or `offline`. Never carries what the visitor wrote.
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
 * @csspart form - The contact form (with `form-action`), in place of the link.
 * @csspart form-note - The privacy line and the crisis line above the fields.
 * @csspart form-field - Each field: its label, control and error message.
 * @csspart form-label - Each field's label.
 * @csspart form-input - Each text box.
 * @csspart form-error - Each field's error message.
 * @csspart form-status - The live message: sending, sent or failed.
 * @csspart form-button - The submit button, styled like the call-to-action button.
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
 * @cssproperty [--therapist-article-error-color=currentColor] - Colour of form error messages and invalid fields' borders. Themes set their own.
 */
export class TherapistAttachmentArticle extends LitElement {
  static override styles = styles;

  // Declared here rather than with @property decorators: the decorator helpers cost the
  // size-budgeted drop-in about 0.4 kB gzipped. The JSDoc on each field documents it.
  static override properties = {
    headingLevel: {attribute: 'heading-level', type: Number},
    ctaHref: {attribute: 'cta-href'},
    ctaLabel: {attribute: 'cta-label'},
    ctaTarget: {attribute: 'cta-target'},
    theme: {},
    formAction: {attribute: 'form-action'},
    formEncoding: {attribute: 'form-encoding'},
    formTimeout: {attribute: 'form-timeout', type: Number},
    noPrivacyNote: {attribute: 'no-privacy-note', type: Boolean},
    noCrisisLine: {attribute: 'no-crisis-line', type: Boolean},
    strings: {attribute: 'form-strings', converter: parseJson},
  };

  /**
   * Level of the article's heading, 1–6. Host pages usually own the `<h1>`, hence 2.
   * Other values fall back to 2 with a console warning.
   */
  headingLevel = 2;

  /**
   * Where the call-to-action leads: an `https:`, `http:`, `mailto:` or `tel:` URL, a relative
   * path, or a fragment. Defaults to `#contact`, the host page's contact section. Unsafe or
   * malformed values (`javascript:`, `data:` …) fall back to the default with a console warning.
   */
  ctaHref = '#contact';

  /** Text of the call-to-action button. Empty values fall back to “Reach out”. */
  ctaLabel = 'Reach out';

  /**
   * Where the link opens: `_self` (default), `_blank` (a new tab, with
   * `rel="noopener noreferrer"`), or `_top` (out of an iframe embed, such as Wix's Embed HTML).
   * @type {'_self' | '_blank' | '_top'}
   */
  ctaTarget: string = '_self';

  /**
   * A ready-made look: `light`, `dark`, or `auto` (follows the visitor's light/dark setting).
   * Without it the element blends into the page: its font, colour and a transparent background.
   * Unknown values blend in, with a console warning.
   * @type {'light' | 'dark' | 'auto' | undefined}
   */
  theme?: string;

  /**
   * Turns on the contact form, which then replaces the link: where the visitor's message is
   * POSTed. An `https:` URL, or this page's own origin (a path such as `/contact-form`). Any
   * other value keeps the link, with a console warning.
   */
  formAction?: string;

  /**
   * How the form's fields are sent: `json` (default) or `urlencoded`
   * (`application/x-www-form-urlencoded`, as Formspree, Basin and Netlify accept).
   * @type {'json' | 'urlencoded'}
   */
  formEncoding: string = 'json';

  /** How long to wait for the form's endpoint, in milliseconds, before it counts as failed. */
  formTimeout = 15000;

  /** Hides the form's privacy line (“Please don’t include health details …”). */
  noPrivacyNote = false;

  /** Hides the form's crisis line (988 and 911 in the US). */
  noCrisisLine = false;

  /**
   * Replaces any of the form's texts (labels, notes, messages) by key — see `FormStrings`.
   * As an attribute, JSON: `form-strings='{"send": "Enviar", "lang": "es"}'`. Invalid JSON
   * keeps the English texts, with a console warning.
   * @type {Partial<FormStrings>}
   */
  strings?: Partial<FormStrings> | string;

  private level: number = DEFAULTS.headingLevel;
  private href: string = DEFAULTS.ctaHref;
  private label: string = DEFAULTS.ctaLabel;
  private target: CtaTarget = DEFAULTS.ctaTarget;
  private look: Theme | undefined;
  private readonly form = new ContactForm(this);
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
    if (changed.has('formAction')) {
      const action =
        this.formAction == null ? null : safeUrl(String(this.formAction), undefined, true);
      this.form.action = this.check(
        'form-action',
        action ?? undefined,
        this.formAction,
        '',
        'the link',
      );
    }
    if (changed.has('formEncoding')) {
      const encoding = String(this.formEncoding ?? '')
        .trim()
        .toLowerCase();
      this.form.urlencoded =
        this.check(
          'form-encoding',
          isOneOf(FORM_ENCODINGS, encoding) ? encoding : undefined,
          this.formEncoding,
          FORM_DEFAULTS.encoding,
        ) !== 'json';
    }
    if (changed.has('formTimeout')) {
      const ms = this.formTimeout;
      this.form.timeout = this.check(
        'form-timeout',
        ms > 0 && ms < 2 ** 31 ? ms : undefined,
        ms,
        FORM_DEFAULTS.timeout,
      );
    }
    if (changed.has('strings')) {
      const given = this.strings;
      const ok = given && typeof given === 'object' && !Array.isArray(given) ? given : undefined;
      const strings = {...formStrings};
      for (const key of Object.keys(strings) as (keyof FormStrings)[]) {
        const value = ok?.[key];
        if (typeof value === 'string' && value.trim()) strings[key] = value;
      }
      this.form.strings = this.check(
        'form-strings',
        ok && strings,
        given,
        formStrings,
        'the defaults',
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
        'the page’s own look',
      );
    }
  }

  /**
   * Returns `valid` when there is one; otherwise the fallback, with one console warning per bad
   * value. An absent or empty attribute is not an error: it simply means the default.
   */
  private check<T>(
    attribute: string,
    valid: T | undefined,
    raw: unknown,
    fallback: T,
    shown = JSON.stringify(fallback),
  ): T {
    if (valid !== undefined) return valid;
    const given = raw == null ? '' : String(raw);
    if (given.trim() !== '' && this.warned.get(attribute) !== given) {
      this.warned.set(attribute, given);
      const value = given.length > 80 ? `${given.slice(0, 80)}…` : given;
      console.warn(
        `<therapist-attachment-article>: ignored ${attribute}=${JSON.stringify(value)}; ` +
          `using ${shown}.`,
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
          ${
            this.form.action
              ? contactForm(this.form, !this.noPrivacyNote, !this.noCrisisLine)
              : html`<slot name="cta">
                  <a
                    part="cta-button"
                    class="button"
                    href=${this.href}
                    target=${this.target}
                    rel=${newTab ? 'noopener noreferrer' : nothing}
                    @click=${this.onCtaClick}
                    >${this.label}${
                      newTab
                        ? html`<span class="visually-hidden"> (opens in a new tab)</span>`
                        : nothing
                    }</a
                  >
                </slot>`
          }
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
    'therapist-article-form-submit': FormSubmitEvent;
    'therapist-article-form-sent': FormSentEvent;
    'therapist-article-form-failed': FormFailedEvent;
  }
}
