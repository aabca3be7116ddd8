/**
 * The configurator's settings: what an owner can choose, the defaults, and the check that turns
 * them into the attributes and custom properties the element accepts.
 *
 * Every attribute of the element's table (src/attributes.ts) is a setting, its default and its
 * check taken from its row, unless `NOT_OFFERED` says why not; the controls, the code for every
 * platform and the shared link loop over the same table, so a new attribute appears everywhere
 * without a line here. Only what a person needs a special control for is named: the way to
 * reach out, the three addresses (site/addresses.ts), the form's two lines and the look.
 */
import {
  ATTRIBUTES,
  ATTRIBUTE_WORDS,
  normalise,
  type Attribute,
  type AttributeKey,
} from '../src/attributes.js';
import {
  checkAction,
  checkLink,
  checkReadMore,
  type ActionCheck,
  type FormTarget,
} from './addresses.js';
import type {PAGE_COLOURS} from './contrast.js';
import {textOn} from './luminance.js';

/** Attributes the configurator leaves to the documentation, and why. */
export const NOT_OFFERED = [
  'formTimeout', // a technical wait: the default suits every form service
  'formListener', // delivery by the site's own code, which a configurator cannot write
  'strings', // the form's texts as JSON: docs/contact-form.md
] as const satisfies readonly AttributeKey[];
export type TableKey = Exclude<AttributeKey, (typeof NOT_OFFERED)[number]>;
export const TABLE_KEYS = (Object.keys(ATTRIBUTES) as AttributeKey[]).filter(
  (key): key is TableKey => !(NOT_OFFERED as readonly string[]).includes(key),
);
export const row = (key: TableKey): Attribute => ATTRIBUTES[key];

/** The form's lines, shown as “Show the … line” (and `privacy=off` in a shared link). */
export const FORM_LINES = {noPrivacyNote: 'privacy', noCrisisLine: 'crisis'} as const;

/** The most paragraphs a teaser may show (scripts/frame-heights.mjs measures each). */
export const TEASER_MAX = ATTRIBUTES.teaserParagraphs.max;

export const REACH = {link: 'A button with a link', form: 'A contact form'} as const;
export type Reach = keyof typeof REACH;

/**
 * The way to reach out an attribute belongs to: `cta-…` the link's, `form-…` and the form's
 * lines the form's; any other attribute counts whichever is chosen.
 */
export function reachOf(key: TableKey): Reach | undefined {
  const name = row(key).attribute;
  if (name.startsWith('form-') || key in FORM_LINES) return 'form';
  return name.startsWith('cta-') ? 'link' : undefined;
}

/** Font choices: the site's own, or stacks that exist on every device (nothing is downloaded). */
export const FONTS = {
  '': {label: 'The site’s own font', stack: ''},
  system: {
    label: 'The device’s own sans-serif (system-ui)',
    stack: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  serif: {label: 'Classic serif (Georgia)', stack: 'Georgia, "Times New Roman", Times, serif'},
  humanist: {
    label: 'Open sans-serif (Verdana, Tahoma)',
    stack: 'Verdana, Tahoma, "DejaVu Sans", sans-serif',
  },
} as const;
export type FontKey = keyof typeof FONTS;

/** Widths of the reading column (`--therapist-article-max-width`). */
export const WIDTHS = {
  '': 'Comfortable (default)',
  '56ch': 'Narrow',
  '80ch': 'Wide',
  none: 'Full width of its space',
} as const;
export type WidthKey = keyof typeof WIDTHS;

/** Corner radius of the button and of themed backgrounds (`--therapist-article-radius`). */
export const RADII = {
  '': 'Slightly rounded (default)',
  '0': 'Square',
  '1rem': 'Rounded',
  '1.5rem': 'Very rounded',
} as const;
export type RadiusKey = keyof typeof RADII;

/** The colours an owner may set, with the custom properties each one sets. */
export const COLOURS = {
  accent: {label: 'Button colour', properties: ['--therapist-article-accent']},
  color: {
    label: 'Text colour',
    properties: ['--therapist-article-color', '--therapist-article-heading-color'],
  },
  background: {label: 'Background colour', properties: ['--therapist-article-background']},
} as const;
export type ColourKey = keyof typeof COLOURS;

/** A table attribute's setting: a switch, or the text of its field or choice as given. */
type TableSettings = {
  [K in TableKey]: (typeof ATTRIBUTES)[K] extends {type: 'boolean'} ? boolean : string;
};
/** The look's settings, beside the attributes: colours (`''` or `#rrggbb`), font, width. */
export interface LookSettings {
  accent: string;
  color: string;
  background: string;
  font: FontKey;
  width: WidthKey;
  radius: RadiusKey;
}
export type Settings = TableSettings & LookSettings & {reach: Reach};

/** The setting a row starts with: its default, as a field shows it. */
function defaultSetting(r: Attribute): string | boolean {
  if (r.type === 'boolean') return r.default;
  if (r.type === 'json') return '';
  return r.default === undefined ? '' : String(r.default);
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  ...(Object.fromEntries(TABLE_KEYS.map((k) => [k, defaultSetting(row(k))])) as TableSettings),
  accent: '',
  color: '',
  background: '',
  font: '',
  width: '',
  radius: '',
  reach: 'link',
};

/** How the page behind the preview looks, and how wide it is: not part of the code. */
export const PREVIEW_WIDTHS = {phone: 375, tablet: 768, desktop: 1280} as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;
export const PAGES = {light: 'Light page', dark: 'Dark page'} as const;
export type Page = keyof typeof PAGES & keyof typeof PAGE_COLOURS;
export interface View {
  width: PreviewWidth;
  page: Page;
}
export const DEFAULT_VIEW: Readonly<View> = {width: 'desktop', page: 'light'};

/** The address fields, by the id of their control. */
export const ADDRESSES = {href: 'ctaHref', readMore: 'readMoreHref', action: 'formAction'} as const;

export interface CheckOptions {
  /** The form's address as a shared link brought it, until the owner confirms it. */
  readonly unconfirmedAction?: string | undefined;
  /** The owner has typed in the form's address field. */
  readonly actionTouched?: boolean;
}

export interface Checked {
  /** Messages in words, by the id of the control. A refused value is left out of all below. */
  readonly errors: Readonly<Record<string, string>>;
  /** The address a refused value probably meant, by the id of the control. */
  readonly suggestions: Readonly<Record<string, string>>;
  /** Where messages go, once the form's address is valid (also while it awaits confirmation). */
  readonly formTarget?: FormTarget;
  /** The form's address came from a shared link and waits for the owner's confirmation. */
  readonly actionFromLink?: boolean;
  /** The form is chosen and its address not yet typed: no error, the code keeps the button. */
  readonly actionWaiting?: boolean;
  /** Which table attributes mean something with these settings (their `onlyWith`, the reach). */
  readonly applies: ReadonlySet<TableKey>;
  /** The element's attributes that differ from its defaults, in the table's order. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The preview's: the same, and the form at once (sending nothing) while it has no address. */
  readonly preview: Readonly<Record<string, string>>;
  /** The custom properties to set on the element for the chosen look. */
  readonly properties: Readonly<Record<string, string>>;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

/** The message for a number the element refuses. */
const numberError = (key: TableKey, r: Attribute & {min: number; max: number}, typed: string) =>
  `${ATTRIBUTE_WORDS[key].label}: “${typed}” is not a ${r.type === 'integer' ? 'whole ' : ''}number from ${r.min} to ${r.max}. Until it is, the article uses ${r.shown ?? String(r.default)}.`;

/** Does a row's `onlyWith` hold, given the values decided so far? */
function holds(r: Attribute, values: Partial<Record<TableKey, unknown>>): boolean {
  return Object.entries(r.onlyWith ?? {}).every(([key, wanted]) => {
    const value = values[key as TableKey];
    return wanted === true ? value !== undefined && value !== '' : value === wanted;
  });
}

/** Checks the settings by the element's rules. */
export function check(s: Settings, options: CheckOptions = {}): Checked {
  const errors: Record<string, string> = {};
  const suggestions: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  const preview: Record<string, string> = {};
  const values: Partial<Record<TableKey, unknown>> = {};
  const applies = new Set<TableKey>();
  let formTarget: FormTarget | undefined;
  let actionFromLink = false;
  let actionWaiting = false;
  /** The form counts once its address does; until then the preview shows it sending nothing. */
  let formReady = false;

  for (const key of TABLE_KEYS) {
    const r = row(key);
    const reach = reachOf(key);
    values[key] = r.default;
    if ((reach && reach !== s.reach) || !holds(r, values)) continue;
    applies.add(key);
    const typed = s[key];
    let value: unknown;
    const address = Object.entries(ADDRESSES).find(([, k]) => k === key)?.[0];
    if (address) {
      const found: ActionCheck =
        key === 'formAction'
          ? checkAction(String(typed), {
              unconfirmed: options.unconfirmedAction,
              touched: options.actionTouched ?? false,
            })
          : (key === 'ctaHref' ? checkLink : checkReadMore)(String(typed));
      if (found.error) errors[address] = found.error;
      if (found.suggestion) suggestions[address] = found.suggestion;
      if (found.target) formTarget = found.target;
      if (found.fromLink) actionFromLink = true;
      if (found.waiting) actionWaiting = true;
      value = found.value;
      if (key === 'formAction') formReady = value !== undefined;
    } else if (r.type === 'boolean') {
      value = typed === true;
    } else if (r.type === 'integer' || r.type === 'number') {
      const text = String(typed).trim();
      if (text !== '') {
        value = normalise(r, Number(text));
        if (value === undefined) errors[r.attribute] = numberError(key, r, text);
      }
    } else if (r.type !== 'json') {
      // enum, text, url: the element's own rule; an empty field means the default
      const text = String(typed).trim();
      if (text !== '') {
        value = normalise(r, text);
        if (value === undefined) {
          errors[r.attribute] = `${ATTRIBUTE_WORDS[key].label}: the article refuses “${text}”.`;
        }
      }
    }
    if (value === undefined || value === r.default || value === false) continue;
    values[key] = value;
    const text = value === true ? '' : String(value);
    preview[r.attribute] = text;
    if (reach !== 'form' || formReady) attributes[r.attribute] = text;
  }
  // Until the form has its address, the preview shows it at once, sending nothing (preview.ts).
  if (s.reach === 'form' && !formReady) preview['form-listener'] = '';

  const properties: Record<string, string> = {};
  for (const key of Object.keys(COLOURS) as ColourKey[]) {
    const value = s[key];
    if (value === '') continue;
    if (!COLOUR.test(value)) {
      errors[key] = 'Choose a colour with the colour picker (a value such as #2b5d53).';
      continue;
    }
    for (const property of COLOURS[key].properties) properties[property] = value.toLowerCase();
  }
  // The button's text: black or white, whichever reads better on the chosen colour.
  const accent = properties['--therapist-article-accent'];
  if (accent) properties['--therapist-article-accent-text'] = textOn(accent);
  const font = FONTS[s.font] ? FONTS[s.font].stack : '';
  if (font) properties['--therapist-article-font'] = font;
  if (s.width && s.width in WIDTHS) properties['--therapist-article-max-width'] = s.width;
  if (s.radius && s.radius in RADII) properties['--therapist-article-radius'] = s.radius;

  return {
    errors,
    suggestions,
    ...(formTarget ? {formTarget} : {}),
    ...(actionFromLink ? {actionFromLink} : {}),
    ...(actionWaiting ? {actionWaiting} : {}),
    applies,
    attributes,
    preview,
    properties,
  };
}
