/**
 * Frames: Wix's Embed HTML and Google Sites put the code in a sandboxed frame of a fixed
 * height, so their steps give the height the measured article needs (site/frame-heights.ts),
 * and links open a new tab, as a link cannot leave the frame otherwise.
 */
import {CTA_TARGETS, DEFAULTS} from '../src/attributes.js';
import {teaserOf} from './code.js';
import {FRAME_HEIGHTS, FRAME_WIDTHS} from './frame-heights.js';
import {TABLE_KEYS, reachOf, row, type Checked} from './settings.js';

/**
 * The frame's height to ask for: the element's measured height (site/frame-heights.ts), the
 * frame page's 16 px of body margin, and a tenth more (fonts differ between devices), rounded
 * up to the next 100 px.
 */
export const frameHeight = (element: number): number =>
  Math.ceil(((element + 16) * 1.1) / 100) * 100;

/** Heights for a frame holding these settings, from the measured figures. */
export interface FrameSize {
  /** What the frame must hold: the whole article, or the closed teaser. */
  readonly phone: number;
  readonly desktop: number;
  /** The closed teaser (linking to the full post), when the settings are not already that. */
  readonly teaser?: {readonly phone: number; readonly desktop: number};
  /** A teaser that opens in place: the frame must hold the whole article once opened. */
  readonly opensInPlace: boolean;
}

const TALLEST = {
  phone: Math.max(...Object.values(FRAME_HEIGHTS).map((h) => h.phone)),
  desktop: Math.max(...Object.values(FRAME_HEIGHTS).map((h) => h.desktop)),
};

export function frameSize(checked: Checked): FrameSize {
  const look = checked.attributes['theme'] ?? 'blend';
  const column = checked.properties['--therapist-article-max-width'] ?? 'default';
  const reach = 'form-action' in checked.attributes ? 'form' : 'link';
  const teaser = teaserOf(checked.attributes);
  const size = (layout: string) => {
    // Every combination is measured (test/dist/frame-heights.test.mjs); were one missing,
    // the tallest figure measured would hold it.
    const measured = FRAME_HEIGHTS[`${look}/${column}/${layout}`] ?? TALLEST;
    return {phone: frameHeight(measured.phone), desktop: frameHeight(measured.desktop)};
  };
  // Opened in place, a teaser is the whole article: the frame must hold that.
  const closed = teaser?.readMoreHref !== undefined;
  return {
    ...size(closed ? `teaser-${teaser!.paragraphs}` : `full-${reach}`),
    ...(closed ? {} : {teaser: size(`teaser-${teaser?.paragraphs ?? DEFAULTS.teaserParagraphs}`)}),
    opensInPlace: teaser !== undefined && !closed,
  };
}

const px = (n: number) => `${n.toLocaleString('en-US')} px`;

/** The sentence that gives the frame's height, for Wix's Embed HTML and Google Sites. */
export function frameHeightStep(checked: Checked, size: FrameSize): string {
  const isForm = 'form-action' in checked.attributes;
  const what = size.opensInPlace
    ? 'once “Continue reading” opens the rest in place, the article is that tall'
    : teaserOf(checked.attributes)
      ? 'the teaser with its “Continue reading”'
      : `the whole article with its ${isForm ? 'contact form' : 'button'}`;
  return `Make the frame at least ${px(size.phone)} tall on a phone and ${px(size.desktop)} on a desktop (${what}; measured at ${FRAME_WIDTHS.phone} and ${FRAME_WIDTHS.desktop} px wide for this look, with room to spare). A frame does not grow with its content: a shorter one cuts off the end, where ${isForm ? 'the form' : 'the button'} is.`;
}

/** For a frame: the teaser linking to the full post, which needs a short frame. */
export function frameTeaserNote(size: FrameSize): string[] {
  if (!size.teaser) return [];
  return [
    `Shorter: under “How much is shown” choose the teaser and give the full post’s URL. The frame then needs only ${px(size.teaser.phone)} on a phone (${px(size.teaser.desktop)} on a desktop), and “Continue reading” opens the whole article in a new tab.`,
  ];
}

/**
 * For a sandboxed iframe served from another origin (Wix's Embed HTML, Google Sites): the
 * links must open a new tab (a link cannot leave the frame otherwise, not even with `_top`:
 * the platforms' sandboxes refuse it), and a path or `#section` would point into the frame.
 * The frame's code also starts with `<base target="_blank">`, for any other link.
 */
export function inFrame(checked: Checked): {attributes: Record<string, string>; notes: string[]} {
  const attributes = {...checked.attributes};
  const notes: string[] = [];
  const isForm = 'form-action' in attributes;
  // Every attribute that says where one of the article's links opens, wherever it means
  // something: a new tab (the element names the target even by default, which would win over
  // the frame's `<base>`).
  for (const key of TABLE_KEYS) {
    const r = row(key);
    if (r.type !== 'enum' || r.values !== CTA_TARGETS) continue;
    if (checked.applies.has(key) || (reachOf(key) === 'link' && !isForm)) {
      attributes[r.attribute] = '_blank';
    }
  }
  if (!isForm) {
    const href = attributes['cta-href'] ?? '#contact';
    if (!/^(https?|mailto|tel):/i.test(href)) {
      notes.push(
        `Your link (${href}) is a path or a section of the page: inside the frame it would point at the frame, not your site. Use a full https:// address for this platform.`,
      );
    }
  }
  if ('form-action' in attributes && !/^https:/i.test(attributes['form-action']!)) {
    notes.push(
      'The form’s address is a path: inside the frame it would be sent to the frame’s own server. Use a full https:// address for this platform.',
    );
  }
  return {attributes, notes};
}

/** Every link in the frame opens a new tab: a link cannot leave a sandboxed frame otherwise. */
export const FRAME_BASE = '<base target="_blank">\n';
