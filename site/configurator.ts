import {LitElement, css, html, nothing, type TemplateResult} from 'lit';
import {
  ATTRIBUTE_WORDS,
  CTA_TARGETS,
  DEFAULTS,
  FORM_ENCODINGS,
  HEADING_LEVELS,
  LAYOUTS,
  THEMES,
} from '../src/attributes.js';
import {formStrings} from '../src/content/form-strings.js';
import {
  COLOURS,
  DEFAULT_SETTINGS,
  DEFAULT_VIEW,
  FONTS,
  PAGES,
  PREVIEW_WIDTHS,
  RADII,
  REACH,
  TEASER_MAX,
  WIDTHS,
  check,
  fromFragment,
  toFragment,
  EXAMPLE_PAGE,
  type Checked,
  type ColourKey,
  type FormTarget,
  type Settings,
  type View,
} from './settings.js';
import {
  TAG,
  WORDPRESS_ROUTE,
  cssRule,
  platforms,
  styleHash,
  type CodeBox,
  type ConfiguratorData,
  type Platform,
} from './code.js';

/** What a colour picker shows while the look's own colour is used (src/…styles.ts). */
const LIGHT: Record<ColourKey, string> = {
  accent: '#2b5d53',
  color: '#2d2a26',
  background: '#fbf9f5',
};
const DARK: Record<ColourKey, string> = {
  accent: '#9fd3c4',
  color: '#e8e4dd',
  background: '#1c2120',
};
/** The custom properties the preview may carry: removed when a setting goes back. */
const PROPERTIES = [
  '--therapist-article-accent',
  '--therapist-article-accent-text',
  '--therapist-article-color',
  '--therapist-article-heading-color',
  '--therapist-article-background',
  '--therapist-article-font',
  '--therapist-article-max-width',
  '--therapist-article-radius',
];

/** How the error summary names each field that can hold a refused value. */
const FIELD_NAMES: Record<string, string> = {
  href: 'Where the button leads',
  action: 'Where messages are sent',
  paragraphs: 'Paragraphs shown',
  readMore: 'Full post’s URL',
  accent: COLOURS.accent.label,
  color: COLOURS.color.label,
  background: COLOURS.background.label,
};

/**
 * When a configurator last wrote the URL fragment: one clock for the page, as the browsers'
 * limit on `history.replaceState` is per page, not per element.
 */
let fragmentWritten = -Infinity;

const lines = (code: string) => Math.min(14, Math.max(2, code.split('\n').length + 1));

/**
 * The owner's configurator: choose a look and a way for visitors to reach out, see the real
 * element live, and copy the code for a platform. The settings live in the page's URL
 * fragment (never sent to a server); nothing is stored.
 *
 * The page loads the element itself (the built drop-in); this module never defines it.
 */
export class TherapistConfigurator extends LitElement {
  static override properties = {
    data: {attribute: false},
    settings: {state: true},
    view: {state: true},
    hash: {state: true},
    copied: {state: true},
    linkAction: {state: true},
  };

  // `declare` and the constructor, not initialised class fields: a native class field would
  // hide Lit's accessor (whatever tsconfig applies to this folder), and nothing would update.
  /** From the build: the pre-rendered parts, hashes and version (see code.ts). */
  declare data?: ConfiguratorData;
  declare settings: Settings;
  declare view: View;
  /** The CSP hash of the host page's `<style>` block, once computed. */
  declare hash?: string | undefined;
  /** The box whose Copy button was used last, and what happened. */
  declare copied?: {id: string; message: string} | undefined;
  /**
   * The form's address as it came in the URL fragment (a shared link), until the owner
   * confirms it: where messages go must be the owner's own choice.
   */
  declare linkAction?: string | undefined;

  constructor() {
    super();
    this.settings = {...DEFAULT_SETTINGS};
    this.view = {...DEFAULT_VIEW};
  }

  private checked: Checked = check(DEFAULT_SETTINGS);
  private hashedRule = '';

  private readonly onHashChange = () => this.restore();

  override connectedCallback(): void {
    super.connectedCallback();
    this.restore();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.fragmentTimer);
  }

  /** Reads the settings from the URL fragment. */
  private restore() {
    const {settings, view} = fromFragment(location.hash);
    this.settings = settings;
    this.view = view;
    this.linkAction = settings.action.trim() ? settings.action : undefined;
  }

  /** Resets every setting and the preview to the defaults. */
  reset() {
    this.settings = {...DEFAULT_SETTINGS};
    this.view = {...DEFAULT_VIEW};
    this.copied = undefined;
    this.linkAction = undefined;
  }

  private set<K extends keyof Settings>(key: K, value: Settings[K]) {
    this.settings = {...this.settings, [key]: value};
  }

  private setView<K extends keyof View>(key: K, value: View[K]) {
    this.view = {...this.view, [key]: value};
  }

  protected override willUpdate(): void {
    this.checked = check(this.settings, {unconfirmedAction: this.linkAction});
    const rule = cssRule(this.checked.properties);
    if (rule !== this.hashedRule) {
      this.hashedRule = rule;
      this.hash = undefined;
      if (rule) {
        void styleHash(`\n${rule}\n`).then((hash) => {
          if (this.hashedRule === rule) this.hash = hash;
        });
      }
    }
  }

  private fragmentTimer?: ReturnType<typeof setTimeout>;

  /**
   * Puts the settings in the URL fragment: at once, but at most five times a second, the last
   * change always landing. Browsers refuse more (WebKit throws after 100 in 10 seconds, which
   * quick typing can reach); if one refuses anyway, it is tried again a second later.
   */
  private writeFragment(): void {
    clearTimeout(this.fragmentTimer);
    const wait = fragmentWritten + 200 - performance.now();
    if (wait > 0) {
      this.fragmentTimer = setTimeout(() => this.writeFragment(), wait);
      return;
    }
    const fragment = toFragment(this.settings, this.view);
    if (location.hash.slice(1) === fragment) return;
    fragmentWritten = performance.now();
    try {
      history.replaceState(
        null,
        '',
        fragment ? `#${fragment}` : location.pathname + location.search,
      );
    } catch {
      this.fragmentTimer = setTimeout(() => this.writeFragment(), 1000);
    }
  }

  protected override updated(): void {
    this.writeFragment();

    // The preview gets exactly what the code says: its attributes and custom properties.
    const preview = this.renderRoot.querySelector(TAG);
    if (preview) {
      const {attributes, properties} = this.checked;
      for (const name of preview.getAttributeNames()) {
        if (name !== 'style' && !(name in attributes)) preview.removeAttribute(name);
      }
      for (const [name, value] of Object.entries(attributes)) {
        if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
      }
      for (const property of PROPERTIES) {
        const value = properties[property];
        if (value) preview.style.setProperty(property, value);
        else preview.style.removeProperty(property);
      }
    }
  }

  private async copy(box: CodeBox) {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#code-${box.id}`);
    try {
      await navigator.clipboard.writeText(box.code);
      this.copied = {id: box.id, message: 'Copied.'};
    } catch {
      // No clipboard here (an older browser, or a page without permission): select the
      // code so the visitor can copy it with the keyboard.
      area?.focus();
      area?.select();
      this.copied = {
        id: box.id,
        message: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
      };
    }
  }

  private describedBy(id: string, hint: boolean, error: string | undefined, ...more: string[]) {
    return (
      [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') ||
      nothing
    );
  }

  /** Sets an address field to a suggested or confirmed value and returns focus to it. */
  private async settle(id: string, change: () => void) {
    change();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  }

  private error(id: string, message: string | undefined) {
    return html`<p id="${id}-error" class="error" aria-live="polite">
      ${message ? html`<span aria-hidden="true">⚠ </span>${message}` : nothing}
    </p>`;
  }

  /**
   * A field for an address: its label, hint, text box and error, set on `key`; the address it
   * probably meant, with a button to take it; and for the form, where messages will go.
   */
  private urlField(
    id: 'href' | 'readMore' | 'action',
    key: 'href' | 'readMoreHref' | 'action',
    label: string,
    hint: unknown,
    error: string | undefined,
  ) {
    const suggestion = this.checked.suggestions[id];
    const target = id === 'action' ? this.checked.formTarget : undefined;
    return html`<div class="field">
      <label for="${id}">${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      <input
        id="${id}"
        type="text"
        inputmode="url"
        autocomplete="off"
        spellcheck="false"
        .value="${this.settings[key]}"
        aria-invalid="${error ? 'true' : 'false'}"
        aria-describedby="${this.describedBy(id, true, error, target ? `${id}-target` : '')}"
        @input="${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}"
      />
      ${this.error(id, error)}
      ${
        suggestion
          ? html`<button
              type="button"
              class="small suggestion"
              id="${id}-use"
              @click="${() => this.settle(id, () => this.set(key, suggestion))}"
            >
              Use ${suggestion}
            </button>`
          : nothing
      }
      ${target ? this.renderTarget(target) : nothing}
    </div>`;
  }

  /** “Messages will be sent to …”, and the confirmation an address from a shared link needs. */
  private renderTarget(target: FormTarget) {
    const pending = this.checked.actionFromLink;
    const where =
      target.kind === 'absolute'
        ? html`<strong class="address">${target.href}</strong>`
        : html`your own site, the one the article is
            on${target.kind === 'page' ? ', relative to the page’s address' : ''}: on a page at
            ${EXAMPLE_PAGE}, that is <strong class="address">${target.href}</strong>`;
    return html`<p class="target" id="action-target">
        ${pending ? 'Once confirmed, messages will be sent to' : 'Messages will be sent to'}
        ${where}.
      </p>
      ${
        pending
          ? html`<button
              type="button"
              class="small"
              id="action-confirm"
              @click="${() => this.settle('action', () => (this.linkAction = undefined))}"
            >
              This address is mine: use it
            </button>`
          : nothing
      }`;
  }

  /** One radio button per option, named `name`, the `current` one checked. */
  private radioChoices<T extends string>(
    name: string,
    options: Record<T, string>,
    current: T,
    choose: (value: T) => void,
  ) {
    return (Object.entries(options) as [T, string][]).map(
      ([value, text]) =>
        html`<label class="choice">
          <input
            type="radio"
            name="${name}"
            value="${value}"
            .checked="${current === value}"
            @change="${() => choose(value)}"
          />
          ${text}
        </label>`,
    );
  }

  private select<T extends string | number>(
    id: string,
    label: string,
    options: readonly (readonly [T, string])[],
    value: T,
    change: (value: string) => void,
    hint?: string,
  ) {
    return html`<div class="field">
      <label for="${id}">${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      <select
        id="${id}"
        aria-describedby="${hint ? `${id}-hint` : nothing}"
        @change="${(e: Event) => change((e.target as HTMLSelectElement).value)}"
      >
        ${options.map(
          ([v, text]) =>
            html`<option value="${String(v)}" ?selected="${v === value}">${text}</option>`,
        )}
      </select>
    </div>`;
  }

  private colour(key: ColourKey) {
    const value = this.settings[key];
    const error = this.checked.errors[key];
    return html`<div class="field colour">
      <label for="${key}">${COLOURS[key].label}</label>
      <div class="row">
        <input
          id="${key}"
          type="color"
          .value="${
            /^#[0-9a-f]{6}$/i.test(value)
              ? value
              : (this.settings.theme === 'dark' ? DARK : LIGHT)[key]
          }"
          aria-invalid="${error ? 'true' : 'false'}"
          aria-describedby="${this.describedBy(key, true, error)}"
          @input="${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}"
        />
        <span class="hint" id="${key}-hint">${value ? value : 'The look’s own'}</span>
        ${
          value
            ? html`<button type="button" class="small" @click="${() => this.set(key, '')}">
                Use the look’s own <span class="visually-hidden">${COLOURS[key].label}</span>
              </button>`
            : nothing
        }
      </div>
      ${this.error(key, error)}
    </div>`;
  }

  private renderControls() {
    const s = this.settings;
    return html`<div class="controls">
      <fieldset>
        <legend>Look</legend>
        ${this.select(
          'theme',
          'Style',
          (['', ...THEMES] as const).map((t) => [t, ATTRIBUTE_WORDS.theme.choices[t]] as const),
          s.theme,
          (v) => this.set('theme', v as Settings['theme']),
          '“Blend into the page” takes your page’s font and colours; the others bring their own.',
        )}
        ${(Object.keys(COLOURS) as ColourKey[]).map((key) => this.colour(key))}
        ${this.select(
          'font',
          'Font',
          Object.entries(FONTS).map(([k, f]) => [k, f.label] as const),
          s.font,
          (v) => this.set('font', v as Settings['font']),
        )}
        ${this.select('width', 'Width of the text', Object.entries(WIDTHS), s.width, (v) =>
          this.set('width', v as Settings['width']),
        )}
        ${this.select('radius', 'Corners', Object.entries(RADII), s.radius, (v) =>
          this.set('radius', v as Settings['radius']),
        )}
        ${
          this.checked.warning
            ? html`<p class="warning" id="contrast-warning">${this.checked.warning}</p>`
            : nothing
        }
      </fieldset>

      <fieldset>
        <legend>Title</legend>
        ${this.select(
          'heading-level',
          'Heading level of the title',
          HEADING_LEVELS.map((h) => [h, `H${h}${h === 2 ? ' (usual)' : ''}`] as const),
          s.headingLevel,
          (v) => this.set('headingLevel', Number(v)),
        )}
      </fieldset>

      <fieldset>
        <legend>How much is shown</legend>
        ${this.select(
          'layout',
          'Layout',
          LAYOUTS.map((l) => [l, ATTRIBUTE_WORDS.layout.choices[l]] as const),
          s.layout,
          (v) => this.set('layout', v as Settings['layout']),
          'A teaser shows the title and the opening paragraphs, then “Continue reading”.',
        )}
        ${s.layout === 'teaser' ? this.renderTeaser() : nothing}
      </fieldset>

      <fieldset>
        <legend>How visitors reach out</legend>
        <div class="choices">
          ${this.radioChoices('reach', REACH, s.reach, (key) => this.set('reach', key))}
        </div>
        ${s.reach === 'link' ? this.renderLink() : this.renderForm()}
      </fieldset>

      <div class="actions">
        <button type="button" id="reset" @click="${() => this.reset()}">
          Reset to the defaults
        </button>
        <p class="hint">
          This page’s address now holds your choices: bookmark it or send it to your web designer.
          Nothing is sent anywhere or stored.
        </p>
      </div>
    </div>`;
  }

  private renderTeaser() {
    const s = this.settings;
    const {paragraphs, readMore} = this.checked.errors;
    return html`<div class="field">
        <label for="paragraphs">Paragraphs shown</label>
        <p class="hint" id="paragraphs-hint">
          From 1 to ${TEASER_MAX}; the default, ${DEFAULTS.teaserParagraphs}, stops just before the
          article’s answer.
        </p>
        <input
          id="paragraphs"
          type="number"
          min="1"
          max="${TEASER_MAX}"
          step="1"
          inputmode="numeric"
          .value="${s.teaserParagraphs}"
          aria-invalid="${paragraphs ? 'true' : 'false'}"
          aria-describedby="${this.describedBy('paragraphs', true, paragraphs)}"
          @input="${(e: Event) => this.set('teaserParagraphs', (e.target as HTMLInputElement).value)}"
        />
        ${this.error('paragraphs', paragraphs)}
      </div>
      ${this.urlField(
        'readMore',
        'readMoreHref',
        'Full post’s URL (optional)',
        `Where the whole article is, when this page shows only its opening (https://…). “Continue reading” then links there, and search engines credit that page. Left empty, the rest opens in place.`,
        readMore,
      )}`;
  }

  private renderLink() {
    const s = this.settings;
    const error = this.checked.errors.href;
    return html`${this.urlField(
        'href',
        'href',
        'Where the button leads',
        `Your booking page (https://…), a page of your site (/contact), a section of this page (#contact), an email (mailto:you@example.com) or a phone number (tel:+15555550123).`,
        error,
      )}
      <div class="field">
        <label for="label">Button text</label>
        <input
          id="label"
          type="text"
          autocomplete="off"
          .value="${s.label}"
          aria-describedby="label-hint"
          @input="${(e: Event) => this.set('label', (e.target as HTMLInputElement).value)}"
        />
        <p class="hint" id="label-hint">Left empty, it says “Reach out”.</p>
      </div>
      ${this.select(
        'target',
        'Open the link in',
        CTA_TARGETS.map((t) => [t, ATTRIBUTE_WORDS.ctaTarget.choices[t]] as const),
        s.target,
        (v) => this.set('target', v as Settings['target']),
      )}`;
  }

  private renderForm() {
    const s = this.settings;
    const error = this.checked.errors.action;
    return html`${this.urlField(
        'action',
        'action',
        'Where messages are sent',
        html`Your form service’s https:// address (Formspree: https://formspree.io/f/…), the
        WordPress plugin’s route (${WORDPRESS_ROUTE}), or your Wix HTTP function
        (https://your-site.example/_functions/contact).`,
        error,
      )}
      ${this.select(
        'encoding',
        'Send the fields as',
        FORM_ENCODINGS.map((e) => [e, ATTRIBUTE_WORDS.formEncoding.choices[e]] as const),
        s.encoding,
        (v) => this.set('encoding', v as Settings['encoding']),
        'Formspree, Basin and Netlify accept form fields; the WordPress plugin and Wix take either.',
      )}
      <div class="field">
        <label class="choice">
          <input
            id="privacy"
            type="checkbox"
            .checked="${s.privacyNote}"
            @change="${(e: Event) => this.set('privacyNote', (e.target as HTMLInputElement).checked)}"
          />
          Show the privacy line (“${formStrings.privacy}”)
        </label>
      </div>
      <div class="field">
        <label class="choice">
          <input
            id="crisis"
            type="checkbox"
            .checked="${s.crisisLine}"
            @change="${(e: Event) => this.set('crisisLine', (e.target as HTMLInputElement).checked)}"
          />
          Show the crisis line (“${formStrings.crisis.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')}”)
        </label>
      </div>`;
  }

  private renderPreview() {
    const v = this.view;
    const radios = <K extends keyof View>(
      key: K,
      legend: string,
      options: Record<View[K], string>,
    ) =>
      html`<fieldset class="inline">
        <legend>${legend}</legend>
        ${this.radioChoices(`view-${key}`, options, v[key], (value) => this.setView(key, value))}
      </fieldset>`;
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <div class="preview-controls">
        ${radios(
          'width',
          'Screen',
          Object.fromEntries(
            Object.entries(PREVIEW_WIDTHS).map(([k, px]) => [
              k,
              `${k[0]!.toUpperCase()}${k.slice(1)} (${px} px)`,
            ]),
          ) as Record<View['width'], string>,
        )}
        ${radios('page', 'Your page', PAGES)}
      </div>
      <!-- Scrolls on its own, so it takes keyboard focus (arrow keys scroll it). -->
      <div
        class="stage"
        data-width="${v.width}"
        role="region"
        aria-label="The article as visitors will see it"
        tabindex="0"
      >
        <div class="page ${v.page}" data-testid="page">
          <therapist-attachment-article></therapist-attachment-article>
        </div>
      </div>
    </section>`;
  }

  private renderBox(box: CodeBox) {
    const copied = this.copied?.id === box.id ? this.copied.message : '';
    return html`<div class="box">
      <div class="box-head">
        <label for="code-${box.id}">${box.label}</label>
        <button type="button" class="small" @click="${() => this.copy(box)}">
          Copy <span class="visually-hidden">${box.label}</span>
        </button>
        <span class="status" role="status">${copied}</span>
      </div>
      <textarea
        id="code-${box.id}"
        data-code="${box.id}"
        readonly
        spellcheck="false"
        rows="${lines(box.code)}"
        .value="${box.code}"
      ></textarea>
    </div>`;
  }

  private renderPlatform(p: Platform): TemplateResult {
    return html`<section class="platform" id="platform-${p.id}" aria-labelledby="h-${p.id}">
      <div class="instructions">
        <h3 id="h-${p.id}">${p.title}</h3>
        ${p.plans ? html`<p class="plans">${p.plans}</p>` : nothing}
        <ol>
          ${p.steps.map((step) => html`<li>${step}</li>`)}
        </ol>
        ${p.notes?.map((note) => html`<p class="note">${note}</p>`)}
      </div>
      <div class="boxes">${p.boxes.map((box) => this.renderBox(box))}</div>
    </section>`;
  }

  private renderCode() {
    if (!this.data) return html`<p>Loading…</p>`;
    const list = platforms(this.checked, this.data, {styleHash: this.hash});
    const errors = Object.keys(this.checked.errors).length;
    return html`<section class="code" aria-labelledby="code-heading">
      <h2 id="code-heading">Your code</h2>
      ${
        errors
          ? html`<div class="summary" id="error-summary">
              <p>
                ${errors === 1 ? 'One setting is' : `${errors} settings are`} marked above: the code
                leaves ${errors === 1 ? 'it' : 'them'} out (the article would use its default) until
                ${this.checked.actionFromLink ? 'fixed or confirmed' : 'fixed'}.
              </p>
              <ul>
                ${Object.keys(this.checked.errors).map(
                  (id) =>
                    html`<li>
                      <a href="#${id}" @click="${this.focusField}">${FIELD_NAMES[id] ?? id}</a>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <nav aria-label="Platforms">
        <ul>
          ${list.map((p) => html`<li><a href="#platform-${p.id}" @click="${this.jump}">${p.title}</a></li>`)}
        </ul>
      </nav>
      ${list.map((p) => this.renderPlatform(p))}
    </section>`;
  }

  /** A link of the error summary: focus the field it names. */
  private focusField(event: Event) {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** In-page links into the shadow root: scroll there and move focus (no fragment change). */
  private jump(event: Event) {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id} h3`);
    target?.setAttribute('tabindex', '-1');
    target?.scrollIntoView({block: 'start'});
    target?.focus();
  }

  override render() {
    return html`<div class="layout">
        <section class="choose" aria-labelledby="choose-heading">
          <h2 id="choose-heading">Your choices</h2>
          ${this.renderControls()}
        </section>
        ${this.renderPreview()}
      </div>
      ${this.renderCode()}`;
  }

  static override styles = css`
    :host {
      display: block;
      --c-text: #1f2421;
      --c-muted: #4a514d;
      --c-bg: #ffffff;
      --c-line: #8a918d;
      --c-accent: #2b5d53;
      --c-error: #a4262c;
      --c-focus: #1a5fb4;
      color: var(--c-text);
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    h2 {
      font-size: 1.35rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    .layout {
      display: grid;
      gap: 1.5rem;
    }
    @media (min-width: 62rem) {
      .layout {
        grid-template-columns: minmax(18rem, 24rem) minmax(0, 1fr);
        align-items: start;
      }
      .preview {
        position: sticky;
        top: 0.5rem;
      }
      .preview .stage {
        max-height: calc(100vh - 11rem);
      }
    }
    fieldset {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem 0.25rem;
      border: 1px solid var(--c-line);
      border-radius: 0.5rem;
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    fieldset.inline {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0.5rem 0.75rem;
      margin: 0;
    }
    .field {
      display: grid;
      gap: 0.25rem;
      margin-bottom: 0.9rem;
    }
    label {
      font-weight: 600;
    }
    .choice {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      font-weight: 400;
      min-height: 1.75rem;
    }
    .choice input {
      margin-top: 0.25rem;
    }
    .choices {
      display: grid;
      gap: 0.25rem;
      margin-bottom: 0.75rem;
    }
    input[type='text'],
    input[type='number'],
    select,
    textarea {
      width: 100%;
      min-height: 2.5rem;
      padding: 0.4rem 0.6rem;
      border: 1px solid var(--c-line);
      border-radius: 0.375rem;
      background: var(--c-bg);
      color: inherit;
      font: inherit;
    }
    input[type='number'] {
      max-width: 7rem;
    }
    input[type='color'] {
      width: 3rem;
      height: 2.5rem;
      padding: 0.15rem;
      border: 1px solid var(--c-line);
      border-radius: 0.375rem;
      background: var(--c-bg);
    }
    textarea {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
      font-size: 0.85rem;
      line-height: 1.4;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      overflow: auto;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--c-error);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .hint {
      margin: 0;
      color: var(--c-muted);
      font-size: 0.9rem;
    }
    .error {
      margin: 0;
      color: var(--c-error);
      font-weight: 600;
    }
    .error:empty {
      display: none;
    }
    .field > button.small {
      justify-self: start;
      max-width: 100%;
      overflow-wrap: anywhere;
      text-align: start;
    }
    .target {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .address {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
      font-size: 0.9rem;
    }
    .summary p,
    .summary ul {
      margin: 0;
    }
    .warning,
    .summary {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--c-error);
      background: #fdf1f1;
    }
    button {
      min-height: 2.5rem;
      padding: 0.4rem 1rem;
      border: 2px solid var(--c-accent);
      border-radius: 0.375rem;
      background: var(--c-accent);
      color: #ffffff;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button.small {
      min-height: 2.25rem;
      padding: 0.2rem 0.75rem;
      background: var(--c-bg);
      color: var(--c-accent);
    }
    button:hover {
      text-decoration: underline;
    }
    :focus-visible {
      outline: 3px solid var(--c-focus);
      outline-offset: 2px;
    }
    .actions {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .preview-controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-bottom: 0.75rem;
    }
    .stage {
      max-height: 80vh;
      border: 1px solid var(--c-line);
      border-radius: 0.5rem;
      overflow: auto;
      background: repeating-linear-gradient(45deg, #eceae6 0 10px, #f4f2ee 10px 20px);
    }
    .page {
      margin-inline: auto;
      padding: 1.5rem 1rem;
      font-family: 'Trebuchet MS', 'DejaVu Sans', sans-serif;
    }
    .stage[data-width='phone'] .page {
      width: min(100%, 375px);
    }
    .stage[data-width='tablet'] .page {
      width: min(100%, 768px);
    }
    .page.light {
      background: #ffffff;
      color: #222222;
    }
    .page.dark {
      background: #16191a;
      color: #ececec;
    }
    .code {
      margin-top: 2rem;
    }
    .code nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0;
      list-style: none;
    }
    .code nav a {
      color: var(--c-accent);
      font-weight: 600;
    }
    .platform {
      display: grid;
      gap: 1rem;
      padding: 1.25rem 0;
      border-top: 1px solid var(--c-line);
    }
    @media (min-width: 62rem) {
      .platform {
        grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
      }
    }
    .platform ol {
      padding-inline-start: 1.25rem;
      margin: 0 0 0.5rem;
    }
    .platform li {
      margin-bottom: 0.35rem;
    }
    .plans {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .note {
      margin: 0 0 0.5rem;
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--c-line);
      color: var(--c-muted);
    }
    .boxes {
      display: grid;
      gap: 1rem;
      min-width: 0;
    }
    .box-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 0.25rem;
    }
    .status {
      color: var(--c-muted);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    @media (forced-colors: active) {
      [aria-invalid='true'] {
        border-color: Mark;
        outline: 2px solid CanvasText;
      }
      .warning,
      .summary,
      .stage {
        border: 1px solid CanvasText;
      }
      button {
        border-color: ButtonText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        scroll-behavior: auto !important;
        transition: none !important;
      }
    }
  `;
}

/**
 * Registers `<therapist-configurator>` (once). A function rather than a side effect of the
 * import: the package's `sideEffects` list lets the bundler drop side-effect-only imports.
 */
export function defineConfigurator(): void {
  if (!customElements.get('therapist-configurator')) {
    customElements.define('therapist-configurator', TherapistConfigurator);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'therapist-configurator': TherapistConfigurator;
  }
}
