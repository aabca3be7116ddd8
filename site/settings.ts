/**
 * The configurator's settings: what an owner can choose, the defaults, and the check that turns
 * them into the attributes and custom properties the element accepts. Every rule comes from the
 * element's own modules (`src/attributes.ts`, `src/safe-url.ts`); a
 * value the element would refuse gets a message in words and is left out of the code.
 */
import {
  ATTRIBUTES,
  CTA_TARGETS,
  DEFAULTS,
  FORM_ENCODINGS,
  HEADING_LEVELS,
  LAYOUTS,
  THEMES,
  normalise,
  type CtaTarget,
  type FormEncoding,
  type Layout,
  type Theme,
} from '../src/attributes.js';
import {URL_SCHEMES, safeUrl} from '../src/safe-url.js';

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

/** The most paragraphs a teaser may show: at least one is left for “Continue reading”. */
export const TEASER_MAX = ATTRIBUTES.teaserParagraphs.max;

export const REACH = {link: 'A button with a link', form: 'A contact form'} as const;
export type Reach = keyof typeof REACH;

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

export interface Settings {
  /** `''`: no `theme` attribute, the article blends into the page. */
  theme: '' | Theme;
  /** `''` or `#rrggbb`. */
  accent: string;
  color: string;
  background: string;
  font: FontKey;
  width: WidthKey;
  radius: RadiusKey;
  headingLevel: number;
  layout: Layout;
  /** As typed (a number field's text): checked by the element's `teaser-paragraphs` rule. */
  teaserParagraphs: string;
  /** `''`: “Continue reading” opens the rest in place. */
  readMoreHref: string;
  reach: Reach;
  href: string;
  label: string;
  target: CtaTarget;
  action: string;
  encoding: FormEncoding;
  privacyNote: boolean;
  crisisLine: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: '',
  accent: '',
  color: '',
  background: '',
  font: '',
  width: '',
  radius: '',
  headingLevel: DEFAULTS.headingLevel,
  layout: DEFAULTS.layout,
  teaserParagraphs: String(DEFAULTS.teaserParagraphs),
  readMoreHref: '',
  reach: 'link',
  href: DEFAULTS.ctaHref,
  label: DEFAULTS.ctaLabel,
  target: DEFAULTS.ctaTarget,
  action: '',
  encoding: DEFAULTS.formEncoding,
  privacyNote: true,
  crisisLine: true,
};

/** How the page behind the preview looks, and how wide it is: not part of the code. */
export const PREVIEW_WIDTHS = {phone: 375, tablet: 768, desktop: 1280} as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;
export const PAGES = {light: 'Light page', dark: 'Dark page'} as const;
export type Page = keyof typeof PAGES;
export interface View {
  width: PreviewWidth;
  page: Page;
}
export const DEFAULT_VIEW: Readonly<View> = {width: 'desktop', page: 'light'};

/** Fields whose value can be refused, each with its message. */
export type Errors = Partial<
  Record<'href' | 'action' | 'paragraphs' | 'readMore' | ColourKey, string>
>;

/** The address fields whose value can get a “Did you mean …?” with one click to accept. */
export type Suggestions = Partial<Record<'href' | 'action' | 'readMore', string>>;

/** Where the form will actually send messages, for “Messages will be sent to …”. */
export interface FormTarget {
  /** The absolute URL; for a path, as resolved on a page at `EXAMPLE_PAGE`. */
  readonly href: string;
  /** `absolute`: a whole address; `site`: a path from the site's root; `page`: relative. */
  readonly kind: 'absolute' | 'site' | 'page';
  /** The host it names (for an absolute address). */
  readonly host: string;
}

export interface CheckOptions {
  /**
   * The form's address as it came in a shared configurator link (the URL fragment) and the
   * owner has not yet confirmed: while the setting is still exactly this, it is marked and
   * left out of the preview and the code.
   */
  readonly unconfirmedAction?: string | undefined;
}

/** A teaser: how many paragraphs show, and the full post's URL if it is elsewhere. */
export interface Teaser {
  readonly paragraphs: number;
  readonly readMoreHref?: string;
}

export interface Checked {
  /** Messages in words, by field. Each refused value is left out of everything below. */
  readonly errors: Errors;
  /** The address a refused value probably meant, by field (the owner accepts it in one click). */
  readonly suggestions: Suggestions;
  /** Where messages go, once the form's address is valid (also while it awaits confirmation). */
  readonly formTarget?: FormTarget;
  /** The form's address came from a shared link and waits for the owner's confirmation. */
  readonly actionFromLink?: boolean;
  /** The element's attributes that differ from its defaults, in a fixed order. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The custom properties to set on the element for the chosen look. */
  readonly properties: Readonly<Record<string, string>>;
  /** The teaser's paragraphs, and the full post's URL if it is elsewhere. */
  readonly teaser?: Teaser;
  /** A warning that does not stop the code (low contrast). */
  readonly warning?: string;
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const names = URL_SCHEMES.map((s) => `${s}:`);
/** “an https:, http:, mailto: or tel: address”, from the element's own list. */
const schemes = `an ${names.slice(0, -1).join(', ')} or ${names.at(-1)} address`;

/** A page of an owner's site, to show where a path leads. */
export const EXAMPLE_PAGE = 'https://your-site.example/blog/post';
// Extensions of files on one's own site: `contact.html` is a path, not a domain.
const FILE_EXTENSIONS = new Set(
  'html htm xhtml shtml php asp aspx jsp cgi pl py txt md pdf json xml'.split(' '),
);
const DOMAIN =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,63})(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;
const EMAIL = /^[^\s@/:?#<>"]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i;
const PHONE = /^\+?[\d\s().-]+$/;

/** What an owner typed that is neither a path nor a whole address, and what it means. */
type Guess = {kind: 'domain' | 'email' | 'phone'; suggestion: string};

/**
 * A bare domain (`calendly.com/you`), an email address or a phone number, which would
 * otherwise be taken silently as a path on the owner's own site.
 */
function guess(value: string): Guess | undefined {
  if (SCHEME.test(value) || /^[/.?#]/.test(value)) return undefined;
  if (EMAIL.test(value)) return {kind: 'email', suggestion: `mailto:${value}`};
  if (PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7) {
    const number = value
      .replace(/[\s().]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '')
      .replace(/^\+-/, '+');
    return {kind: 'phone', suggestion: `tel:${number}`};
  }
  const tld = DOMAIN.exec(value)?.[1]?.toLowerCase();
  if (tld && !FILE_EXTENSIONS.has(tld)) return {kind: 'domain', suggestion: `https://${value}`};
  return undefined;
}

/**
 * An address that only looks like a path: a `\` anywhere (browsers read it as `/`, so
 * `/\evil.example/x` is another host) or a leading `//` (another host, whatever the page's
 * scheme). The message names the host it would really reach.
 */
function disguisedAddress(value: string): string | undefined {
  const backslash = value.includes('\\');
  if (!backslash && !value.startsWith('//')) return undefined;
  let host = '';
  try {
    const url = new URL(value.replace(/\\/g, '/'), EXAMPLE_PAGE);
    if (url.host !== new URL(EXAMPLE_PAGE).host) host = url.host;
  } catch {
    // unparsable: the message below needs no host
  }
  const elsewhere = host ? `another site (${host})` : 'somewhere other than it looks';
  return backslash
    ? `An address cannot contain “\\”: browsers read it as “/”, so this one would lead to ${elsewhere}. Write the whole address (https://…), or a path with “/” only, such as /contact.`
    : `An address that starts with “//” leads to ${elsewhere}, not to a page of your site. Write the whole address (https://…) if that is where you mean, or a path that starts with a single “/”, such as /contact.`;
}

/** The message for what an owner typed that `guess` recognised, for the button's link. */
function linkGuessError(value: string, g: Guess): string {
  return `“${value}” would be read as a page of your own site. Did you mean ${g.suggestion}? For a page of your site, start it with “/”.`;
}

/** The same for the form's address: messages go only to https: or the site itself. */
function actionGuessError(value: string, g: Guess): string {
  if (g.kind === 'email') {
    return `A form cannot send messages straight to an email address. Enter your form service’s https:// address (Formspree, Basin and others forward messages to ${value}), or the WordPress plugin’s route.`;
  }
  if (g.kind === 'phone') {
    return 'A phone number cannot receive the form’s messages: enter your form service’s https:// address or a path on your own site.';
  }
  return `“${value}” would be read as a path on your own site. Did you mean ${g.suggestion}? For a path on your site, start it with “/”.`;
}

/** Where a valid form address sends messages. */
function formTarget(value: string): FormTarget {
  const url = new URL(value, EXAMPLE_PAGE);
  const kind = SCHEME.test(value) ? 'absolute' : value.startsWith('/') ? 'site' : 'page';
  return {href: url.href, kind, host: url.host};
}

/** The message for a link the element refuses, naming what is wrong where it can. */
function linkError(value: string): string {
  if (value.trim() === '') {
    return 'Enter where the button leads: a web address, a path such as /contact, #contact, mailto: or tel:.';
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme && !(URL_SCHEMES as readonly string[]).includes(scheme)) {
    return `The article refuses “${scheme}:” addresses, which can run code or hide what they open. Use ${schemes}, a path on your site (/contact) or a section of the page (#contact).`;
  }
  return `This is not an address the article can link to. Use ${schemes}, a path on your site (/contact) or a section of the page (#contact).`;
}

function actionError(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return 'Enter where messages are sent: an https:// address from your form service, or a path on your own site such as /wp-json/therapist-attachment-article/v1/contact.';
  }
  const disguised = disguisedAddress(trimmed);
  if (disguised) return disguised;
  if (trimmed.startsWith('#')) {
    return 'A section of the page cannot receive messages: enter an https:// address or a path on your own site.';
  }
  // The element accepts http: only for the page's own origin, which is not known here: a
  // visitor's message must not cross the network readable, so ask for https: or a path.
  if (/^http:/i.test(trimmed)) {
    return 'Messages must travel encrypted: use an https:// address (or a path on your own site, such as /contact).';
  }
  if (safeUrl(trimmed, document.baseURI, true) === null) {
    const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
    return scheme && scheme !== 'https'
      ? `The form sends messages only to https:// addresses or your own site, never to “${scheme}:”.`
      : 'This is not an address the form can send messages to (an address with a user name or password in it is refused too).';
  }
  return undefined;
}

/** The message for a teaser's paragraph count the element refuses. */
const paragraphsError = (value: string) =>
  `Paragraphs shown: “${value.trim()}” is not a whole number from 1 to ${TEASER_MAX} (at least one paragraph is left for “Continue reading”). Until it is, the teaser shows ${DEFAULTS.teaserParagraphs}.`;

/**
 * The message for a full post's address: one the element refuses (it would keep the button),
 * or one that is not a whole web address, which search engines need to credit the full post.
 */
function readMoreError(value: string, safe: string | undefined): string | undefined {
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (safe === undefined && scheme && !(URL_SCHEMES as readonly string[]).includes(scheme)) {
    return `Full post’s URL: the article refuses “${scheme}:” addresses, which can run code or hide what they open. Enter the post’s https:// address; until then “Continue reading” opens the rest in place.`;
  }
  if (safe === undefined || !/^https?:\/\/[^/]/i.test(safe)) {
    return 'Full post’s URL: enter the whole address of the post, such as https://your-site.example/blog/attached (search engines need it to credit the full post). Until then “Continue reading” opens the rest in place.';
  }
  return undefined;
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Checks the settings by the element's rules. */
export function check(settings: Settings, options: CheckOptions = {}): Checked {
  const errors: Errors = {};
  const suggestions: Suggestions = {};
  const attributes: Record<string, string> = {};
  const properties: Record<string, string> = {};
  const s = settings;

  const level = (HEADING_LEVELS as readonly number[]).includes(s.headingLevel)
    ? s.headingLevel
    : DEFAULTS.headingLevel;
  if (level !== DEFAULTS.headingLevel) attributes['heading-level'] = String(level);
  const theme = (THEMES as readonly string[]).includes(s.theme) ? s.theme : '';
  if (theme) attributes['theme'] = theme;

  // The teaser, by the element's own rules for `layout`, `teaser-paragraphs`, `read-more-href`.
  const layout = (normalise(ATTRIBUTES.layout, s.layout) as Layout | undefined) ?? DEFAULTS.layout;
  let teaser: Teaser | undefined;
  if (layout === 'teaser') {
    attributes['layout'] = layout;
    const typed = s.teaserParagraphs.trim();
    let paragraphs: number = DEFAULTS.teaserParagraphs;
    if (typed !== '') {
      const valid = normalise(ATTRIBUTES.teaserParagraphs, Number(typed)) as number | undefined;
      if (valid === undefined) errors.paragraphs = paragraphsError(typed);
      else paragraphs = valid;
    }
    if (paragraphs !== DEFAULTS.teaserParagraphs) {
      attributes['teaser-paragraphs'] = String(paragraphs);
    }
    let readMoreHref: string | undefined;
    const typedMore = s.readMoreHref.trim();
    if (typedMore !== '') {
      const safe = normalise(ATTRIBUTES.readMoreHref, s.readMoreHref) as string | undefined;
      const g = guess(typedMore);
      const disguised = disguisedAddress(typedMore);
      const error =
        disguised ??
        (g?.kind === 'domain'
          ? `Full post’s URL: did you mean ${g.suggestion}? The whole address is needed, with https://.`
          : readMoreError(s.readMoreHref, safe));
      if (g?.kind === 'domain' && !disguised) suggestions.readMore = g.suggestion;
      if (error) errors.readMore = error;
      else readMoreHref = safe;
    }
    if (readMoreHref) attributes['read-more-href'] = readMoreHref;
    teaser = {paragraphs, ...(readMoreHref ? {readMoreHref} : {})};
  }

  let target: FormTarget | undefined;
  let actionFromLink = false;
  let action = s.reach === 'form' ? actionError(s.action) : 'not used';
  if (s.reach === 'form' && !action) {
    const trimmed = s.action.trim();
    const g = guess(trimmed);
    if (g) {
      action = actionGuessError(trimmed, g);
      if (g.kind === 'domain') suggestions.action = g.suggestion;
    } else {
      target = formTarget(trimmed);
      if (options.unconfirmedAction !== undefined && s.action === options.unconfirmedAction) {
        actionFromLink = true;
        action =
          'This address came from the link you opened: check it is yours. Until you confirm it, the preview and the code leave it out.';
      }
    }
  }
  if (s.reach === 'form' && action) errors.action = action;
  if (s.reach === 'form' && !action) {
    attributes['form-action'] = s.action.trim();
    if (s.encoding !== DEFAULTS.formEncoding && FORM_ENCODINGS.includes(s.encoding)) {
      attributes['form-encoding'] = s.encoding;
    }
    if (!s.privacyNote) attributes['no-privacy-note'] = '';
    if (!s.crisisLine) attributes['no-crisis-line'] = '';
  } else {
    let href: string = DEFAULTS.ctaHref;
    if (s.reach === 'link') {
      const typed = s.href.trim();
      const disguised = disguisedAddress(typed);
      const g = disguised ? undefined : guess(typed);
      const safe = safeUrl(s.href);
      if (disguised) errors.href = disguised;
      else if (g) {
        errors.href = linkGuessError(typed, g);
        suggestions.href = g.suggestion;
      } else if (safe === null) errors.href = linkError(s.href);
      else href = safe;
    }
    const label = (s.reach === 'link' && s.label.trim()) || DEFAULTS.ctaLabel;
    const opens = s.reach === 'link' && CTA_TARGETS.includes(s.target) ? s.target : '_self';
    if (href !== DEFAULTS.ctaHref) attributes['cta-href'] = href;
    if (label !== DEFAULTS.ctaLabel) attributes['cta-label'] = label;
    if (opens !== DEFAULTS.ctaTarget) attributes['cta-target'] = opens;
  }

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
  if (properties['--therapist-article-accent']) {
    const accent = properties['--therapist-article-accent'];
    properties['--therapist-article-accent-text'] =
      contrast(accent, '#ffffff') >= contrast(accent, '#000000') ? '#ffffff' : '#000000';
  }
  const font = FONTS[s.font] ? FONTS[s.font].stack : '';
  if (font) properties['--therapist-article-font'] = font;
  if (s.width && s.width in WIDTHS) properties['--therapist-article-max-width'] = s.width;
  if (s.radius && s.radius in RADII) properties['--therapist-article-radius'] = s.radius;

  let warning: string | undefined;
  const text = properties['--therapist-article-color'];
  const background = properties['--therapist-article-background'];
  if (text && background && contrast(text, background) < 4.5) {
    warning = `The text colour on the background colour has a contrast of ${contrast(text, background).toFixed(1)}:1; WCAG asks for at least 4.5:1, so some visitors could not read it.`;
  }
  return {
    errors,
    suggestions,
    ...(target ? {formTarget: target} : {}),
    ...(actionFromLink ? {actionFromLink} : {}),
    attributes,
    properties,
    ...(teaser ? {teaser} : {}),
    ...(warning ? {warning} : {}),
  };
}

// The URL fragment: only what differs from the defaults, so a shared link stays short.
const KEYS: Record<keyof Settings | keyof View, string> = {
  theme: 'theme',
  accent: 'accent',
  color: 'text',
  background: 'background',
  font: 'font',
  width: 'width',
  radius: 'radius',
  headingLevel: 'heading',
  layout: 'layout',
  teaserParagraphs: 'paragraphs',
  readMoreHref: 'more',
  reach: 'reach',
  href: 'href',
  label: 'label',
  target: 'target',
  action: 'action',
  encoding: 'encoding',
  privacyNote: 'privacy',
  crisisLine: 'crisis',
  page: 'page',
};
// `width` is both the article's width and the preview's: the preview's is `view`.
const VIEW_KEY = 'view';

/** The settings and the view as a URL fragment (without `#`). */
export function toFragment(settings: Settings, view: View): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = settings[key];
    if (value !== DEFAULT_SETTINGS[key]) {
      params.set(KEYS[key], typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
    }
  }
  if (view.width !== DEFAULT_VIEW.width) params.set(VIEW_KEY, view.width);
  if (view.page !== DEFAULT_VIEW.page) params.set(KEYS.page, view.page);
  return params.toString();
}

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Reads a fragment made by `toFragment`. Choices from a list fall back to the default when
 * unknown; typed text (addresses, the label, colours) is kept as it is and checked like
 * anything typed, so a bad shared value shows its message instead of vanishing.
 */
export function fromFragment(fragment: string): {settings: Settings; view: View} {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const get = (key: keyof Settings | keyof View) => params.get(KEYS[key]);
  const d = DEFAULT_SETTINGS;
  const bool = (value: string | null, fallback: boolean) =>
    value === 'on' ? true : value === 'off' ? false : fallback;
  const keys = <T extends object>(o: T) => Object.keys(o) as Extract<keyof T, string>[];
  const settings: Settings = {
    theme: pick(['', ...THEMES], get('theme'), d.theme),
    accent: get('accent') ?? d.accent,
    color: get('color') ?? d.color,
    background: get('background') ?? d.background,
    font: pick(keys(FONTS), get('font'), d.font),
    width: pick(keys(WIDTHS), get('width'), d.width),
    radius: pick(keys(RADII), get('radius'), d.radius),
    headingLevel: Number(
      pick(HEADING_LEVELS.map(String), get('headingLevel'), String(d.headingLevel)),
    ),
    layout: pick(LAYOUTS, get('layout'), d.layout),
    teaserParagraphs: get('teaserParagraphs') ?? d.teaserParagraphs,
    readMoreHref: get('readMoreHref') ?? d.readMoreHref,
    reach: pick(keys(REACH), get('reach'), d.reach),
    href: get('href') ?? d.href,
    label: get('label') ?? d.label,
    target: pick(CTA_TARGETS, get('target'), d.target),
    action: get('action') ?? d.action,
    encoding: pick(FORM_ENCODINGS, get('encoding'), d.encoding),
    privacyNote: bool(get('privacyNote'), d.privacyNote),
    crisisLine: bool(get('crisisLine'), d.crisisLine),
  };
  const view: View = {
    width: pick(keys(PREVIEW_WIDTHS), params.get(VIEW_KEY), DEFAULT_VIEW.width),
    page: pick(keys(PAGES), get('page'), DEFAULT_VIEW.page),
  };
  return {settings, view};
}
