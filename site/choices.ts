/**
 * The choices: one control per attribute of the element's table, made from its row and words
 * (a list → a select, a number → a number field, text → a text field, a switch → a checkbox),
 * shown only where its `onlyWith` holds; special controls only where a person needs one (the
 * way to reach out, the three addresses with their checks, the form's lines, the look).
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ATTRIBUTE_WORDS, type Words} from '../src/attributes.js';
import {formStrings} from '../src/content/form-strings.js';
import {EXAMPLE_PAGE, type FormTarget} from './addresses.js';
import {WORDPRESS_ROUTE} from './code.js';
import {LOOKS} from './contrast.js';
import {
  ADDRESSES,
  COLOURS,
  FONTS,
  FORM_LINES,
  RADII,
  REACH,
  TABLE_KEYS,
  WIDTHS,
  reachOf,
  row,
  type Checked,
  type ColourKey,
  type Settings,
  type TableKey,
} from './settings.js';

/** What the choices need from the configurator. */
export interface ChoicesHost {
  readonly settings: Settings;
  readonly checked: Checked;
  /** Colours that would be hard to read (contrast.ts). */
  readonly warnings: readonly string[];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** Sets a field (to a suggestion, or confirmed) and returns focus to it. */
  settle(id: string, change: () => void): Promise<void>;
  confirmAction(): void;
  reset(): void;
}

/** What each look takes from the page it is on, and what it brings. */
const LOOK_HINTS: Record<string, string> = {
  '': 'With no look of its own, the article takes your page’s font, text size and colour, with no card around it; its button is its own green unless you choose a colour. With the WordPress plugin it also takes your theme’s heading, link and button styles.',
  light:
    'A light card with its own colours for the text, headings, links and button; it keeps your page’s font.',
  dark: 'A dark card with its own colours for the text, headings, links and button; it keeps your page’s font.',
  auto: 'The light card, or the dark one on a device set to dark; it keeps your page’s font.',
};

/** The address fields' own words. */
const ADDRESS_WORDS: Record<keyof typeof ADDRESSES, {label: string; hint: unknown}> = {
  href: {
    label: 'Where the button leads',
    hint: 'Your booking page (https://…), a page of your site (/contact), a section of this page (#contact), an email (mailto:you@example.com) or a phone number (tel:+15555550123).',
  },
  readMore: {
    label: 'Full post’s URL (optional)',
    hint: 'Where the whole article is, when this page shows only its opening (https://…). “Continue reading” then links there, and search engines credit that page. Left empty, the rest opens in place.',
  },
  action: {
    label: 'Where messages are sent',
    hint: html`Your form service’s https:// address (Formspree: https://formspree.io/f/…), the
    WordPress plugin’s route (${WORDPRESS_ROUTE}), or your Wix HTTP function
    (https://your-site.example/_functions/contact).`,
  },
};

/** How the error summary names each control that can hold a refused value. */
export function fieldName(id: string): string {
  if (id in ADDRESS_WORDS) return ADDRESS_WORDS[id as keyof typeof ADDRESSES].label;
  if (id in COLOURS) return COLOURS[id as ColourKey].label;
  const key = TABLE_KEYS.find((k) => row(k).attribute === id);
  return key ? ATTRIBUTE_WORDS[key].label : id;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

const describedBy = (id: string, hint: boolean, error: string | undefined, ...more: string[]) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') ||
  nothing;

const errorLine = (id: string, message: string | undefined) =>
  html`<p id="${id}-error" class="error" aria-live="polite">
    ${message ? html`<span aria-hidden="true">⚠ </span>${message}` : nothing}
  </p>`;

/** A select of `options` ([value, words]), with its label and hint. */
export function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  current: string,
  change: (value: string) => void,
  hint?: unknown,
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
        ([v, text]) => html`<option value="${v}" ?selected="${v === current}">${text}</option>`,
      )}
    </select>
  </div>`;
}

/** The control an attribute's row and words make. */
function control(host: ChoicesHost, key: TableKey, hint?: unknown): TemplateResult {
  const r = row(key);
  const words: Words = ATTRIBUTE_WORDS[key];
  const id = r.attribute;
  const given = host.settings[key];
  if (r.type === 'boolean') {
    return html`<div class="field">
      <label class="choice">
        <input
          id="${id}"
          type="checkbox"
          .checked="${given === true}"
          @change="${(e: Event) => host.set(key, (e.target as HTMLInputElement).checked as never)}"
        />
        ${words.label}
      </label>
    </div>`;
  }
  if (r.type === 'enum') {
    const values = [...(r.default === undefined ? [''] : []), ...r.values];
    return select(
      id,
      words.label,
      values.map((v) => [v, words.choices?.[v] ?? v] as const),
      String(given),
      (v) => host.set(key, v as never),
      hint ?? words.hint,
    );
  }
  const error = host.checked.errors[id];
  const number = r.type === 'integer' || r.type === 'number';
  const help = number
    ? `${words.hint ? `${words.hint} ` : ''}From ${r.min} to ${r.max}; the default is ${r.default}.`
    : (words.hint ??
      (r.type === 'text' ? `Left empty, it says “${r.default}”.` : `Left empty: ${r.shown}.`));
  return html`<div class="field">
    <label for="${id}">${words.label}</label>
    <p class="hint" id="${id}-hint">${help}</p>
    <input
      id="${id}"
      type="${number ? 'number' : 'text'}"
      min="${number ? r.min : nothing}"
      max="${number ? r.max : nothing}"
      step="${r.type === 'integer' ? 1 : nothing}"
      inputmode="${number ? 'numeric' : r.type === 'text' ? nothing : 'url'}"
      maxlength="${r.type === 'text' ? r.maxLength : nothing}"
      autocomplete="off"
      .value="${String(given)}"
      aria-invalid="${error ? 'true' : 'false'}"
      aria-describedby="${describedBy(id, true, error)}"
      @input="${(e: Event) => host.set(key, value(e) as never)}"
    />
    ${errorLine(id, error)}
  </div>`;
}

/**
 * A field for an address: its label, hint, text box and error; the address it probably meant,
 * with a button to take it; and for the form, where messages will go.
 */
function address(host: ChoicesHost, id: keyof typeof ADDRESSES): TemplateResult {
  const key = ADDRESSES[id];
  const {label, hint} = ADDRESS_WORDS[id];
  const error = host.checked.errors[id];
  const suggestion = host.checked.suggestions[id];
  const target = id === 'action' ? host.checked.formTarget : undefined;
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <p class="hint" id="${id}-hint">${hint}</p>
    <input
      id="${id}"
      type="text"
      inputmode="url"
      autocomplete="off"
      spellcheck="false"
      .value="${host.settings[key]}"
      aria-invalid="${error ? 'true' : 'false'}"
      aria-describedby="${describedBy(id, true, error, target ? `${id}-target` : '')}"
      @input="${(e: Event) => host.set(key, value(e))}"
    />
    ${errorLine(id, error)}
    ${
      suggestion
        ? html`<button
            type="button"
            class="small suggestion"
            id="${id}-use"
            @click="${() => host.settle(id, () => host.set(key, suggestion))}"
          >
            Use ${suggestion}
          </button>`
        : nothing
    }
    ${target ? formTarget(host, target) : nothing}
  </div>`;
}

/** “Messages will be sent to …”, and the confirmation an address from a shared link needs. */
function formTarget(host: ChoicesHost, target: FormTarget) {
  const pending = host.checked.actionFromLink;
  const where =
    target.kind === 'absolute'
      ? html`<strong class="address">${target.href}</strong>`
      : html`your own site, the one the article is
          on${target.kind === 'page' ? ', relative to the page’s address' : ''}: on a page at
          ${EXAMPLE_PAGE}, that is <strong class="address">${target.href}</strong>`;
  return html`<p class="target" id="action-target">
      ${pending ? 'Once confirmed, messages will be sent to' : 'Messages will be sent to'} ${where}.
    </p>
    ${
      pending
        ? html`<button
            type="button"
            class="small"
            id="action-confirm"
            @click="${() => host.settle('action', () => host.confirmAction())}"
          >
            This address is mine: use it
          </button>`
        : nothing
    }`;
}

/** The form's privacy and crisis lines, shown with their words: “Show the … line”. */
function formLine(host: ChoicesHost, key: keyof typeof FORM_LINES) {
  const words =
    key === 'noPrivacyNote'
      ? formStrings.privacy
      : formStrings.crisis.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  const what = key === 'noPrivacyNote' ? 'privacy' : 'crisis';
  return html`<div class="field">
    <label class="choice">
      <input
        id="${FORM_LINES[key]}"
        type="checkbox"
        .checked="${!host.settings[key]}"
        @change="${(e: Event) => host.set(key, !(e.target as HTMLInputElement).checked)}"
      />
      Show the ${what} line (“${words}”)
    </label>
  </div>`;
}

/** The controls for these attributes, where they mean something. */
function controls(host: ChoicesHost, keys: readonly TableKey[]) {
  return keys
    .filter((key) => host.checked.applies.has(key) || (!row(key).onlyWith && !reachOf(key)))
    .map((key) => {
      const id = (Object.keys(ADDRESSES) as (keyof typeof ADDRESSES)[]).find(
        (a) => ADDRESSES[a] === key,
      );
      if (id) return address(host, id);
      if (key in FORM_LINES) return formLine(host, key as keyof typeof FORM_LINES);
      return control(host, key);
    });
}

/** A colour picker, showing the look's own colour until one is chosen. */
function colour(host: ChoicesHost, key: ColourKey) {
  const chosen = host.settings[key];
  const error = host.checked.errors[key];
  const look = (host.settings.theme === 'dark' ? LOOKS.dark : LOOKS.light) ?? LOOKS.light;
  const own = look ? {accent: look.accent, color: look.color, background: look.background} : null;
  return html`<div class="field colour">
    <label for="${key}">${COLOURS[key].label}</label>
    <div class="row">
      <input
        id="${key}"
        type="color"
        .value="${/^#[0-9a-f]{6}$/i.test(chosen) ? chosen : (own?.[key] ?? '#000000')}"
        aria-invalid="${error ? 'true' : 'false'}"
        aria-describedby="${describedBy(key, true, error)}"
        @input="${(e: Event) => host.set(key, value(e))}"
      />
      <span class="hint" id="${key}-hint">${chosen ? chosen : 'The look’s own'}</span>
      ${
        chosen
          ? html`<button type="button" class="small" @click="${() => host.set(key, '')}">
              Use the look’s own <span class="visually-hidden">${COLOURS[key].label}</span>
            </button>`
          : nothing
      }
    </div>
    ${errorLine(key, error)}
  </div>`;
}

/** The first choice, before the preview on a phone: the look. */
export function firstChoices(host: ChoicesHost) {
  return control(host, 'theme', LOOK_HINTS[host.settings.theme]);
}

/** Where each attribute is chosen: the teaser's beside the layout, the reach's beside it. */
const isTeaser = (key: TableKey) => key === 'layout' || 'layout' in (row(key).onlyWith ?? {});
const isTitle = (key: TableKey) => row(key).attribute.startsWith('heading');

/** Every other choice, after the preview on a phone. */
export function otherChoices(host: ChoicesHost) {
  const s = host.settings;
  const rest = TABLE_KEYS.filter((k) => k !== 'theme' && !reachOf(k) && !isTeaser(k));
  const warnings = host.warnings;
  return html`<fieldset>
      <legend>Colours and type</legend>
      ${(Object.keys(COLOURS) as ColourKey[]).map((key) => colour(host, key))}
      ${
        warnings.length
          ? html`<div class="warning" id="contrast-warning" role="status">
              ${warnings.map((w) => html`<p>${w}</p>`)}
            </div>`
          : html`<div id="contrast-warning" role="status"></div>`
      }
      ${select(
        'font',
        'Font',
        Object.entries(FONTS).map(([k, f]) => [k, f.label] as const),
        s.font,
        (v) => host.set('font', v as Settings['font']),
      )}
      ${select('width', 'Width of the text', Object.entries(WIDTHS), s.width, (v) =>
        host.set('width', v as Settings['width']),
      )}
      ${select('radius', 'Corners', Object.entries(RADII), s.radius, (v) =>
        host.set('radius', v as Settings['radius']),
      )}
    </fieldset>

    <fieldset>
      <legend>Title</legend>
      ${controls(host, rest.filter(isTitle))}
    </fieldset>

    <fieldset>
      <legend>How much is shown</legend>
      ${controls(host, TABLE_KEYS.filter(isTeaser))}
    </fieldset>

    <fieldset>
      <legend>How visitors reach out</legend>
      <div class="choices">
        ${radioChoices('reach', REACH, s.reach, (v) => host.set('reach', v))}
      </div>
      ${controls(
        host,
        TABLE_KEYS.filter((k) => reachOf(k) === s.reach),
      )}
    </fieldset>

    ${
      rest.some((k) => !isTitle(k))
        ? html`<fieldset>
            <legend>More</legend>
            ${controls(
              host,
              rest.filter((k) => !isTitle(k)),
            )}
          </fieldset>`
        : nothing
    }

    <div class="actions">
      <button type="button" id="reset" @click="${() => host.reset()}">Reset to the defaults</button>
      <p class="hint">
        This page’s address now holds your choices: bookmark it or send it to your web designer.
        Nothing is sent anywhere or stored.
      </p>
    </div>`;
}

/** One radio button per option, `current` checked; `change` gets the value chosen. */
export function radioChoices<T extends string>(
  name: string,
  options: Readonly<Record<T, string>>,
  current: T,
  change: (value: T) => void,
) {
  return (Object.entries(options) as [T, string][]).map(
    ([value, text]) =>
      html`<label class="choice">
        <input
          type="radio"
          name="${name}"
          value="${value}"
          .checked="${current === value}"
          @change="${() => change(value)}"
        />
        ${text}
      </label>`,
  );
}
