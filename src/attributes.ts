/**
 * The element's attributes, in one table: for each, what it accepts, what an absent or refused
 * value means, how the warning names that fallback, whether the WordPress plugin offers it and
 * whether it decides where visitors' messages go. The element applies it in `willUpdate`; the
 * pre-rendered parts, the WordPress plugin (its specs, `block.json`, the block editor's
 * controls), the configurator and the end-to-end matrix are generated from it or loop over it.
 * How to add an attribute: docs/development.md.
 *
 * The words a person reads for each attribute (`ATTRIBUTE_WORDS`) are a second object with the
 * same keys, so that they cost the drop-in nothing: the element never imports them.
 */
import {article} from './content/article.js';
import type {FormStrings} from './content/form-strings.js';
import {safeUrl} from './safe-url.js';

/** The ready-made looks. No `theme` attribute means: blend into the page. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** Where a link opens. */
export const CTA_TARGETS = ['_self', '_blank', '_top'] as const;
export type CtaTarget = (typeof CTA_TARGETS)[number];

/** How the contact form's fields are sent. */
export const FORM_ENCODINGS = ['json', 'urlencoded'] as const;
export type FormEncoding = (typeof FORM_ENCODINGS)[number];

/** How much of the article is shown at first: all of it, or its opening and a button. */
export const LAYOUTS = ['full', 'teaser'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The heading levels the title may take. */
export const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;

/** What every attribute's row says. */
interface Row<T> {
  /** The attribute's name, as the warning quotes it. Shortcode: `_` for `-`; block: the key. */
  readonly attribute: string;
  /** What an absent, empty or refused value means. */
  readonly default: T;
  /** How the warning names the default (“using …”); the default as JSON when absent. */
  readonly shown?: string;
  /** Not offered by the WordPress plugin's shortcode and block. */
  readonly wordpress?: false;
  /** Decides where visitors' messages go: on WordPress, only users trusted with that set it. */
  readonly routesMessages?: true;
  /** Means something only beside these (property: value, or `true` for any value). */
  readonly onlyWith?: Readonly<Record<string, string | true>>;
}

/** One attribute: its row and the kind of value it takes. */
export type Attribute =
  | (Row<number> & {
      readonly type: 'integer' | 'number';
      readonly min: number;
      readonly max: number;
    })
  | (Row<string | undefined> & {readonly type: 'enum'; readonly values: readonly string[]})
  | (Row<string> & {readonly type: 'url' | 'form-url'})
  | (Row<string> & {readonly type: 'text'; readonly maxLength: number})
  | (Row<boolean> & {readonly type: 'boolean'})
  | (Row<Partial<FormStrings>> & {readonly type: 'json'});

/** The table, keyed by the element's property name, in the order people meet them. */
export const ATTRIBUTES = {
  headingLevel: {attribute: 'heading-level', type: 'integer', min: 1, max: 6, default: 2},
  theme: {
    attribute: 'theme',
    type: 'enum',
    values: THEMES,
    default: undefined,
    shown: 'the page’s own look',
  },
  layout: {attribute: 'layout', type: 'enum', values: LAYOUTS, default: 'full'},
  // Three paragraphs end the teaser on the article's hook (“Well – here is a straight up
  // answer from a therapist …”), just before the answer; at least one is left to reveal.
  teaserParagraphs: {
    attribute: 'teaser-paragraphs',
    type: 'integer',
    min: 1,
    max: article.paragraphs.length - 1,
    default: 3,
    onlyWith: {layout: 'teaser'},
  },
  readMoreHref: {
    attribute: 'read-more-href',
    type: 'url',
    default: '',
    shown: 'the button that opens the rest in place',
    onlyWith: {layout: 'teaser'},
  },
  readMoreTarget: {
    attribute: 'read-more-target',
    type: 'enum',
    values: CTA_TARGETS,
    default: '_self',
    onlyWith: {layout: 'teaser', readMoreHref: true},
  },
  ctaHref: {attribute: 'cta-href', type: 'url', default: '#contact'},
  ctaLabel: {attribute: 'cta-label', type: 'text', maxLength: 120, default: 'Reach out'},
  ctaTarget: {attribute: 'cta-target', type: 'enum', values: CTA_TARGETS, default: '_self'},
  formAction: {
    attribute: 'form-action',
    type: 'form-url',
    default: '',
    shown: 'the link',
    routesMessages: true,
  },
  formEncoding: {attribute: 'form-encoding', type: 'enum', values: FORM_ENCODINGS, default: 'json'},
  formTimeout: {
    attribute: 'form-timeout',
    type: 'number',
    min: 1,
    max: 2 ** 31 - 1,
    default: 15000,
    wordpress: false,
  },
  noPrivacyNote: {attribute: 'no-privacy-note', type: 'boolean', default: false, wordpress: false},
  noCrisisLine: {attribute: 'no-crisis-line', type: 'boolean', default: false, wordpress: false},
  formListener: {attribute: 'form-listener', type: 'boolean', default: false, wordpress: false},
  strings: {
    attribute: 'form-strings',
    type: 'json',
    default: {},
    shown: 'the defaults',
    wordpress: false,
  },
} as const satisfies Record<string, Attribute>;

export type AttributeKey = keyof typeof ATTRIBUTES;

/** The value an attribute's row gives the element. */
type ValueOf<A> = A extends {type: 'integer' | 'number'}
  ? number
  : A extends {type: 'enum'; values: readonly (infer V)[]; default: infer D}
    ? V | D
    : A extends {type: 'boolean'}
      ? boolean
      : A extends {type: 'json'}
        ? Partial<FormStrings>
        : string;

/** What the element renders from its attributes, every value already checked. */
export type Settings = {-readonly [K in AttributeKey]: ValueOf<(typeof ATTRIBUTES)[K]>};

/** The defaults, as the element starts. */
export const DEFAULTS = Object.fromEntries(
  Object.entries(ATTRIBUTES).map(([key, row]) => [key, row.default]),
) as Settings;

/**
 * The value to render, or `undefined` when the given value is refused. Keywords are compared
 * trimmed and case-insensitively; URLs pass `safeUrl` (`form-url`: its stricter rule for where
 * a message is sent); text is trimmed, and empty text is refused.
 */
export function normalise(row: Attribute, value: unknown): unknown {
  switch (row.type) {
    case 'integer':
    case 'number': {
      const n = value as number;
      return (row.type === 'number' || Number.isInteger(n)) && n >= row.min && n <= row.max
        ? n
        : undefined;
    }
    case 'enum': {
      const word = String(value ?? '')
        .trim()
        .toLowerCase();
      return row.values.includes(word) ? word : undefined;
    }
    case 'url':
    case 'form-url':
      return value == null
        ? undefined
        : (safeUrl(String(value), undefined, row.type === 'form-url') ?? undefined);
    case 'text':
      return (value == null ? '' : String(value).trim()) || undefined;
    case 'boolean':
      return !!value;
    case 'json':
      return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  }
}

/**
 * Applies one row: the normalised value when there is one; otherwise the default, with one
 * console warning per bad value (`warned` remembers the last per attribute). An absent or
 * empty attribute is not an error: it simply means the default.
 */
export function applyAttribute(row: Attribute, raw: unknown, warned: Map<string, string>): unknown {
  const valid = normalise(row, raw);
  if (valid !== undefined) return valid;
  const given = raw == null ? '' : String(raw);
  if (given.trim() !== '' && warned.get(row.attribute) !== given) {
    warned.set(row.attribute, given);
    const value = given.length > 80 ? `${given.slice(0, 80)}…` : given;
    console.warn(
      `<therapist-attachment-article>: ignored ${row.attribute}=${JSON.stringify(value)}; ` +
        `using ${row.shown ?? JSON.stringify(row.default)}.`,
    );
  }
  return row.default;
}

/** The words a person reads where an attribute is chosen (the configurator, the block editor). */
export interface Words {
  readonly label: string;
  readonly hint?: string;
  /** How each value is named, for a choice from a list (`''`: the attribute left out). */
  readonly choices?: Readonly<Record<string, string>>;
}

const TARGET_CHOICES = {
  _self: 'The same tab',
  _blank: 'A new tab',
  _top: 'The whole window (out of an embed’s frame)',
} as const;

/** Every attribute's words; not bundled into the drop-in. */
export const ATTRIBUTE_WORDS = {
  headingLevel: {
    label: 'Heading level of the title',
    hint: 'Usually H2: the page title is the H1.',
  },
  theme: {
    label: 'Look',
    choices: {
      '': 'Blend into the page',
      light: 'Light',
      dark: 'Dark',
      auto: 'Light or dark, as the visitor’s device is set',
    },
  },
  layout: {
    label: 'Layout',
    choices: {full: 'The whole article', teaser: 'A teaser: the opening paragraphs'},
  },
  teaserParagraphs: {
    label: 'Paragraphs shown',
    hint: 'Before “Continue reading”; at least one stays for it.',
  },
  readMoreHref: {
    label: 'Full post’s URL',
    hint: 'Leave empty to show the rest in place. Or the address of the whole article elsewhere (https:, or a page of this site): “Continue reading” links there, and search engines get only the opening.',
  },
  readMoreTarget: {
    label: 'Open the full post in',
    hint: 'In an embed’s frame (Wix’s Embed HTML, Google Sites), choose the whole window or a new tab.',
    choices: TARGET_CHOICES,
  },
  ctaHref: {
    label: 'Button link',
    hint: 'A page on your site (/contact), a section of this page (#contact), or an https:, mailto: or tel: link.',
  },
  ctaLabel: {label: 'Button text'},
  ctaTarget: {label: 'Open the link in', choices: TARGET_CHOICES},
  formAction: {
    label: 'Send messages to',
    hint: 'An https: address from your form service, or a path on your own site.',
  },
  formEncoding: {
    label: 'Send the fields as',
    choices: {json: 'JSON', urlencoded: 'Form fields (urlencoded)'},
  },
  formTimeout: {label: 'Wait for the form’s endpoint (milliseconds)'},
  noPrivacyNote: {label: 'Hide the privacy line'},
  noCrisisLine: {label: 'Hide the crisis line'},
  formListener: {label: 'Deliver messages with your own code'},
  strings: {label: 'The form’s texts (JSON)'},
} as const satisfies {readonly [K in AttributeKey]: Words};
