import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {ATTRIBUTES, DEFAULTS, applyAttribute, type Attribute, type Settings} from './attributes.js';
import {article, byline, signature, type Paragraph} from './content/article.js';
import type {FormStrings} from './content/form-strings.js';
import {CtaClickEvent} from './events.js';
import {FormController, formFailed, formModule, loadForm} from './form-loader.js';
import {ReadingSignals} from './reading-signals.js';
import {styles} from './therapist-attachment-article.styles.js';

const title = article.title;
const HEADINGS = [
  html`<h1 id="title" part="title" class="title">${title}</h1>`,
  html`<h2 id="title" part="title" class="title">${title}</h2>`,
  html`<h3 id="title" part="title" class="title">${title}</h3>`,
  html`<h4 id="title" part="title" class="title">${title}</h4>`,
  html`<h5 id="title" part="title" class="title">${title}</h5>`,
  html`<h6 id="title" part="title" class="title">${title}</h6>`,
];

/** Attribute JSON; a value that does not parse stays a string, and is warned about later. */
const parseJson = (value: string | null): unknown => {
  try {
    return JSON.parse(value!);
  } catch {
    return value;
  }
};

const CONTINUE = 'Continue reading';

const ROWS = Object.entries(ATTRIBUTES) as [keyof Settings, Attribute][];

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
 * @fires {ArticleViewEvent} therapist-article-view - The article first came on screen. Once per
 * element and page view; never while it is hidden. For a site's own analytics.
 * @fires {ArticleReadEvent} therapist-article-read - The reader reached the call-to-action at the
 * article's end (it came on screen). Once per element and page view, after the view event.
 *
 * @csspart article - The `<article>` that holds everything.
 * @csspart header - The header around the title.
 * @csspart title - The article's heading.
 * @csspart byline - The author's name and credentials under the title, “By Emily Powell, LMHC, LPC”.
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
 * @csspart read-more - The teaser's “Continue reading” button (or link, with `read-more-href`).
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
 * @cssproperty [--therapist-article-max-width=60ch] - Width of the reading column (of its text: a theme's padding goes around it), about 65–75 characters a line.
 * @cssproperty [--therapist-article-spacing=1.25em] - Space between paragraphs; other gaps scale from it.
 * @cssproperty [--therapist-article-padding=0] - Padding inside the article (themes set 1.25em–2.5em, and at the sides as little as 0.375em on a phone, so the line keeps its length).
 * @cssproperty [--therapist-article-radius=0.5rem] - Corner radius of the button and of themed backgrounds.
 * @cssproperty [--therapist-article-error-color=currentColor] - Colour of form error messages and invalid fields' borders. Themes set their own.
 */
export class TherapistAttachmentArticle extends LitElement {
  // The form's styles come with its code; the renderer for pre-rendered markup has that code
  // at once (src/form-loader.ts), and writes them into every snippet's <style>.
  static override styles = formModule ? [styles, formModule.formStyles] : styles;

  // Declared here rather than with @property decorators: the decorator helpers cost the
  // size-budgeted drop-in about 0.4 kB gzipped. The JSDoc on each field documents it.
  static override properties = {
    headingLevel: {attribute: 'heading-level', type: Number},
    ctaHref: {attribute: 'cta-href'},
    ctaLabel: {attribute: 'cta-label'},
    ctaTarget: {attribute: 'cta-target'},
    theme: {},
    layout: {},
    teaserParagraphs: {attribute: 'teaser-paragraphs', type: Number},
    readMoreHref: {attribute: 'read-more-href'},
    readMoreTarget: {attribute: 'read-more-target'},
    formAction: {attribute: 'form-action'},
    formEncoding: {attribute: 'form-encoding'},
    formTimeout: {attribute: 'form-timeout', type: Number},
    noPrivacyNote: {attribute: 'no-privacy-note', type: Boolean},
    noCrisisLine: {attribute: 'no-crisis-line', type: Boolean},
    formListener: {attribute: 'form-listener', type: Boolean},
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
   * `full` (default) shows the whole article. `teaser` shows the title and the opening
   * paragraphs (`teaser-paragraphs`), then a “Continue reading” button that reveals the rest in
   * place, or, with `read-more-href`, a link to the full post. Unknown values show the whole
   * article, with a console warning. Printed, a teaser shows the whole article.
   * @type {'full' | 'teaser'}
   */
  layout: string = 'full';

  /**
   * With `layout="teaser"`: how many paragraphs the teaser shows, 1–10. The default, 3, ends on
   * the article's hook (“Well – here is a straight up answer from a therapist …”). Other values
   * fall back to 3 with a console warning.
   */
  teaserParagraphs = 3;

  /**
   * With `layout="teaser"`: the full post's address. “Continue reading” is then a link to it
   * instead of opening the rest in place (for a site that is not the article's home). The same
   * URLs as `cta-href` are allowed; others keep the button, with a console warning.
   */
  readMoreHref?: string;

  /**
   * With `read-more-href`: where the link to the full post opens, `_self` (default), `_blank`
   * (a new tab) or `_top` (out of a frame, such as Wix's Embed HTML or Google Sites, whose
   * sandbox would otherwise open the post inside the frame). Unknown values open it in the same
   * tab, with a console warning.
   * @type {'_self' | '_blank' | '_top'}
   */
  readMoreTarget: string = '_self';

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
   * Shows the contact form without `form-action`: your `therapist-article-form-submit` listener
   * delivers each message with `event.respondWith(promise)`, and nothing is sent anywhere else.
   * A message no listener takes stays with the visitor, with a console warning. With
   * `form-action` as well, a message no listener takes goes to `form-action`.
   */
  formListener = false;

  /**
   * Replaces any of the form's texts (labels, notes, messages) by key — see `FormStrings`.
   * As an attribute, JSON: `form-strings='{"send": "Enviar", "lang": "es"}'`. Invalid JSON
   * keeps the English texts, with a console warning.
   * @type {Partial<FormStrings>}
   */
  strings?: Partial<FormStrings> | string;

  constructor() {
    super();
    // The view and read events, for a site's own analytics.
    new ReadingSignals(this);
  }

  /** What is rendered: every attribute's value after its row in `attributes.ts`. */
  private readonly settings: Settings = {...DEFAULTS};
  /**
   * The contact form, loaded on demand (once per page) when the element asks for it: the
   * article renders at once and the form joins it when its code has loaded; if it cannot load,
   * the link stays.
   */
  private readonly forms = new FormController(
    this,
    () => this.settings,
    () => this.wantsForm,
  );
  /** The last bad value warned about, per attribute, so a value is reported once. */
  private readonly warned = new Map<string, string>();

  /** Whether the form is asked for: `form-action`, or `form-listener` (your own delivery). */
  private get wantsForm(): boolean {
    return this.formAction != null || this.formListener;
  }

  /** Whether the form's code is still on its way (the call-to-action waits for it). */
  private get formPending(): boolean {
    return this.wantsForm && !formModule && !formFailed;
  }

  /**
   * A pre-rendered form (declarative shadow DOM) waits for the form's code before the element
   * connects, so that it hydrates as it is, or, if the code cannot load, is rendered afresh with
   * the link (see `createRenderRoot`).
   */
  override connectedCallback(): void {
    if (!this.renderRoot && this.formPending && this.shadowRoot?.hasChildNodes()) {
      void loadForm().then(() => {
        if (this.isConnected && !this.renderRoot) this.connectedCallback();
      });
      return;
    }
    super.connectedCallback();
  }

  /**
   * A pre-rendered form whose code could not load cannot hydrate: its markup (not its styles)
   * is cleared and the element renders afresh into the same root, with the link. Not calling
   * `super` here keeps Lit's hydration support from claiming the root.
   */
  protected override createRenderRoot() {
    const root = this.shadowRoot;
    if (!(root && formFailed && this.wantsForm)) return super.createRenderRoot();
    for (const node of [...root.childNodes]) {
      if (!(node instanceof HTMLStyleElement)) node.remove();
    }
    return root;
  }

  /** With `form-action`, `updateComplete` resolves once the form (or, failing it, the link) is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.formPending) return done;
    await loadForm();
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const s = this.settings as Record<string, unknown>;
    for (const [key, row] of ROWS) {
      if (changed.has(key)) s[key] = applyAttribute(row, this[key], this.warned);
    }
    this.forms.update();
  }

  /** A teaser's reader opened the rest: focus moves to its first paragraph. */
  private opened(event: Event): void {
    const more = event.target as HTMLDetailsElement;
    if (!more.open) return;
    const first = more.querySelector<HTMLElement>('p')!;
    first.tabIndex = -1;
    first.focus();
  }

  /**
   * The teaser's rest, after the body's opening paragraphs: a `<details>` with “Continue
   * reading”, which opens without JavaScript too (while it is closed, the call-to-action and
   * the footer after it wait: see the styles); with `read-more-href`, the body ends on a link to
   * the full post instead, and the rest is there for paper only.
   */
  private renderRest(rest: unknown[]) {
    return this.settings.readMoreHref
      ? html`<div part="body" class="more">${rest}</div>`
      : html`<details part="body" class="more" @toggle=${this.opened}>
          <summary part="read-more" class="button read-more">${CONTINUE}</summary>
          ${rest}
        </details>`;
  }

  private onCtaClick(event: MouseEvent): void {
    const {ctaHref: href, ctaTarget: target} = this.settings;
    const ctaClick = new CtaClickEvent({href, target});
    if (!this.dispatchEvent(ctaClick)) event.preventDefault();
  }

  private renderParagraph(paragraph: Paragraph, part = 'paragraph') {
    return html`<p part=${part}>
      ${paragraph.map((run) =>
        typeof run === 'string' ? run : html`<em part="emphasis">${run.emphasis}</em>`,
      )}
    </p>`;
  }

  /** The call-to-action link (also offered by a pre-rendered form that needs JavaScript). */
  private ctaLink() {
    const {ctaHref, ctaLabel, ctaTarget} = this.settings;
    const newTab = ctaTarget === '_blank';
    return html`<a
      part="cta-button"
      class="button"
      href=${ctaHref}
      target=${ctaTarget}
      rel=${newTab ? 'noopener noreferrer' : nothing}
      @click=${this.onCtaClick}
      >${ctaLabel}${
        newTab ? html`<span class="visually-hidden"> (opens in a new tab)</span>` : nothing
      }</a
    >`;
  }

  protected override render() {
    const {theme, layout, teaserParagraphs: shown, readMoreHref, readMoreTarget} = this.settings;
    const teaser = layout === 'teaser';
    const wantsForm = !!this.settings.formAction || this.settings.formListener;
    const paragraphs = article.paragraphs.map((p) => this.renderParagraph(p));
    // A teaser's `closed` look hides its call-to-action and footer until its rest is open.
    const look = (theme ? `theme-${theme}` : 'theme-none') + (teaser ? ' closed' : '');
    return html`
      <article part="article" class="article ${look}" lang=${article.lang} aria-labelledby="title">
        <header part="header">
          ${HEADINGS[this.settings.headingLevel - 1]}
          <address part="byline" class="byline">${byline()}</address>
        </header>
        <div part="body" class="body">
          ${
            teaser
              ? html`${paragraphs.slice(0, shown)}${
                  readMoreHref
                    ? html`<p>
                        <a
                          part="read-more"
                          class="button read-more"
                          href=${readMoreHref}
                          target=${readMoreTarget}
                          >${CONTINUE}</a
                        >
                      </p>`
                    : nothing
                }`
              : paragraphs
          }
        </div>
        ${teaser ? this.renderRest(paragraphs.slice(shown)) : nothing}
        <section part="cta" class="cta">
          ${this.renderParagraph(article.callToAction, 'paragraph cta-text')}
          ${
            this.forms.form && wantsForm
              ? formModule!.contactForm(
                  this.forms.form,
                  !this.settings.noPrivacyNote,
                  !this.settings.noCrisisLine,
                  this.ctaLink(),
                )
              : wantsForm && this.formPending
                ? nothing
                : html`<slot name="cta">${this.ctaLink()}</slot>`
          }
        </section>
        <footer part="footer" class="footer">
          <p part="signature" class="signature">${signature()}</p>
        </footer>
      </article>
    `;
  }
}
