/**
 * The owner's configurator: choose a look and a way for visitors to reach out, see the real
 * element live, and copy the code for a platform. The settings live in the page's URL
 * fragment (never sent to a server); nothing is stored.
 *
 * This element holds the state and puts the parts together, named for what a person sees:
 * the choices (choices.ts), the preview (preview.ts) and the code for each platform
 * (code-tabs.ts). The page loads the article element itself (the built drop-in); this module
 * never defines it.
 */
import {LitElement, html} from 'lit';
import {firstChoices, otherChoices, type ChoicesHost} from './choices.js';
import {cssRule, styleHash, type CodeBox, type ConfiguratorData} from './code.js';
import {codeTabs, type CodeHost} from './code-tabs.js';
import {configuratorStyles} from './configurator.styles.js';
import {contrastWarnings} from './contrast.js';
import {fromFragment, toFragment} from './fragment.js';
import {defaultView, preview, syncPreview, type PreviewHost} from './preview.js';
import {DEFAULT_SETTINGS, check, type Checked, type Settings, type View} from './settings.js';

/**
 * When a configurator last wrote the URL fragment: one clock for the page, as the browsers'
 * limit on `history.replaceState` is per page, not per element.
 */
let fragmentWritten = -Infinity;

export class TherapistConfigurator
  extends LitElement
  implements ChoicesHost, PreviewHost, CodeHost
{
  static override properties = {
    data: {attribute: false},
    settings: {state: true},
    view: {state: true},
    hash: {state: true},
    copied: {state: true},
    linkAction: {state: true},
    actionTouched: {state: true},
    tab: {state: true},
  };

  // `declare` and the constructor, not initialised class fields: a native class field would
  // hide Lit's accessor (whatever tsconfig applies to this folder), and nothing would update.
  /** From the build: the pre-rendered parts, hashes and version (see code.ts). */
  declare data?: ConfiguratorData;
  declare settings: Settings;
  declare view: View;
  declare hash?: string | undefined;
  declare copied?: {id: string; message: string} | undefined;
  /**
   * The form's address as it came in the URL fragment (a shared link), until the owner
   * confirms it: where messages go must be the owner's own choice.
   */
  declare linkAction?: string | undefined;
  /** The owner has typed in the form's address field: only then is an empty one an error. */
  declare actionTouched: boolean;
  declare tab: string;

  constructor() {
    super();
    this.settings = {...DEFAULT_SETTINGS};
    this.view = defaultView();
    this.actionTouched = false;
    this.tab = 'html';
  }

  checked: Checked = check(DEFAULT_SETTINGS);
  warnings: readonly string[] = [];
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
    const {settings, view} = fromFragment(location.hash, defaultView());
    this.settings = settings;
    this.view = view;
    this.linkAction = settings.formAction.trim() ? settings.formAction : undefined;
    this.actionTouched = false;
  }

  /** Resets every setting and the preview to the defaults. */
  reset() {
    this.settings = {...DEFAULT_SETTINGS};
    this.view = defaultView();
    this.copied = undefined;
    this.linkAction = undefined;
    this.actionTouched = false;
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]) {
    this.settings = {...this.settings, [key]: value};
    if (key === 'formAction') this.actionTouched = true;
  }

  setView<K extends keyof View>(key: K, value: View[K]) {
    this.view = {...this.view, [key]: value};
  }

  confirmAction() {
    this.linkAction = undefined;
  }

  async showTab(id: string, focus: boolean) {
    this.tab = id;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
  }

  protected override willUpdate(): void {
    this.checked = check(this.settings, {
      unconfirmedAction: this.linkAction,
      actionTouched: this.actionTouched,
    });
    const theme = this.checked.attributes['theme'] ?? '';
    this.warnings = contrastWarnings(this.checked.properties, theme, this.view.page);
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
    const fragment = toFragment(this.settings, this.view, defaultView());
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
    syncPreview(this.renderRoot, this.checked);
  }

  async copy(box: CodeBox) {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#code-${box.id}`);
    try {
      await navigator.clipboard.writeText(box.code);
      this.copied = {id: box.id, message: 'Copied.'};
    } catch {
      // No clipboard here (an older browser, or a page without permission): select the
      // code so the visitor can copy it with the keyboard.
      area?.focus();
      area?.select();
      this.copied = {id: box.id, message: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'};
    }
  }

  /** Sets an address field to a suggested or confirmed value and returns focus to it. */
  async settle(id: string, change: () => void) {
    change();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  }

  /** A link of the error summary: focus the field it names. */
  readonly focusField = (event: Event) => {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };

  override render() {
    return html`<div class="layout">
        <section class="first" aria-labelledby="choose-heading">
          <h2 id="choose-heading">Your choices</h2>
          ${firstChoices(this)}
        </section>
        ${preview(this)}
        <div class="rest">${otherChoices(this)}</div>
      </div>
      ${codeTabs(this)}`;
  }

  static override styles = configuratorStyles;
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
