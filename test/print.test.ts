import {expect} from '@open-wc/testing';
import {article, part, parts, render, shadow} from './helpers.js';

// What the element's `@media print` rules do, computed by each engine's own CSS engine: the
// rules inside that block are applied as printing would apply them. (Chromium's real PDF,
// read back as text, is test/dist/print.test.mjs; WebDriver cannot print in Firefox or WebKit.)
function asPrinted(el: Element): void {
  const root = shadow(el);
  const blocks = root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
    .filter((rule) => rule.media.mediaText === 'print');
  expect(blocks, 'one @media print block').to.have.length(1);
  const printed = new CSSStyleSheet();
  printed.replaceSync([...blocks[0]!.cssRules].map((rule) => rule.cssText).join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, printed];
  // Paper has no transitions: the button's colour fade is jumped to its end.
  getComputedStyle(part(el, 'article')).color;
  for (const animation of root.getAnimations()) animation.finish();
}

const style = (node: Element, pseudo?: string) => getComputedStyle(node, pseudo);
// Shown, not merely laid out: a closed <details> keeps boxes for its skipped content.
const hasBox = (node: Element) => node.checkVisibility();
const BLACK = 'rgb(0, 0, 0)';
const NO_BACKGROUND = ['rgba(0, 0, 0, 0)', 'transparent'];

describe('printed', () => {
  it('a teaser prints the whole article, without its button', async () => {
    const el = await render({layout: 'teaser'});
    const hidden = parts(el, 'paragraph').filter((p) => !hasBox(p));
    expect(hidden.length, 'closed on screen').to.be.greaterThan(0);
    asPrinted(el);
    const body = parts(el, 'paragraph').filter((p) => !p.part.contains('cta-text'));
    expect(body).to.have.length(article.paragraphs.length);
    expect(body.every(hasBox), 'every paragraph printed').to.equal(true);
    expect(hasBox(part(el, 'cta')) && hasBox(part(el, 'signature'))).to.equal(true);
    expect(hasBox(part(el, 'read-more')), 'no “Continue reading” on paper').to.equal(false);
  });

  it('black on white: a dark look loses its colours and backgrounds', async () => {
    const el = await render({theme: 'dark'});
    expect(style(part(el, 'article')).color, 'dark on screen').to.not.equal(BLACK);
    asPrinted(el);
    for (const name of ['article', 'title', 'paragraph', 'signature', 'cta-button']) {
      expect(style(part(el, name)).color, name).to.equal(BLACK);
    }
    for (const name of ['article', 'cta-button']) {
      expect(NO_BACKGROUND, name).to.include(style(part(el, name)).backgroundColor);
    }
  });

  it('the call-to-action prints its address; a fragment link prints none', async () => {
    const el = await render({'cta-href': 'https://example.org/book'});
    asPrinted(el);
    const after = style(part(el, 'cta-button'), '::after').content;
    // Engines report attr() resolved or as written; either way the address is what prints.
    expect(after).to.match(/example\.org\/book|attr\(href\)/);
    const local = await render({'cta-href': '#contact'});
    asPrinted(local);
    expect(['none', 'normal']).to.include(style(part(local, 'cta-button'), '::after').content);
  });

  it('the contact form is left off the paper', async () => {
    const el = await render({'form-action': '/__contact/ok'});
    const form = shadow(el).querySelector('form')!;
    expect(hasBox(form), 'on screen').to.equal(true);
    asPrinted(el);
    expect(hasBox(form)).to.equal(false);
  });

  it('keeps the title with the first paragraph', async () => {
    const el = await render();
    asPrinted(el);
    expect(style(part(el, 'title')).breakAfter).to.equal('avoid');
    expect(style(part(el, 'header')).breakAfter).to.equal('avoid');
  });
});
