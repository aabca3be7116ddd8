import {expect, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {
  article,
  captureWarnings,
  fold,
  part,
  parts,
  plainText,
  render,
  seen,
  shadow,
} from './helpers.js';

/** Whether a reader sees the node at all (it has a box). */
// Not getClientRects(): a closed <details> keeps boxes for its skipped content.
const shown = (node: Element) => node.checkVisibility();
const paragraphs = (el: Element) =>
  parts(el, 'paragraph').filter((p) => !p.part.contains('cta-text'));
const visibleText = (el: Element) => paragraphs(el).filter(shown).map(seen);
const more = (el: Element) => part<HTMLElement>(el, 'read-more');
/** The `<details>` that holds the rest, around “Continue reading”. */
const details = (el: Element) => more(el).parentElement as HTMLDetailsElement;
/** Opens the rest as a click does, and waits for it (the toggle event comes in a task). */
async function open(el: Element, how: () => unknown = () => more(el).click()) {
  const toggled = oneEvent(details(el), 'toggle');
  await how();
  await toggled;
}

describe('teaser layout', () => {
  it('shows the title and three paragraphs, ending on the article’s hook, then “Continue reading”', async () => {
    const el = await render({layout: 'teaser'});
    expect(shown(part(el, 'title'))).to.equal(true);
    expect(visibleText(el)).to.deep.equal(
      article.paragraphs.slice(0, 3).map((p) => fold(plainText(p))),
    );
    expect(visibleText(el).at(-1)).to.match(/living through the questions themselves…$/);
    expect(shown(part(el, 'cta')), 'the call-to-action waits for the rest').to.equal(false);
    expect(shown(part(el, 'signature'))).to.equal(false);
    // A <details>: it opens without JavaScript too, and tells screen readers it is collapsed.
    const summary = more(el);
    expect(summary.localName).to.equal('summary');
    expect(seen(summary)).to.equal('Continue reading');
    expect(details(el).open).to.equal(false);
    expect(details(el).contains(paragraphs(el)[3]!)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reveals the rest in place: nothing above it moves, and focus goes to its first paragraph', async () => {
    const el = await render({layout: 'teaser'});
    const above = [part(el, 'title'), ...paragraphs(el).slice(0, 3)];
    // Where each sits in the article (focus may scroll the page to the revealed paragraph), to
    // a hundredth of a pixel: scrolled, Firefox's subtraction differs in the fifth decimal.
    const tops = () =>
      above.map(
        (node) =>
          Math.round((node.getBoundingClientRect().top - el.getBoundingClientRect().top) * 100) /
          100,
      );
    const before = tops();
    await open(el);
    expect(tops()).to.deep.equal(before);
    expect(visibleText(el)).to.deep.equal(article.paragraphs.map((p) => fold(plainText(p))));
    expect(shown(part(el, 'cta')) && shown(part(el, 'signature'))).to.equal(true);
    expect(details(el).open).to.equal(true);
    expect(shown(more(el)), 'the button has done its work').to.equal(false);
    expect(shadow(el).activeElement).to.equal(paragraphs(el)[3]);
    // Checked as it ends: the fade would read as low contrast while it runs.
    for (const animation of shadow(el).getAnimations()) animation.finish();
    await expect(el).to.be.accessible();
  });

  it('is opened from the keyboard', async () => {
    const el = await render({layout: 'teaser', 'teaser-paragraphs': '1'});
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(more(el));
    await open(el, () => sendKeys({press: 'Enter'}));
    expect(shadow(el).activeElement).to.equal(paragraphs(el)[1]);
    before.remove();
  });

  it('shows as many paragraphs as teaser-paragraphs says', async () => {
    const el = await render({layout: 'teaser', 'teaser-paragraphs': '5'});
    expect(visibleText(el)).to.have.length(5);
    el.setAttribute('teaser-paragraphs', '10');
    await el.updateComplete;
    expect(visibleText(el)).to.have.length(10);
  });

  for (const bad of ['0', '11', '2.5', 'three', '-1']) {
    it(`teaser-paragraphs="${bad}" shows three, with one warning naming the attribute`, async () => {
      let el!: HTMLElement;
      const warnings = await captureWarnings(async () => {
        el = await render({layout: 'teaser', 'teaser-paragraphs': bad});
      });
      expect(visibleText(el)).to.have.length(3);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('teaser-paragraphs');
    });
  }

  it('an unknown layout shows the whole article, with one warning naming the attribute', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await render({layout: 'summary'});
    });
    expect(visibleText(el)).to.have.length(article.paragraphs.length);
    expect(parts(el, 'read-more')).to.have.length(0);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('layout');
  });

  it('with read-more-href, “Continue reading” is a link to the full post', async () => {
    const el = await render({layout: 'teaser', 'read-more-href': 'https://example.com/attached'});
    const link = more(el);
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('https://example.com/attached');
    expect(seen(link)).to.equal('Continue reading');
    expect(visibleText(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('refuses an unsafe read-more-href: the button opens the rest, with one warning', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await render({layout: 'teaser', 'read-more-href': 'javascript:alert(1)'});
    });
    expect(more(el).localName).to.equal('summary');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('read-more-href');
  });

  it('back to the full layout: everything shows, no button', async () => {
    const el = await render({layout: 'teaser'});
    el.removeAttribute('layout');
    await el.updateComplete;
    expect(visibleText(el)).to.have.length(article.paragraphs.length);
    expect(parts(el, 'read-more')).to.have.length(0);
  });

  it('the reveal’s fade is off for readers who ask for reduced motion', async () => {
    const el = await render({layout: 'teaser'});
    const rules = [...shadow(el).adoptedStyleSheets, ...[...shadow(el).styleSheets]].flatMap(
      (sheet) => [...sheet.cssRules],
    );
    const reduced = rules.find(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion'),
    );
    const rule = [...reduced!.cssRules].find(
      (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === '.more > p',
    );
    expect(rule?.style.animationName).to.equal('none');
    await open(el);
    expect(getComputedStyle(paragraphs(el)[3]!).animationName).to.equal('reveal');
  });
});
