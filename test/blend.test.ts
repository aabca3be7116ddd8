// How blending in decides, on pages of our own making: what wins over the page's values, how
// it is switched off, the button's contrast, and that measuring leaves nothing behind.
import {expect, fixture, html} from '@open-wc/testing';
import {luminance} from '../src/blend.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part, shadow} from './helpers.js';
import '../src/define.js';

const OWN_ACCENT = 'rgb(43, 93, 83)';
const contrast = (a: string, b: string) => {
  const [darker, lighter] = [luminance(a), luminance(b)].sort((x, y) => x - y);
  return lighter! / darker!;
};

/** The element inside a page whose stylesheet is `css` (test markup of our own). */
async function onPage(css: string, attributes = ''): Promise<TherapistAttachmentArticle> {
  const page = await fixture<HTMLDivElement>(html`<div class="page"></div>`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [sheet];
  page.innerHTML = `<therapist-attachment-article ${attributes}></therapist-attachment-article>`;
  const el = page.firstElementChild as TherapistAttachmentArticle;
  await el.updateComplete;
  return el;
}

const style = (el: Element, name: string) => getComputedStyle(part(el, name));

describe('blending in: how it decides', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
  });

  it('takes the page’s heading of its own level', async () => {
    const el = await onPage(
      'h2 { color: rgb(200, 0, 0); } h3 { color: rgb(0, 0, 200); letter-spacing: 2px; text-transform: uppercase; }',
      'heading-level="3"',
    );
    const title = style(el, 'title');
    expect(title.color).to.equal('rgb(0, 0, 200)');
    expect(title.letterSpacing).to.equal('2px');
    expect(title.textTransform).to.equal('uppercase');
    el.headingLevel = 2;
    await el.updateComplete;
    expect(style(el, 'title').color).to.equal('rgb(200, 0, 0)');
    expect(style(el, 'title').textTransform).to.equal('none');
  });

  it('without a primary button, the accent is the page’s link colour, with readable text', async () => {
    const el = await onPage('a { color: rgb(255, 200, 0); }');
    const button = style(el, 'cta-button');
    expect(button.backgroundColor).to.equal('rgb(255, 200, 0)');
    expect(button.color).to.equal('rgb(0, 0, 0)');
  });

  it('keeps the button text’s colour where it reaches 4.5:1; else white where white does, else black', async () => {
    const kept = await onPage(
      '.btn-primary { background: rgb(0, 60, 120); color: rgb(230, 240, 255); }',
    );
    expect(style(kept, 'cta-button').color).to.equal('rgb(230, 240, 255)');
    const white = await onPage(
      '.btn-primary { background: rgb(0, 60, 120); color: rgb(0, 0, 0); }',
    );
    expect(style(white, 'cta-button').color).to.equal('rgb(255, 255, 255)');
    const light = await onPage('.btn-primary { background: rgb(255, 224, 102); color: #fff; }');
    const button = style(light, 'cta-button');
    expect(button.backgroundColor).to.equal('rgb(255, 224, 102)');
    expect(button.color).to.equal('rgb(0, 0, 0)');
    expect(contrast(button.backgroundColor, button.color)).to.be.at.least(4.5);
    // Bootstrap's own blue takes white at 4.50:1: just over the line.
    expect(contrast('rgb(13, 110, 253)', 'rgb(255, 255, 255)')).to.be.within(4.5, 4.51);
  });

  it('a bare button counts only when the page styles it', async () => {
    const plain = await onPage('button { font-style: italic; }');
    expect(style(plain, 'cta-button').backgroundColor).to.equal(OWN_ACCENT);
    const styled = await onPage('button { background: rgb(120, 0, 90); color: white; }');
    expect(style(styled, 'cta-button').backgroundColor).to.equal('rgb(120, 0, 90)');
  });

  it('a page that styles nothing keeps the element’s own accent and line height', async () => {
    const el = await onPage('');
    expect(style(el, 'cta-button').backgroundColor).to.equal(OWN_ACCENT);
    const text = style(el, 'paragraph');
    expect(parseFloat(text.lineHeight) / parseFloat(text.fontSize)).to.be.closeTo(1.65, 0.01);
  });

  it('never reads a line height under 1.5 from the page', async () => {
    const el = await onPage('p { line-height: 1.1; }');
    const text = style(el, 'paragraph');
    expect(parseFloat(text.lineHeight) / parseFloat(text.fontSize)).to.be.closeTo(1.5, 0.01);
  });

  it('custom properties win over the page’s values', async () => {
    const el = await onPage(
      `h2 { color: rgb(200, 0, 0); } .btn-primary { background: rgb(0, 0, 200); color: white; }
       .page { --therapist-article-heading-color: rgb(1, 2, 3); --therapist-article-accent: rgb(4, 5, 6);
         --therapist-article-accent-text: rgb(250, 250, 250); --therapist-article-line-height: 2; }
       p { line-height: 1.8; }`,
    );
    expect(style(el, 'title').color).to.equal('rgb(1, 2, 3)');
    expect(style(el, 'cta-button').backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(style(el, 'cta-button').color).to.equal('rgb(250, 250, 250)');
    const text = style(el, 'paragraph');
    expect(parseFloat(text.lineHeight) / parseFloat(text.fontSize)).to.be.closeTo(2, 0.01);
  });

  it('a page accent without its text colour: the page’s own accent text is not mixed in', async () => {
    const el = await onPage(
      '.btn-primary { background: rgb(255, 224, 102); color: black; } .page { --therapist-article-accent: rgb(20, 20, 90); }',
    );
    expect(style(el, 'cta-button').backgroundColor).to.equal('rgb(20, 20, 90)');
    expect(style(el, 'cta-button').color).to.equal('rgb(255, 255, 255)');
  });

  it('a theme is an opt-out', async () => {
    const el = await onPage(
      'h2 { color: rgb(200, 0, 0); } .btn-primary { background: rgb(0, 0, 200); }',
      'theme="light"',
    );
    expect(style(el, 'title').color).to.not.equal('rgb(200, 0, 0)');
    expect(style(el, 'cta-button').backgroundColor).to.equal(OWN_ACCENT);
  });

  it('--therapist-article-blend: off keeps the element’s own look', async () => {
    const el = await onPage(
      `h2 { color: rgb(200, 0, 0); letter-spacing: 3px; } .btn-primary { background: rgb(0, 0, 200); }
       .page { --therapist-article-blend: off; }`,
    );
    expect(style(el, 'title').letterSpacing).to.equal('normal');
    expect(style(el, 'cta-button').backgroundColor).to.equal(OWN_ACCENT);
  });

  it('what the host inherits stays live: a page that turns dark later still reaches the text', async () => {
    const el = await onPage(
      '.page { color: rgb(20, 20, 20); } .page.dark { color: rgb(240, 240, 240); }',
    );
    el.parentElement!.classList.add('dark');
    expect(style(el, 'paragraph').color).to.equal('rgb(240, 240, 240)');
    expect(style(el, 'title').color).to.equal('rgb(240, 240, 240)');
  });

  it('pre-rendered (on the page before its script), it takes colours only: nothing moves', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      'h2 { color: rgb(200, 0, 0); letter-spacing: 3px; } p { line-height: 2.2; } .btn-primary { background: rgb(0, 0, 200); }',
    );
    document.adoptedStyleSheets = [sheet];
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    // A shadow root with content before the element first renders, as a declarative one from
    // the snippet or the WordPress plugin is.
    const painted = document.createElement('therapist-attachment-article');
    painted.attachShadow({mode: 'open'}).append(document.createElement('p'));
    page.append(painted);
    const el = page.firstElementChild as TherapistAttachmentArticle;
    await el.updateComplete;
    expect(style(el, 'title').color).to.equal('rgb(200, 0, 0)');
    expect(style(el, 'cta-button').backgroundColor).to.equal('rgb(0, 0, 200)');
    expect(style(el, 'title').letterSpacing).to.equal('normal');
    const text = style(el, 'paragraph');
    expect(parseFloat(text.lineHeight) / parseFloat(text.fontSize)).to.be.closeTo(1.65, 0.01);
  });

  it('leaves nothing behind: no child, no style attribute, one adopted sheet', async () => {
    const el = await onPage('.btn-primary { background: rgb(0, 0, 200); }');
    expect(el.childNodes.length).to.equal(0);
    expect(shadow(el).querySelector('slot[name="_probe"]')).to.equal(null);
    expect(
      [el, ...shadow(el).querySelectorAll('*')].some((node) => node.hasAttribute('style')),
    ).to.equal(false);
    expect(style(el, 'cta-button').backgroundColor).to.equal('rgb(0, 0, 200)');
  });
});
