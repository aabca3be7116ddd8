import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part, render} from './helpers.js';

const style = (el: Element, name: string) => getComputedStyle(part(el, name));

describe('blending in (no theme)', () => {
  it('takes the page’s font, colour and size, on a transparent background', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="font-family: Georgia, serif; color: rgb(10, 20, 30); font-size: 19px">
        <therapist-attachment-article></therapist-attachment-article>
      </div>
    `);
    const el = wrapper.querySelector('therapist-attachment-article')!;
    await (el as TherapistAttachmentArticle).updateComplete;
    const paragraph = style(el, 'paragraph');
    expect(paragraph.fontFamily).to.include('Georgia');
    expect(paragraph.color).to.equal('rgb(10, 20, 30)');
    expect(paragraph.fontSize).to.equal('19px');
    expect(style(el, 'article').backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('keeps lines to a comfortable reading length', async () => {
    const el = await render();
    const column = part(el, 'article').getBoundingClientRect().width;
    const charWidth = parseFloat(style(el, 'paragraph').fontSize) * 0.5;
    // 68ch on a wide page: about 65–75 characters of body text per line.
    if (document.documentElement.clientWidth > column + 1) {
      expect(column / charWidth).to.be.within(55, 90);
    }
    expect(style(el, 'article').maxWidth).to.not.equal('none');
  });
});

describe('custom properties and parts', () => {
  it('a custom property set on the page changes the button', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div
        style="--therapist-article-accent: rgb(200, 0, 100); --therapist-article-accent-text: rgb(1, 2, 3); --therapist-article-radius: 0px"
      >
        <therapist-attachment-article></therapist-attachment-article>
      </div>
    `);
    const el = wrapper.firstElementChild!;
    await (el as TherapistAttachmentArticle).updateComplete;
    const button = style(el, 'cta-button');
    expect(button.backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(button.color).to.equal('rgb(1, 2, 3)');
    expect(button.borderTopLeftRadius).to.equal('0px');
  });

  it('fonts, colours, width and spacing each follow their property', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div
        style="--therapist-article-font: monospace; --therapist-article-heading-font: fantasy; --therapist-article-color: rgb(0, 0, 255); --therapist-article-heading-color: rgb(0, 128, 0); --therapist-article-background: rgb(255, 255, 0); --therapist-article-max-width: 300px; --therapist-article-spacing: 31px; --therapist-article-padding: 7px; --therapist-article-line-height: 2; --therapist-article-font-size: 13px"
      >
        <therapist-attachment-article></therapist-attachment-article>
      </div>
    `);
    const el = wrapper.firstElementChild!;
    await (el as TherapistAttachmentArticle).updateComplete;
    expect(style(el, 'paragraph').fontFamily).to.equal('monospace');
    expect(style(el, 'title').fontFamily).to.equal('fantasy');
    expect(style(el, 'paragraph').color).to.equal('rgb(0, 0, 255)');
    expect(style(el, 'title').color).to.equal('rgb(0, 128, 0)');
    expect(style(el, 'article').backgroundColor).to.equal('rgb(255, 255, 0)');
    expect(style(el, 'article').maxWidth).to.equal('300px');
    expect(style(el, 'article').paddingTop).to.equal('7px');
    expect(style(el, 'paragraph').marginBottom).to.equal('31px');
    expect(style(el, 'paragraph').fontSize).to.equal('13px');
    expect(style(el, 'paragraph').lineHeight).to.equal('26px');
  });

  it('a page’s own property wins over a ready-made theme', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--therapist-article-background: rgb(1, 1, 1)">
        <therapist-attachment-article theme="light"></therapist-attachment-article>
      </div>
    `);
    const el = wrapper.firstElementChild!;
    await (el as TherapistAttachmentArticle).updateComplete;
    expect(style(el, 'article').backgroundColor).to.equal('rgb(1, 1, 1)');
  });

  it('::part rules from the page style the pieces', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = `
      .parted::part(title) { letter-spacing: 3px; }
      .parted::part(cta-button) { text-transform: uppercase; }
      .parted::part(signature) { font-style: italic; }
      .parted::part(paragraph) { text-indent: 11px; }
    `;
    document.head.append(sheet);
    try {
      const el = await fixture<TherapistAttachmentArticle>(
        html`<therapist-attachment-article class="parted"></therapist-attachment-article>`,
      );
      expect(style(el, 'title').letterSpacing).to.equal('3px');
      expect(style(el, 'cta-button').textTransform).to.equal('uppercase');
      expect(style(el, 'signature').fontStyle).to.equal('italic');
      expect(style(el, 'paragraph').textIndent).to.equal('11px');
    } finally {
      sheet.remove();
    }
  });
});

describe('ready-made themes', () => {
  it('light and dark give opposite backgrounds with readable text', async () => {
    const light = await render({theme: 'light'});
    const dark = await render({theme: 'dark'});
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const lightBg = luminance(style(light, 'article').backgroundColor);
    const darkBg = luminance(style(dark, 'article').backgroundColor);
    expect(lightBg).to.be.greaterThan(200);
    expect(darkBg).to.be.lessThan(60);
    expect(luminance(style(light, 'paragraph').color)).to.be.lessThan(80);
    expect(luminance(style(dark, 'paragraph').color)).to.be.greaterThan(200);
  });

  it('auto follows the visitor’s colour scheme', async () => {
    const el = await render({theme: 'auto'});
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    const expected = await render({theme: prefersDark ? 'dark' : 'light'});
    expect(style(el, 'article').backgroundColor).to.equal(
      style(expected, 'article').backgroundColor,
    );
  });

  it('returns to blending in when the theme is removed', async () => {
    const el = await render({theme: 'dark'});
    el.removeAttribute('theme');
    await el.updateComplete;
    expect(style(el, 'article').backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  for (const theme of [undefined, 'light', 'dark', 'auto']) {
    it(`passes axe in the ${theme ?? 'default'} look`, async () => {
      const el = await render(theme ? {theme} : {});
      await expect(el).to.be.accessible();
    });
  }

  it('passes axe with a new-tab link and a custom label', async () => {
    const el = await render({'cta-target': '_blank', 'cta-label': 'Book a consult'});
    await expect(el).to.be.accessible();
  });
});

// WebKit's WebDriver cannot resize the window; there the same check runs in a 320 px box.
const canResize = !/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent);

describe('small screens', () => {
  afterEach(async () => {
    if (canResize) await setViewport({width: 800, height: 600});
  });

  it('reflows to 320 px with no horizontal scroll, even at 200% text', async () => {
    if (canResize) await setViewport({width: 320, height: 640});
    const box = await fixture<HTMLDivElement>(html`
      <div style="width: 320px; font-size: 200%">
        <therapist-attachment-article theme="light"></therapist-attachment-article>
      </div>
    `);
    const el = box.firstElementChild!;
    await (el as TherapistAttachmentArticle).updateComplete;
    const article = part(el, 'article');
    expect(article.scrollWidth).to.be.at.most(article.clientWidth);
    expect(article.getBoundingClientRect().width).to.be.at.most(320);
    for (const p of [part(el, 'title'), part(el, 'cta-button')]) {
      expect(p.getBoundingClientRect().right).to.be.at.most(
        box.getBoundingClientRect().right + 0.5,
      );
    }
  });
});

describe('the contact form’s styles (they come with its code)', () => {
  it('lay out its fields and show errors in the theme’s colour', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--therapist-article-error-color: rgb(200, 0, 0)">
        <therapist-attachment-article form-action="/__contact/ok"></therapist-attachment-article>
      </div>
    `);
    const el = wrapper.firstElementChild as TherapistAttachmentArticle;
    await el.updateComplete;
    const input = part(el, 'form-input');
    const field = part(el, 'form-field');
    expect(getComputedStyle(field).display).to.equal('grid');
    expect(input.getBoundingClientRect().width).to.be.closeTo(field.clientWidth, 1);
    expect(Number(style(el, 'form-label').fontWeight)).to.be.at.least(600);
    input.setAttribute('aria-invalid', 'true');
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(200, 0, 0)');
    expect(getComputedStyle(input).borderTopWidth).to.equal('2px');
    // The element's own rules are still there beside them.
    expect(style(el, 'form-button').backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(style(el, 'paragraph').marginBottom).to.not.equal('0px');
  });
});
