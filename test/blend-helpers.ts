import {expect} from '@open-wc/testing';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part} from './helpers.js';
import '../src/define.js';

/** Adds a framework's stylesheet (from node_modules, served by the test runner) to the page. */
export async function useStylesheet(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
}

/**
 * A page's own pieces beside the element: `markup` holds an `<h2 id="native-title">`, a
 * `<p id="native-text">` with a link and the page's primary button `#native-button`, written
 * as the framework's documentation writes them; the element follows them in the same container.
 */
export async function pageWith(
  markup: string,
  container = 'main',
): Promise<{
  el: TherapistAttachmentArticle;
  native: (id: string) => CSSStyleDeclaration;
  own: (name: string) => CSSStyleDeclaration;
}> {
  const page = document.createElement(container);
  page.className = 'container';
  // Test markup of our own, not a visitor's input.
  page.innerHTML = `${markup}<therapist-attachment-article></therapist-attachment-article>`;
  document.body.append(page);
  const el = page.querySelector<TherapistAttachmentArticle>('therapist-attachment-article')!;
  await el.updateComplete;
  return {
    el,
    native: (id) => getComputedStyle(page.querySelector(`#${id}`)!),
    own: (name) => getComputedStyle(part(el, name)),
  };
}

const TITLE = ['fontFamily', 'fontWeight', 'color', 'letterSpacing', 'textTransform'] as const;
const TEXT = ['fontFamily', 'fontSize', 'color', 'lineHeight'] as const;
const BUTTON = ['backgroundColor', 'color', 'borderTopLeftRadius'] as const;

/** The comparisons each framework's test makes: the element's title, text and button. */
export function itMatchesThePage(
  setup: () => Promise<Awaited<ReturnType<typeof pageWith>>>,
  expected: {button: string},
): void {
  let page: Awaited<ReturnType<typeof pageWith>>;
  before(async () => {
    page = await setup();
  });

  it('the title takes the page’s h2: font, weight, colour, letter spacing, case', () => {
    const [own, native] = [page.own('title'), page.native('native-title')];
    for (const key of TITLE) expect(own[key], key).to.equal(native[key]);
  });

  it('the text takes the page’s paragraphs: font, size, colour, line height', () => {
    const [own, native] = [page.own('paragraph'), page.native('native-text')];
    for (const key of TEXT) expect(own[key], key).to.equal(native[key]);
  });

  it('the button takes the page’s primary button: background, text colour, corners', () => {
    const [own, native] = [page.own('cta-button'), page.native('native-button')];
    // Named too, so a page whose button the probe misses cannot pass by matching the default.
    expect(native.backgroundColor).to.equal(expected.button);
    for (const key of BUTTON) expect(own[key], key).to.equal(native[key]);
  });

  it('is still the page’s look after a theme comes and goes', async () => {
    // The title's colour, which no transition delays (the button's background fades).
    const title = page.native('native-title').color;
    page.el.theme = 'dark';
    await page.el.updateComplete;
    expect(page.own('title').color).to.not.equal(title);
    page.el.theme = undefined;
    await page.el.updateComplete;
    expect(page.own('title').color).to.equal(title);
  });
}
