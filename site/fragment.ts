/**
 * The settings in the page's URL fragment, so that a link shares them (the fragment is never
 * sent to a server). Only what differs from the defaults is written, so a shared link stays
 * short. Each attribute's key is its name (`layout=teaser`); the attributes that had
 * shorter keys before keep them, and links written with either key open the same.
 */
import {ATTRIBUTES, normalise} from '../src/attributes.js';
import {
  DEFAULT_SETTINGS,
  DEFAULT_VIEW,
  FONTS,
  FORM_LINES,
  PAGES,
  PREVIEW_WIDTHS,
  RADII,
  REACH,
  TABLE_KEYS,
  WIDTHS,
  type Settings,
  type TableKey,
  type View,
} from './settings.js';

/** The keys shared links have used since before the attribute table: kept, read and written. */
const SHORT_KEYS: Partial<Record<TableKey, string>> = {
  headingLevel: 'heading',
  teaserParagraphs: 'paragraphs',
  readMoreHref: 'more',
  ctaHref: 'href',
  ctaLabel: 'label',
  ctaTarget: 'target',
  formAction: 'action',
  formEncoding: 'encoding',
};

/** The look's settings, and the preview's (`view`: its width, as `width` is the column's). */
const LOOK_KEYS = {
  accent: 'accent',
  color: 'text',
  background: 'background',
  font: 'font',
  width: 'width',
  radius: 'radius',
  reach: 'reach',
} as const;
const VIEW_KEYS = {width: 'view', page: 'page'} as const;

const keyOf = (key: TableKey): string =>
  key in FORM_LINES
    ? FORM_LINES[key as keyof typeof FORM_LINES]
    : (SHORT_KEYS[key] ?? ATTRIBUTES[key].attribute);

/** A switch as written: the form's lines say whether they are shown. */
const switchText = (key: TableKey, on: boolean) => ((key in FORM_LINES ? !on : on) ? 'on' : 'off');

/** The settings and the view as a URL fragment (without `#`). */
export function toFragment(settings: Settings, view: View, defaultView: View = DEFAULT_VIEW) {
  const params = new URLSearchParams();
  for (const key of TABLE_KEYS) {
    const value = settings[key];
    if (value === DEFAULT_SETTINGS[key]) continue;
    params.set(keyOf(key), typeof value === 'boolean' ? switchText(key, value) : value);
  }
  for (const [key, name] of Object.entries(LOOK_KEYS) as [keyof typeof LOOK_KEYS, string][]) {
    if (settings[key] !== DEFAULT_SETTINGS[key]) params.set(name, settings[key]);
  }
  for (const [key, name] of Object.entries(VIEW_KEYS) as [keyof View, string][]) {
    if (view[key] !== defaultView[key]) params.set(name, view[key]);
  }
  return params.toString();
}

const pick = <T extends string>(list: object, value: string | null, fallback: T): T =>
  value !== null && Object.keys(list).includes(value) ? (value as T) : fallback;

/**
 * Reads a fragment made by `toFragment`, or by an older configurator. Choices from a list
 * fall back to the default when unknown; typed text (addresses, the label, numbers, colours)
 * is kept as it is and checked like anything typed, so a bad shared value shows its message
 * instead of vanishing.
 */
export function fromFragment(
  fragment: string,
  defaultView: View = DEFAULT_VIEW,
): {settings: Settings; view: View} {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const settings = {...DEFAULT_SETTINGS} as Record<string, string | boolean>;
  for (const key of TABLE_KEYS) {
    const r = ATTRIBUTES[key];
    const given = params.get(keyOf(key)) ?? params.get(r.attribute);
    if (given === null) continue;
    if (r.type === 'boolean') {
      if (given === 'on' || given === 'off') {
        settings[key] = key in FORM_LINES ? given === 'off' : given === 'on';
      }
    } else if (r.type === 'enum') {
      const value = normalise(r, given);
      if (value !== undefined) settings[key] = value as string;
    } else {
      settings[key] = given;
    }
  }
  const look = (key: keyof typeof LOOK_KEYS) => params.get(LOOK_KEYS[key]);
  const s = settings as unknown as Settings;
  s.accent = look('accent') ?? s.accent;
  s.color = look('color') ?? s.color;
  s.background = look('background') ?? s.background;
  s.font = pick(FONTS, look('font'), s.font);
  s.width = pick(WIDTHS, look('width'), s.width);
  s.radius = pick(RADII, look('radius'), s.radius);
  s.reach = pick(REACH, look('reach'), s.reach);
  const view: View = {
    width: pick(PREVIEW_WIDTHS, params.get(VIEW_KEYS.width), defaultView.width),
    page: pick(PAGES, params.get(VIEW_KEYS.page), defaultView.page),
  };
  return {settings: s, view};
}
