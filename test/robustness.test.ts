import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {tagName} from '../src/define.js';
import {article, idle, part, parts, render, seen, shadow} from './helpers.js';

const tag = 'therapist-attachment-article';

describe('loading and lifecycle', () => {
  it('a second load of the define module does nothing and does not throw', async () => {
    const first = customElements.get(tag);
    // A fresh copy of the module (as a second plugin would bring) re-runs the guarded define.
    await import(/* @vite-ignore */ `../src/define.ts?second-copy=${Date.now()}`);
    expect(customElements.get(tag)).to.equal(first);
    expect(tagName).to.equal(tag);
  });

  it('a different class under the same tag is left alone, without an exception', async () => {
    class Impostor extends HTMLElement {}
    expect(() => {
      if (!customElements.get(tag)) customElements.define(tag, Impostor);
    }).not.to.throw();
    expect(customElements.get(tag)).to.equal(TherapistAttachmentArticle);
  });

  it('upgrades a tag that was in the page before the script', async () => {
    const host = document.createElement('div');
    // Parsed as plain HTML while the tag is defined: the same path as a tag written in a page.
    host.innerHTML = `<${tag} cta-href="/contact" heading-level="3"><p>Fallback</p></${tag}>`;
    document.body.append(host);
    const el = host.firstElementChild as TherapistAttachmentArticle;
    await el.updateComplete;
    expect(part(el, 'title').localName).to.equal('h3');
    expect(part(el, 'cta-button').getAttribute('href')).to.equal('/contact');
    // The light-DOM fallback is no longer shown once the article renders.
    expect(el.querySelector('p')!.getClientRects().length).to.equal(0);
    host.remove();
  });

  it('upgrades an element created before its definition was known', async () => {
    const doc = document.implementation.createHTMLDocument('');
    const el = doc.createElement(tag);
    el.setAttribute('heading-level', '4');
    document.body.append(document.adoptNode(el));
    customElements.upgrade(el);
    await (el as TherapistAttachmentArticle).updateComplete;
    expect(el).to.be.instanceOf(TherapistAttachmentArticle);
    expect(part(el, 'title').localName).to.equal('h4');
    el.remove();
  });

  it('works from document.createElement', async () => {
    const el = document.createElement(tag);
    el.ctaLabel = 'Write to us';
    document.body.append(el);
    await el.updateComplete;
    expect(seen(part(el, 'cta-button'))).to.equal('Write to us');
    el.remove();
  });

  it('keeps working when moved in the DOM', async () => {
    const el = await render({theme: 'dark'});
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    el.setAttribute('cta-label', 'Moved');
    await el.updateComplete;
    expect(seen(part(el, 'cta-button'))).to.equal('Moved');
    expect(parts(el, 'paragraph')).to.have.length(article.paragraphs.length + 1);
    other.remove();
  });

  it('renders many instances independently', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const els = Array.from({length: 25}, (_, i) => {
      const el = document.createElement(tag);
      el.headingLevel = (i % 6) + 1;
      el.ctaHref = `#c${i}`;
      box.append(el);
      return el;
    });
    await Promise.all(els.map((el) => el.updateComplete));
    els.forEach((el, i) => {
      expect(part(el, 'title').localName).to.equal(`h${(i % 6) + 1}`);
      expect(part(el, 'cta-button').getAttribute('href')).to.equal(`#c${i}`);
    });
  });
});

describe('strict pages and privacy', () => {
  it('puts no inline style attribute and no <style> element in its shadow root', async () => {
    const el = await render({theme: 'dark', 'cta-target': '_blank'});
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
    expect(shadow(el).adoptedStyleSheets.length).to.be.greaterThan(0);
  });

  it("renders styled under Content-Security-Policy default-src 'self', with no violation", async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/strict-csp.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & {violations?: string[]};
    const doc = frame.contentDocument!;
    const el = doc.querySelector(tag) as TherapistAttachmentArticle | null;
    // The module script inside the frame defines and renders the element.
    await win.customElements.whenDefined(tag);
    await el!.updateComplete;
    const button = el!.shadowRoot!.querySelector('[part~="cta-button"]')!;
    expect(win.getComputedStyle(button).backgroundColor).to.equal('rgb(43, 93, 83)');
    expect(win.violations).to.deep.equal([]);
    frame.remove();
  });

  it('makes no request and stores nothing', async () => {
    const before = performance.getEntriesByType('resource').length;
    const cookies = document.cookie;
    const stored = [localStorage.length, sessionStorage.length];
    const el = await render({theme: 'auto', 'cta-href': 'https://example.com/contact'});
    part(el, 'cta-button').addEventListener('click', (e) => e.preventDefault());
    el.addEventListener('therapist-article-cta-click', (e) => e.preventDefault());
    part<HTMLAnchorElement>(el, 'cta-button').click();
    await idle(el);
    expect(performance.getEntriesByType('resource').length).to.equal(before);
    expect(document.cookie).to.equal(cookies);
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(stored);
  });
});

describe('forced colours and reduced motion', () => {
  const mediaRules = (el: Element) =>
    shadow(el)
      .adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
      .map((rule) => rule.conditionText ?? rule.media.mediaText);

  it('has rules for forced colours and for reduced motion', async () => {
    const el = await render();
    const conditions = mediaRules(el).join(' | ');
    expect(conditions).to.include('forced-colors: active');
    expect(conditions).to.include('prefers-reduced-motion: reduce');
  });
  /** Emulates one media feature; false where the engine's driver cannot (Firefox, WebKit). */
  const emulate = (name: string, value: string) =>
    executeServerCommand<boolean, {features: {name: string; value: string}[]}>(
      'emulate-media-features',
      {features: [{name, value}]},
    );

  it('in forced colours the button keeps a visible border of its own', async function () {
    // Only Chromium can emulate forced colours here; the rule itself is checked above everywhere.
    if (!(await emulate('forced-colors', 'active'))) this.skip();
    try {
      const el = await render();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const button = getComputedStyle(part(el, 'cta-button'));
      expect(button.borderTopStyle).to.equal('solid');
      // The browser paints it in a system colour; without a border of its own the button's
      // edge would vanish once its background is forced to the page's.
      expect(parseFloat(button.borderTopWidth)).to.be.greaterThan(0);
    } finally {
      await emulate('forced-colors', '');
    }
  });

  it('with reduced motion the button does not animate', async function () {
    if (!(await emulate('prefers-reduced-motion', 'reduce'))) this.skip();
    try {
      const el = await render();
      expect(getComputedStyle(part(el, 'cta-button')).transitionDuration).to.match(/^0s(, 0s)*$/);
    } finally {
      await emulate('prefers-reduced-motion', '');
    }
  });
});
