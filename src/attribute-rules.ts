/**
 * How every attribute becomes what the element renders: one row per attribute, with how its
 * value is normalised, what an absent or refused value means, and how the warning names that
 * fallback. The element applies the table in `willUpdate`; nothing else decides these things.
 */
import {article} from './content/article.js';
import type {FormStrings} from './content/form-strings.js';
import {
  CTA_TARGETS,
  DEFAULTS,
  FORM_DEFAULTS,
  FORM_ENCODINGS,
  LAYOUTS,
  TEASER_DEFAULTS,
  THEMES,
} from './options.js';
import {safeUrl} from './safe-url.js';

/** One attribute's rule. */
export interface AttributeRule<T> {
  /** The attribute's name, as the warning quotes it. */
  readonly attribute: string;
  /** The value to render, or `undefined` when the given value is refused. */
  readonly normalise: (value: unknown) => T | undefined;
  /** What an absent, empty or refused value means. */
  readonly fallback: T;
  /** How the warning names the fallback (“using …”); the fallback as JSON when absent. */
  readonly shown?: string;
}

/** A keyword from `list`, compared trimmed and case-insensitively. */
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): T | undefined => {
    const word = String(value ?? '')
      .trim()
      .toLowerCase();
    return (list as readonly string[]).includes(word) ? (word as T) : undefined;
  };

/** The given texts, `undefined` unless an object (the form puts them over its English ones). */
const givenStrings = (given: unknown): Partial<FormStrings> | undefined =>
  given && typeof given === 'object' && !Array.isArray(given) ? given : undefined;

/** The table, keyed by the element's property name. */
export const ATTRIBUTE_RULES = {
  headingLevel: {
    attribute: 'heading-level',
    normalise: (v) => (Number.isInteger(v) && +v! >= 1 && +v! <= 6 ? (v as number) : undefined),
    fallback: DEFAULTS.headingLevel as number,
  },
  ctaHref: {
    attribute: 'cta-href',
    normalise: (v) => (v == null ? undefined : (safeUrl(String(v)) ?? undefined)),
    fallback: DEFAULTS.ctaHref as string,
  },
  ctaLabel: {
    attribute: 'cta-label',
    normalise: (v) => (v == null ? '' : String(v).trim()) || undefined,
    fallback: DEFAULTS.ctaLabel as string,
  },
  ctaTarget: {
    attribute: 'cta-target',
    normalise: oneOf(CTA_TARGETS),
    fallback: DEFAULTS.ctaTarget,
  },
  theme: {
    attribute: 'theme',
    normalise: oneOf(THEMES),
    fallback: undefined,
    shown: 'the page’s own look',
  },
  layout: {
    attribute: 'layout',
    normalise: oneOf(LAYOUTS),
    fallback: TEASER_DEFAULTS.layout,
  },
  teaserParagraphs: {
    attribute: 'teaser-paragraphs',
    // At least one paragraph is left to reveal.
    normalise: (v) =>
      Number.isInteger(v) && +v! >= 1 && +v! < article.paragraphs.length
        ? (v as number)
        : undefined,
    fallback: TEASER_DEFAULTS.paragraphs as number,
  },
  readMoreHref: {
    attribute: 'read-more-href',
    normalise: (v) => (v == null ? undefined : (safeUrl(String(v)) ?? undefined)),
    fallback: '',
    shown: 'the button that opens the rest in place',
  },
  formAction: {
    attribute: 'form-action',
    normalise: (v) => (v == null ? undefined : (safeUrl(String(v), undefined, true) ?? undefined)),
    fallback: '',
    shown: 'the link',
  },
  formEncoding: {
    attribute: 'form-encoding',
    normalise: oneOf(FORM_ENCODINGS),
    fallback: FORM_DEFAULTS.encoding,
  },
  formTimeout: {
    attribute: 'form-timeout',
    normalise: (ms) =>
      (ms as number) > 0 && (ms as number) < 2 ** 31 ? (ms as number) : undefined,
    fallback: FORM_DEFAULTS.timeout as number,
  },
  strings: {
    attribute: 'form-strings',
    normalise: givenStrings,
    fallback: {} as Partial<FormStrings>,
    shown: 'the defaults',
  },
} satisfies Record<string, AttributeRule<unknown>>;

type Rules = typeof ATTRIBUTE_RULES;

/** What the element renders from its attributes, every value already checked. */
export type Settings = {
  [K in keyof Rules]: Rules[K] extends AttributeRule<infer T> ? T : never;
};

/**
 * Applies one rule: the normalised value when there is one; otherwise the fallback, with one
 * console warning per bad value (`warned` remembers the last per attribute). An absent or
 * empty attribute is not an error: it simply means the default.
 */
export function applyRule<T>(rule: AttributeRule<T>, raw: unknown, warned: Map<string, string>): T {
  const valid = rule.normalise(raw);
  if (valid !== undefined) return valid;
  const given = raw == null ? '' : String(raw);
  if (given.trim() !== '' && warned.get(rule.attribute) !== given) {
    warned.set(rule.attribute, given);
    const value = given.length > 80 ? `${given.slice(0, 80)}…` : given;
    console.warn(
      `<therapist-attachment-article>: ignored ${rule.attribute}=${JSON.stringify(value)}; ` +
        `using ${rule.shown ?? JSON.stringify(rule.fallback)}.`,
    );
  }
  return rule.fallback;
}
