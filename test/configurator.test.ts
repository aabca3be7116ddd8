import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import '../src/define.js';
import {article} from '../src/content/article.js';
import {blogPostingScript} from '../src/content/structured-data.js';
import {fillPrerender, prerenderedSnippet} from '../src/prerender.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import type {ConfiguratorData} from '../site/code.js';
import {frameHeight} from '../site/frame.js';
import {FRAME_HEIGHTS, FRAME_WIDTHS} from '../site/frame-heights.js';
import {defineConfigurator, type TherapistConfigurator} from '../site/configurator.js';
import {part, seen} from './helpers.js';

defineConfigurator();

let data: ConfiguratorData;
before(async function () {
  this.timeout(120000); // the first call builds the sources and checks the parts
  data = (await executeServerCommand('configurator-data')) as ConfiguratorData;
});

// Only when the URL must change: WebKit refuses more than 100 replaceState calls in 10 s.
const setFragment = (fragment: string) => {
  if (location.hash !== fragment) {
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
  }
};
afterEach(() => setFragment(''));

/** Resolves once the configurator has written what the test expects into the fragment. */
const fragmentSays = (pattern: RegExp) =>
  waitUntil(() => pattern.test(location.hash), `the fragment says ${pattern}`, {timeout: 3000});

/** The configurator, opened with `fragment` in the page's URL. */
async function open(fragment = ''): Promise<TherapistConfigurator> {
  setFragment(fragment);
  const el = await fixture<TherapistConfigurator>(
    html`<therapist-configurator .data="${data}"></therapist-configurator>`,
  );
  await settle(el);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: TherapistConfigurator, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const preview = (el: TherapistConfigurator) =>
  $<TherapistAttachmentArticle>(el, 'therapist-attachment-article');
const code = (el: TherapistConfigurator, id: string) =>
  $<HTMLTextAreaElement>(el, `#code-${id}`).value;
const allCode = (el: TherapistConfigurator) =>
  [...el.shadowRoot!.querySelectorAll('textarea')].map((t) => t.value).join('\n');

async function settle(el: TherapistConfigurator) {
  await el.updateComplete;
  await preview(el).updateComplete;
}

/** Changes a control the way a person does: its value, then the event it fires. */
async function change(el: TherapistConfigurator, selector: string, value: string | boolean) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
  else control.value = value;
  const event =
    control instanceof HTMLSelectElement || typeof value === 'boolean' ? 'change' : 'input';
  control.dispatchEvent(new Event(event, {bubbles: true}));
  if (control.type === 'radio') control.dispatchEvent(new Event('change', {bubbles: true}));
  await settle(el);
}

const style = (el: Element, name: string) => getComputedStyle(part(el, name));

describe('configurator: the defaults', () => {
  it('shows the element and code with no attributes at all', async () => {
    const el = await open();
    expect(
      preview(el)
        .getAttributeNames()
        .filter((n) => n !== 'style'),
    ).to.deep.equal([]);
    expect(code(el, 'html-self')).to.equal(
      '<script src="therapist-attachment-article.js" defer></script>\n' +
        '<therapist-attachment-article>\n' +
        '  <p>Is it "Normal" to be Attached to your Therapist? <a href="#contact">Reach out</a></p>\n' +
        '</therapist-attachment-article>',
    );
    expect(code(el, 'html-cdn')).to.include(`integrity="${data.sri}"`);
    expect(code(el, 'html-cdn')).to.include(`therapist-attachment-article@${data.version}/dist/`);
  });

  it('is accessible (axe)', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
  });
});

describe('configurator: each control changes the preview and the code', () => {
  it('look', async () => {
    const el = await open();
    await change(el, '#theme', 'dark');
    expect(preview(el).getAttribute('theme')).to.equal('dark');
    expect(part(preview(el), 'article').classList.contains('theme-dark')).to.be.true;
    expect(code(el, 'html-self')).to.include('theme="dark"');
    expect(code(el, 'wordpress-shortcode')).to.include('theme="dark"');
    expect(code(el, 'prerendered-code')).to.include('class="article theme-dark"');
  });

  it('colours, font, width and corners', async () => {
    const el = await open();
    await change(el, '#accent', '#aa3300');
    await change(el, '#color', '#102030');
    await change(el, '#background', '#fafaf0');
    await change(el, '#font', 'serif');
    await change(el, '#width', '56ch');
    await change(el, '#radius', '0');
    const article = preview(el);
    expect(style(article, 'cta-button').backgroundColor).to.equal('rgb(170, 51, 0)');
    expect(style(article, 'cta-button').color).to.equal('rgb(255, 255, 255)');
    expect(style(article, 'cta-button').borderTopLeftRadius).to.equal('0px');
    expect(style(article, 'paragraph').color).to.equal('rgb(16, 32, 48)');
    expect(style(article, 'title').color).to.equal('rgb(16, 32, 48)');
    expect(style(article, 'article').backgroundColor).to.equal('rgb(250, 250, 240)');
    expect(style(article, 'paragraph').fontFamily).to.include('Georgia');
    const html = code(el, 'html-self');
    for (const line of [
      '--therapist-article-accent: #aa3300;',
      '--therapist-article-accent-text: #ffffff;',
      '--therapist-article-color: #102030;',
      '--therapist-article-background: #fafaf0;',
      '--therapist-article-font: Georgia',
      '--therapist-article-max-width: 56ch;',
      '--therapist-article-radius: 0;',
    ]) {
      expect(html).to.include(line);
    }
    expect(html).to.match(/^<style>\ntherapist-attachment-article \{/);
    expect(allCode(el)).to.not.include('style="');
    // A light button colour gets dark text.
    await change(el, '#accent', '#f0e68c');
    expect(code(el, 'html-self')).to.include('--therapist-article-accent-text: #000000;');
    // and back to the look's own
    $<HTMLButtonElement>(el, '#accent ~ button').click();
    await settle(el);
    expect(code(el, 'html-self')).to.not.include('--therapist-article-accent');
  });

  it('heading level', async () => {
    const el = await open();
    await change(el, '#heading-level', '3');
    expect(part(preview(el), 'title').localName).to.equal('h3');
    expect(code(el, 'html-self')).to.include('heading-level="3"');
    expect(code(el, 'wordpress-shortcode')).to.include('heading_level="3"');
    expect(code(el, 'prerendered-code')).to.include('<h3 id="title"');
  });

  it('the link: address, label and where it opens', async () => {
    const el = await open();
    await change(el, '#href', 'https://example.com/book?a=1&b=2');
    await change(el, '#cta-label', 'Book a free call');
    await change(el, '#cta-target', '_blank');
    const button = part<HTMLAnchorElement>(preview(el), 'cta-button');
    expect(button.getAttribute('href')).to.equal('https://example.com/book?a=1&b=2');
    expect(button.target).to.equal('_blank');
    expect(seen(button)).to.include('Book a free call');
    const tag = code(el, 'html-self');
    expect(tag).to.include('cta-href="https://example.com/book?a=1&amp;b=2"');
    expect(tag).to.include('cta-label="Book a free call"');
    expect(tag).to.include('cta-target="_blank"');
    expect(code(el, 'wordpress-shortcode')).to.include(
      'cta_href="https://example.com/book?a=1&amp;b=2"',
    );
    expect(code(el, 'wix-embed')).to.include('cta-target="_blank"');
  });

  it('the contact form: endpoint, encoding, privacy and crisis lines', async () => {
    const el = await open();
    const formFile = 'therapist-attachment-article.form.js';
    expect(el.shadowRoot!.textContent).to.not.include(formFile);
    await change(el, 'input[name="reach"][value="form"]', true);
    await change(el, '#action', 'https://formspree.io/f/abcd');
    // Self-hosted, the form's code is a second file to upload.
    expect(el.shadowRoot!.textContent).to.include(formFile);
    expect(part(preview(el), 'form')).to.exist;
    expect(preview(el).getAttribute('form-action')).to.equal('https://formspree.io/f/abcd');
    expect(code(el, 'html-self')).to.include('form-action="https://formspree.io/f/abcd"');
    expect(code(el, 'wordpress-shortcode')).to.include('form="on"');
    await change(el, '#form-encoding', 'urlencoded');
    expect(code(el, 'html-self')).to.include('form-encoding="urlencoded"');
    const notes = () => seen(part(preview(el), 'form')).includes('health details');
    expect(notes()).to.be.true;
    await change(el, '#privacy', false);
    expect(notes()).to.be.false;
    expect(code(el, 'html-self')).to.include('no-privacy-note');
    await change(el, '#crisis', false);
    expect(code(el, 'html-self')).to.include('no-crisis-line');
    expect(code(el, 'prerendered-code')).to.not.include('health details');
    // The WordPress route is the plugin's default: no form_action there.
    await change(el, '#action', '/wp-json/therapist-attachment-article/v1/contact');
    expect(code(el, 'wordpress-shortcode')).to.not.include('form_action');
  });

  it('the preview’s width and the page behind it', async () => {
    const el = await open();
    await change(el, 'input[name="view-width"][value="phone"]', true);
    const page = $(el, '.page');
    expect(page.getBoundingClientRect().width).to.be.at.most(375);
    await change(el, 'input[name="view-page"][value="dark"]', true);
    expect(getComputedStyle(page).backgroundColor).to.equal('rgb(22, 25, 26)');
    // Blending in, the article takes the dark page's text colour.
    expect(style(preview(el), 'paragraph').color).to.equal('rgb(236, 236, 236)');
    await fragmentSays(/view=phone/);
  });
});

describe('configurator: values the element would refuse', () => {
  for (const value of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ]) {
    it(`link ${JSON.stringify(value)}: a message on the field, and in no code`, async () => {
      const el = await open();
      await change(el, '#href', value);
      const input = $(el, '#href');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = $(el, '#href-error');
      expect(input.getAttribute('aria-describedby')).to.include('href-error');
      expect(seen(error)).to.match(/refuses/);
      expect(error.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(allCode(el).toLowerCase()).to.not.match(/javascript:|data:text|vbscript:|alert\(1\)/);
      expect(part(preview(el), 'cta-button').getAttribute('href')).to.equal('#contact');
      expect(seen($(el, '#error-summary'))).to.include('One setting');
      $<HTMLAnchorElement>(el, '#error-summary a[href="#href"]').click();
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expect(el).to.be.accessible();
    });
  }

  for (const value of [
    'http://example.com/contact',
    'javascript:alert(1)',
    'data:,x',
    '#contact',
    'https://user:pw@example.com/f',
  ]) {
    it(`endpoint ${JSON.stringify(value)}: a message on the field, and in no code`, async () => {
      const el = await open();
      await change(el, 'input[name="reach"][value="form"]', true);
      await change(el, '#action', value);
      const input = $(el, '#action');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.include('action-error');
      expect(seen($(el, '#action-error')).length).to.be.greaterThan(20);
      if (value !== '#contact') expect(allCode(el)).to.not.include(value);
      expect(allCode(el)).to.not.include('form-action');
      expect(allCode(el)).to.not.include('form="on"');
      expect(preview(el).hasAttribute('form-action')).to.be.false;
    });
  }

  it('a fixed value clears its message', async () => {
    const el = await open();
    await change(el, '#href', 'javascript:alert(1)');
    await change(el, '#href', 'tel:+15555550123');
    expect($(el, '#href').getAttribute('aria-invalid')).to.equal('false');
    expect(seen($(el, '#href-error'))).to.equal('');
    expect(code(el, 'html-self')).to.include('cta-href="tel:+15555550123"');
  });
});

describe('configurator: the URL fragment and Reset', () => {
  it('settings survive a reload through the fragment', async () => {
    let el = await open();
    await change(el, '#theme', 'light');
    await change(el, '#heading-level', '4');
    await change(el, '#href', '/book');
    await change(el, '#accent', '#123456');
    await fragmentSays(/theme=light.*href=%2Fbook|href=%2Fbook.*theme=light/);
    await fragmentSays(/accent=%23123456/);
    const hash = location.hash;
    el.remove();
    el = await open(hash);
    expect($<HTMLSelectElement>(el, '#theme').value).to.equal('light');
    expect($<HTMLSelectElement>(el, '#heading-level').value).to.equal('4');
    expect($<HTMLInputElement>(el, '#href').value).to.equal('/book');
    expect(preview(el).getAttribute('cta-href')).to.equal('/book');
    expect(code(el, 'html-self')).to.include('--therapist-article-accent: #123456;');
  });

  it('quick typing writes the fragment a few times a second, the last value last', async () => {
    const el = await open();
    const calls: unknown[] = [];
    const replaceState = history.replaceState;
    history.replaceState = function (...args: Parameters<History['replaceState']>) {
      calls.push(args[2]);
      return replaceState.apply(this, args);
    };
    try {
      const started = performance.now();
      // 150 keystrokes: one more than WebKit allows replaceState calls in 10 seconds.
      for (let i = 1; i <= 150; i++) await change(el, '#href', `/book/${i}`);
      const seconds = (performance.now() - started) / 1000;
      await fragmentSays(/href=%2Fbook%2F150(&|$)/);
      expect(calls.length).to.be.at.most(Math.ceil(seconds * 5) + 2);
    } finally {
      history.replaceState = replaceState;
    }
  });

  it('follows the fragment when it changes while the page is open', async () => {
    const el = await open();
    setFragment('#theme=auto&heading=1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(preview(el).getAttribute('theme')).to.equal('auto');
    expect(part(preview(el), 'title').localName).to.equal('h1');
  });

  it('a shared fragment with an unsafe link shows the message, not the link', async () => {
    const el = await open('#href=javascript%3Aalert(1)');
    expect($(el, '#href').getAttribute('aria-invalid')).to.equal('true');
    expect(allCode(el)).to.not.include('javascript');
  });

  it('Reset returns to the defaults', async () => {
    const el = await open('#theme=dark&heading=5&reach=form&action=https%3A%2F%2Fa.example%2Ff');
    expect(preview(el).getAttribute('theme')).to.equal('dark');
    $<HTMLButtonElement>(el, '#reset').click();
    await settle(el);
    expect(
      preview(el)
        .getAttributeNames()
        .filter((n) => n !== 'style'),
    ).to.deep.equal([]);
    await fragmentSays(/^$/);
    expect(code(el, 'html-self')).to.equal(
      '<script src="therapist-attachment-article.js" defer></script>\n' +
        '<therapist-attachment-article>\n' +
        '  <p>Is it "Normal" to be Attached to your Therapist? <a href="#contact">Reach out</a></p>\n' +
        '</therapist-attachment-article>',
    );
  });
});

describe('configurator: copying, privacy, small screens', () => {
  it('Copy puts the code on the clipboard, or selects it', async () => {
    const el = await open();
    const button = $<HTMLButtonElement>(el, '#platform-html button');
    button.click();
    // the clipboard answers asynchronously; the status then says what happened
    await waitUntil(() => seen($(el, '#platform-html [role="status"]')), 'no status', {
      timeout: 5000,
    });
    await settle(el);
    const status = seen($(el, '#platform-html [role="status"]'));
    expect(status).to.match(/^(Copied\.|Selected)/);
    if (status.startsWith('Selected')) {
      const area = $<HTMLTextAreaElement>(el, '#code-html-self');
      expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
    }
  });

  it('the platforms are tabs: a click shows that platform’s code, one panel at a time', async () => {
    const el = await open();
    $<HTMLButtonElement>(el, '#tab-wix').click();
    await settle(el);
    expect($(el, '#tab-wix').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#tab-html').getAttribute('aria-selected')).to.equal('false');
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter(
      (p) => p.getBoundingClientRect().height > 0,
    );
    expect(shown.map((p) => p.id)).to.deep.equal(['platform-wix']);
    expect(location.hash).to.equal('', 'the settings fragment is left alone');
  });

  it('in forced colours, a refused value keeps a visible outline (Chromium)', async function () {
    const applied = await executeServerCommand('emulate-media-features', {
      features: [{name: 'forced-colors', value: 'active'}],
    });
    try {
      if (!applied) this.skip();
      const el = await open();
      await change(el, '#href', 'javascript:alert(1)');
      const style = getComputedStyle($(el, '#href'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    } finally {
      await executeServerCommand('emulate-media-features', {
        features: [{name: 'forced-colors', value: ''}],
      });
    }
  });

  it('stores nothing: no cookie, no localStorage', async () => {
    const before = {cookie: document.cookie, storage: localStorage.length};
    const el = await open();
    await change(el, '#theme', 'dark');
    await change(el, '#href', '/x');
    expect(document.cookie).to.equal(before.cookie);
    expect(localStorage.length).to.equal(before.storage);
  });

  it('fits a 320 px wide screen', async function () {
    const size = (await executeServerCommand('set-viewport-size', {width: 320, height: 640})) as {
      width: number;
    };
    try {
      if (size.width > 320 || window.innerWidth > 320) this.skip(); // WebKit's window stops near 447
      const el = await open();
      await change(el, 'input[name="reach"][value="form"]', true);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await executeServerCommand('set-viewport-size', {width: 800, height: 600});
    }
  });
});

describe('configurator: the teaser', () => {
  const HOME = 'https://emily.example/blog/attached?a=1&b=2';
  /** The preview's paragraphs a reader sees, and its “Continue reading”. */
  const shownParagraphs = (el: TherapistConfigurator) =>
    [...preview(el).shadowRoot!.querySelectorAll('[part="paragraph"]')].filter((p) =>
      p.checkVisibility(),
    ).length;
  const readMore = (el: TherapistConfigurator) => part(preview(el), 'read-more');
  /** The snippet the element's own prerender module writes for these settings. */
  const expectedSnippet = (
    el: TherapistConfigurator,
    teaser: {paragraphs: number; readMoreHref?: string},
  ) =>
    prerenderedSnippet(
      data.parts,
      Object.fromEntries(
        preview(el)
          .getAttributeNames()
          .filter((n) => n !== 'style')
          .map((n) => [n, preview(el).getAttribute(n)!]),
      ),
      {
        structuredData: teaser.readMoreHref
          ? blogPostingScript(article, {paragraphs: teaser.paragraphs, url: teaser.readMoreHref})
          : data.structuredData,
        scriptSrc: 'therapist-attachment-article.hydrate.js',
      },
    );

  it('the teaser’s controls show only for the teaser', async () => {
    const el = await open();
    expect(el.shadowRoot!.querySelector('#teaser-paragraphs')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#readMore')).to.equal(null);
    expect([...$<HTMLSelectElement>(el, '#layout').options].map((o) => o.value)).to.deep.equal([
      'full',
      'teaser',
    ]);
    await change(el, '#layout', 'teaser');
    expect($<HTMLInputElement>(el, '#teaser-paragraphs').value).to.equal('3');
    expect($<HTMLInputElement>(el, '#readMore').value).to.equal('');
    await expect(el).to.be.accessible();
    await change(el, '#layout', 'full');
    expect(el.shadowRoot!.querySelector('#teaser-paragraphs')).to.equal(null);
    expect(allCode(el)).to.not.include('teaser');
  });

  it('layout and paragraphs shown: the preview, and every platform’s code', async () => {
    const el = await open();
    await change(el, '#layout', 'teaser');
    expect(preview(el).getAttribute('layout')).to.equal('teaser');
    expect(shownParagraphs(el)).to.equal(3);
    expect(readMore(el).localName).to.equal('summary');
    // The default count is the element's: no attribute for it.
    expect(code(el, 'html-self')).to.include('layout="teaser"');
    expect(code(el, 'html-self')).to.not.include('teaser-paragraphs');
    expect(code(el, 'prerendered-code')).to.equal(expectedSnippet(el, {paragraphs: 3}));

    await change(el, '#teaser-paragraphs', '5');
    expect(preview(el).getAttribute('teaser-paragraphs')).to.equal('5');
    expect(shownParagraphs(el)).to.equal(5);
    for (const id of [
      'html-self',
      'html-cdn',
      'squarespace-code',
      'webflow-code',
      'wix-embed',
      'google-sites-code',
    ]) {
      expect(code(el, id), id).to.include('layout="teaser"');
      expect(code(el, id), id).to.include('teaser-paragraphs="5"');
    }
    expect(code(el, 'wix-attributes')).to.include('layout = teaser\nteaser-paragraphs = 5');
    expect(code(el, 'wordpress-shortcode')).to.include('layout="teaser" teaser_paragraphs="5"');
    expect(code(el, 'wordpress-shortcode')).to.not.include('read_more_href');
    expect(code(el, 'wordpress-block')).to.include('(layout): teaser');
    expect(code(el, 'wordpress-block')).to.include('(teaserParagraphs): 5');
    // The pre-rendered snippet is the prerender module's own, its JSON-LD the whole article.
    const snippet = code(el, 'prerendered-code');
    expect(snippet).to.equal(expectedSnippet(el, {paragraphs: 5}));
    // Its shadow root is fillPrerender's, with the rule that hides a second, live copy.
    const root = fillPrerender(data.parts, {layout: 'teaser', 'teaser-paragraphs': '5'});
    expect(snippet).to.include(
      root.replace('</style>', '.article:has(~.article){display:none}</style>'),
    );
    expect(snippet).to.include(data.structuredData);
    await fragmentSays(/layout=teaser/);
    await fragmentSays(/paragraphs=5/);
  });

  it('the full post’s URL: a link in the preview and the code, and the excerpt’s JSON-LD', async () => {
    const el = await open('#layout=teaser&paragraphs=4');
    await change(el, '#readMore', HOME);
    const link = readMore(el);
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal(HOME);
    expect(preview(el).getAttribute('read-more-href')).to.equal(HOME);
    const escaped = 'https://emily.example/blog/attached?a=1&amp;b=2';
    for (const id of ['html-self', 'html-cdn', 'squarespace-code', 'webflow-code', 'wix-embed']) {
      expect(code(el, id), id).to.include(`read-more-href="${escaped}"`);
    }
    expect(code(el, 'wix-attributes')).to.include(`read-more-href = ${HOME}`);
    expect(code(el, 'wordpress-shortcode')).to.include(
      `layout="teaser" teaser_paragraphs="4" read_more_href="${escaped}"`,
    );
    expect(code(el, 'wordpress-block')).to.include(`(readMoreHref): ${HOME}`);
    const snippet = code(el, 'prerendered-code');
    expect(snippet).to.equal(expectedSnippet(el, {paragraphs: 4, readMoreHref: HOME}));
    const json = new DOMParser()
      .parseFromString(snippet, 'text/html')
      .querySelector('script[type="application/ld+json"]')!.textContent!;
    const ld = JSON.parse(json) as {url: string; articleBody: string};
    expect(ld.url).to.equal(HOME);
    expect(ld.articleBody.split('\n\n')).to.have.length(4);
    expect(seen($(el, '#platform-prerendered'))).to.include('names the full post');
    // In a frame every link opens a new tab, “Continue reading” too.
    expect(code(el, 'wix-embed')).to.match(/^<base target="_blank">\n/);
    expect(code(el, 'google-sites-code')).to.match(/^<base target="_blank">\n/);
    await expect(el).to.be.accessible();
  });

  for (const value of ['0', '11', '2.5', '-1', '1e9']) {
    it(`paragraphs shown ${JSON.stringify(value)}: the default 3, and a note naming the field`, async () => {
      const el = await open('#layout=teaser');
      await change(el, '#teaser-paragraphs', value);
      const input = $(el, '#teaser-paragraphs');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.include('paragraphs-error');
      const error = $(el, '#teaser-paragraphs-error');
      expect(seen(error)).to.include('Paragraphs shown');
      expect(error.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(preview(el).hasAttribute('teaser-paragraphs')).to.be.false;
      expect(shownParagraphs(el)).to.equal(3);
      expect(allCode(el)).to.not.match(/teaser[-_]paragraphs/);
      expect(code(el, 'prerendered-code')).to.equal(expectedSnippet(el, {paragraphs: 3}));
      expect(seen($(el, '#error-summary'))).to.include('Paragraphs shown');
      $<HTMLAnchorElement>(el, '#error-summary a[href="#teaser-paragraphs"]').click();
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expect(el).to.be.accessible();
    });
  }

  it('a shared fragment with a bad count shows the note instead of failing', async () => {
    const el = await open('#layout=teaser&paragraphs=lots');
    expect(seen($(el, '#teaser-paragraphs-error'))).to.include('Paragraphs shown');
    expect(shownParagraphs(el)).to.equal(3);
  });

  for (const value of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x']) {
    it(`full post’s URL ${JSON.stringify(value)}: refused, the button opens the rest in place`, async () => {
      const el = await open('#layout=teaser');
      await change(el, '#readMore', value);
      const input = $(el, '#readMore');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(seen($(el, '#readMore-error'))).to.match(/Full post’s URL: the article refuses/);
      expect(allCode(el).toLowerCase()).to.not.match(/javascript:|data:text|alert\(1\)/);
      expect(allCode(el)).to.not.match(/read[-_]more[-_]href/);
      expect(preview(el).hasAttribute('read-more-href')).to.be.false;
      expect(readMore(el).localName).to.equal('summary');
      expect(code(el, 'prerendered-code')).to.equal(expectedSnippet(el, {paragraphs: 3}));
      await expect(el).to.be.accessible();
    });
  }

  it('full post’s URL that is not a whole web address: a note, and left out', async () => {
    const el = await open('#layout=teaser');
    for (const value of ['/blog/attached', '#more', 'mailto:a@example.com']) {
      await change(el, '#readMore', value);
      expect(seen($(el, '#readMore-error')), value).to.include('whole address');
      expect(preview(el).hasAttribute('read-more-href'), value).to.be.false;
    }
    await change(el, '#readMore', 'http://emily.example/blog');
    expect(seen($(el, '#readMore-error'))).to.equal('');
    expect(preview(el).getAttribute('read-more-href')).to.equal('http://emily.example/blog');
  });
});

describe('configurator: addresses checked as they are typed', () => {
  const FIELDS = {href: 'Where the button leads', action: 'Where messages are sent'} as const;
  /** Opens the configurator on the field: the link's, or the form's. */
  async function openOn(field: keyof typeof FIELDS) {
    const el = await open();
    if (field === 'action') await change(el, 'input[name="reach"][value="form"]', true);
    return el;
  }
  /** The attribute each field sets. */
  const ATTRIBUTE = {href: 'cta-href', action: 'form-action'} as const;

  for (const field of ['href', 'action'] as const) {
    for (const [value, host] of [
      ['/\\evil.example/collect', 'evil.example'],
      ['\\\\evil.example\\x', 'evil.example'],
      ['//evil.example/x', 'evil.example'],
      [' //evil.example/x', 'evil.example'],
      ['https://good.example\\@evil.example/', ''],
      ['/contact\\form', ''],
    ] as const) {
      it(`${FIELDS[field]}: ${JSON.stringify(value)} is refused, in words, and in no code`, async () => {
        const el = await openOn(field);
        await change(el, `#${field}`, value);
        const input = $(el, `#${field}`);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')).to.include(`${field}-error`);
        const message = seen($(el, `#${field}-error`));
        expect(message).to.match(
          value.includes('\\') ? /cannot contain “\\”/ : /starts with “\/\/”/,
        );
        if (host) expect(message).to.include(`another site (${host})`);
        expect(allCode(el)).to.not.include('evil.example');
        expect(allCode(el)).to.not.include(ATTRIBUTE[field]);
        expect(preview(el).hasAttribute(ATTRIBUTE[field])).to.be.false;
        expect(el.shadowRoot!.querySelector('#action-target')).to.equal(null);
        expect(seen($(el, '#error-summary'))).to.include(FIELDS[field]);
      });
    }
  }

  for (const [typed, suggested] of [
    ['calendly.com/yourpractice', 'https://calendly.com/yourpractice'],
    ['www.example.org', 'https://www.example.org'],
    ['you@example.com', 'mailto:you@example.com'],
    ['555-555-0123', 'tel:555-555-0123'],
    ['+1 (555) 555-0123', 'tel:+1-555-555-0123'],
  ] as const) {
    it(`the link ${JSON.stringify(typed)}: “Did you mean ${suggested}?”, one click to take it`, async () => {
      const el = await openOn('href');
      await change(el, '#href', typed);
      const input = $<HTMLInputElement>(el, '#href');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(seen($(el, '#href-error'))).to.include(`Did you mean ${suggested}?`);
      // Not taken silently as a path of the page's site.
      expect(allCode(el)).to.not.include(typed);
      expect(preview(el).hasAttribute('cta-href')).to.be.false;
      await expect(el).to.be.accessible();
      const use = $<HTMLButtonElement>(el, '#href-use');
      expect(seen(use)).to.equal(`Use ${suggested}`);
      use.click();
      await waitUntil(() => el.shadowRoot!.activeElement === input, 'focus back on the field');
      await settle(el);
      expect(input.value).to.equal(suggested);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(el.shadowRoot!.querySelector('#href-use')).to.equal(null);
      expect(preview(el).getAttribute('cta-href')).to.equal(suggested);
      expect(code(el, 'html-self')).to.include(`cta-href="${suggested}"`);
    });
  }

  it('paths of the site’s own stay paths: no suggestion', async () => {
    const el = await openOn('href');
    for (const value of ['/contact', 'contact.html', './book.php', 'contact', '#book']) {
      await change(el, '#href', value);
      expect(seen($(el, '#href-error')), value).to.equal('');
      expect(el.shadowRoot!.querySelector('#href-use'), value).to.equal(null);
      expect(preview(el).getAttribute('cta-href'), value).to.equal(value);
    }
  });

  it('the form: where messages will be sent, resolved to a whole address', async () => {
    const el = await openOn('action');
    const input = $(el, '#action');
    await change(el, '#action', 'https://FormSpree.io/f/abcd');
    const target = $(el, '#action-target');
    expect(seen(target)).to.equal('Messages will be sent to https://formspree.io/f/abcd.');
    expect(input.getAttribute('aria-describedby')).to.include('action-target');
    await change(el, '#action', '/wp-json/therapist-attachment-article/v1/contact');
    expect(seen($(el, '#action-target'))).to.match(
      /^Messages will be sent to your own site, the one the article is on: .* that is https:\/\/your-site\.example\/wp-json\/therapist-attachment-article\/v1\/contact\.$/,
    );
    await change(el, '#action', 'contact');
    expect(seen($(el, '#action-target'))).to.include('relative to the page’s address');
    expect(seen($(el, '#action-target'))).to.include('https://your-site.example/blog/contact');
    await expect(el).to.be.accessible();
    await change(el, '#action', 'javascript:alert(1)');
    expect(el.shadowRoot!.querySelector('#action-target')).to.equal(null);
  });

  it('the form: a bare domain gets https://; an email or a phone number a message', async () => {
    const el = await openOn('action');
    await change(el, '#action', 'formspree.io/f/abcd');
    expect(seen($(el, '#action-error'))).to.include('Did you mean https://formspree.io/f/abcd?');
    expect(allCode(el)).to.not.include('form-action');
    $<HTMLButtonElement>(el, '#action-use').click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#action'), 'focus');
    await settle(el);
    expect(preview(el).getAttribute('form-action')).to.equal('https://formspree.io/f/abcd');
    expect(seen($(el, '#action-target'))).to.include('https://formspree.io/f/abcd');
    for (const [value, words] of [
      ['you@example.com', 'cannot send messages straight to an email address'],
      ['555-555-0123', 'A phone number cannot receive'],
    ] as const) {
      await change(el, '#action', value);
      expect(seen($(el, '#action-error')), value).to.include(words);
      expect(el.shadowRoot!.querySelector('#action-use'), value).to.equal(null);
      expect(allCode(el), value).to.not.include('form-action');
    }
  });

  it('a form address from a shared link is marked, and left out until the owner confirms it', async () => {
    const el = await open('#reach=form&action=https%3A%2F%2Fcollect.example%2Ff%2Fx&theme=dark');
    const input = $<HTMLInputElement>(el, '#action');
    expect(input.value).to.equal('https://collect.example/f/x');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(seen($(el, '#action-error'))).to.include(
      'This address came from the link you opened: check it is yours',
    );
    expect(seen($(el, '#action-target'))).to.equal(
      'Once confirmed, messages will be sent to https://collect.example/f/x.',
    );
    // Nothing carries it: not the code, not the preview (a test message would go there).
    expect(allCode(el)).to.not.include('collect.example');
    expect(preview(el).hasAttribute('form-action')).to.be.false;
    expect(code(el, 'html-self')).to.include('theme="dark"');
    expect(seen($(el, '#error-summary'))).to.include('until fixed or confirmed');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#action-confirm').click();
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'focus back on the field');
    await settle(el);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(seen($(el, '#action-target'))).to.equal(
      'Messages will be sent to https://collect.example/f/x.',
    );
    expect(el.shadowRoot!.querySelector('#action-confirm')).to.equal(null);
    expect(preview(el).getAttribute('form-action')).to.equal('https://collect.example/f/x');
    expect(code(el, 'html-self')).to.include('form-action="https://collect.example/f/x"');
  });

  it('an address the owner types is theirs; one a later link brings is marked again', async () => {
    const el = await open('#reach=form&action=https%3A%2F%2Fcollect.example%2Ff%2Fx');
    await change(el, '#action', 'https://formspree.io/f/mine');
    expect($(el, '#action').getAttribute('aria-invalid')).to.equal('false');
    expect(code(el, 'html-self')).to.include('form-action="https://formspree.io/f/mine"');
    setFragment('#reach=form&action=%2Fcontact');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(seen($(el, '#action-error'))).to.include('came from the link you opened');
    expect(allCode(el)).to.not.include('form-action');
  });

  it('the full post’s URL: a bare domain gets https://, a disguised address is refused', async () => {
    const el = await open('#layout=teaser');
    await change(el, '#readMore', '//evil.example/post');
    expect(seen($(el, '#readMore-error'))).to.include('another site (evil.example)');
    expect(allCode(el)).to.not.include('evil.example');
    await change(el, '#readMore', 'emily.example/blog/attached');
    expect(seen($(el, '#readMore-error'))).to.include(
      'did you mean https://emily.example/blog/attached?',
    );
    expect(preview(el).hasAttribute('read-more-href')).to.be.false;
    $<HTMLButtonElement>(el, '#readMore-use').click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#readMore'), 'focus');
    await settle(el);
    expect(preview(el).getAttribute('read-more-href')).to.equal(
      'https://emily.example/blog/attached',
    );
  });

  it('keyboard: the suggestion’s button is reached with Tab from the field', async () => {
    const el = await openOn('href');
    await change(el, '#href', 'calendly.com/you');
    const input = $(el, '#href');
    input.focus();
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement?.id).to.equal('href-use');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'focus back on the field');
    await settle(el);
    expect(preview(el).getAttribute('cta-href')).to.equal('https://calendly.com/you');
  });
});

describe('configurator: frame heights for Wix’s Embed HTML and Google Sites', () => {
  const steps = (el: TherapistConfigurator, platform: string) =>
    seen($(el, `#platform-${platform} .instructions`));
  /** The heights a platform's steps give, in px: [phone, desktop]. */
  const given = (text: string) => {
    const m = /at least ([\d,]+) px tall on a phone and ([\d,]+) px on a desktop/.exec(text);
    if (!m) throw new Error(`no heights in: ${text}`);
    return [m[1], m[2]].map((n) => Number(n!.replace(/,/g, '')));
  };
  /**
   * The frame holds the measured element (and its page's margin), with at most a quarter more,
   * rounded up to the hundred the steps give (a short teaser's 549 px take a 700 px frame).
   */
  const holds = (height: number, measured: number) => {
    expect(height).to.be.at.least(measured + 16);
    expect(height).to.be.at.most(Math.ceil(((measured + 16) * 1.25) / 100) * 100);
    expect(height % 100).to.equal(0);
  };

  it('the frame rounds up with room to spare', () => {
    expect(frameHeight(3992)).to.equal(4500);
    expect(frameHeight(880)).to.equal(1000);
    expect(frameHeight(900)).to.equal(1100);
    expect(frameHeight(0)).to.equal(100);
  });

  for (const [fragment, key, teaserKey, what] of [
    ['', 'blend/default/full-link', 'blend/default/teaser-3', 'the whole article with its button'],
    [
      '#theme=dark&reach=form&action=%2Fcontact',
      'dark/default/full-form',
      'dark/default/teaser-3',
      'the whole article with its contact form',
    ],
    [
      '#theme=light&layout=teaser&paragraphs=5&width=56ch',
      'light/56ch/full-link',
      'light/56ch/teaser-5',
      'once “Continue reading” opens',
    ],
    [
      '#layout=teaser&paragraphs=4&more=https%3A%2F%2Fa.example%2Fpost&width=none',
      'blend/none/teaser-4',
      '',
      'the teaser with its “Continue reading”',
    ],
  ] as const) {
    it(`${key}: the measured heights, in Wix’s and Google Sites’ steps`, async () => {
      const el = await open(fragment);
      if (fragment.includes('action=')) {
        $<HTMLButtonElement>(el, '#action-confirm').click();
        await settle(el);
      }
      const measured = FRAME_HEIGHTS[key]!;
      for (const platform of ['wix', 'google-sites']) {
        const text = steps(el, platform);
        expect(text).to.not.include('3000');
        expect(text).to.include(what);
        expect(text).to.include(`measured at ${FRAME_WIDTHS.phone} and ${FRAME_WIDTHS.desktop} px`);
        const [phone, desktop] = given(text);
        holds(phone!, measured.phone);
        holds(desktop!, measured.desktop);
        // The teaser linking to the full post is suggested, with its own (shorter) heights.
        const suggestion =
          /choose the teaser and give the full post’s URL\. The frame then needs only ([\d,]+) px/.exec(
            text,
          );
        if (!teaserKey) {
          expect(suggestion, platform).to.equal(null);
        } else {
          const teaser = FRAME_HEIGHTS[teaserKey]!;
          holds(Number(suggestion![1]!.replace(/,/g, '')), teaser.phone);
          expect(Number(suggestion![1]!.replace(/,/g, ''))).to.be.below(phone!);
        }
      }
    });
  }
});

describe('configurator: every attribute of the table, from its row', () => {
  const HOME = 'https://emily.example/blog/attached';
  const withTeaser = `#layout=teaser&more=${encodeURIComponent(HOME)}`;

  it('read-more-target: shown only with a teaser linking to the full post', async () => {
    const el = await open();
    expect(el.shadowRoot!.querySelector('#read-more-target')).to.equal(null);
    await change(el, '#layout', 'teaser');
    expect(el.shadowRoot!.querySelector('#read-more-target')).to.equal(null);
    await change(el, '#readMore', HOME);
    const options = [...$<HTMLSelectElement>(el, '#read-more-target').options];
    expect(options.map((o) => o.value)).to.deep.equal(['_self', '_blank', '_top']);
    expect(options.map((o) => o.textContent!.trim())[2]).to.include('whole window');
    await change(el, '#layout', 'full');
    expect(el.shadowRoot!.querySelector('#read-more-target')).to.equal(null);
  });

  it('read-more-target reaches the preview, every platform’s code and the shared link', async () => {
    let el = await open(withTeaser);
    await change(el, '#read-more-target', '_top');
    expect(preview(el).getAttribute('read-more-target')).to.equal('_top');
    expect(part<HTMLAnchorElement>(preview(el), 'read-more').target).to.equal('_top');
    for (const id of [
      'html-self',
      'html-cdn',
      'prerendered-code',
      'squarespace-code',
      'webflow-code',
    ]) {
      expect(code(el, id), id).to.include('read-more-target="_top"');
    }
    // In a sandboxed frame only a new tab leaves it, so the frames' code says so.
    for (const id of ['wix-embed', 'google-sites-code']) {
      expect(code(el, id), id).to.include('read-more-target="_blank"');
    }
    expect(code(el, 'wix-attributes')).to.include('read-more-target = _top');
    expect(code(el, 'wordpress-shortcode')).to.include('read_more_target="_top"');
    expect(code(el, 'wordpress-block')).to.include('(readMoreTarget): _top');
    await fragmentSays(/read-more-target=_top/);
    const hash = location.hash;
    el.remove();
    el = await open(hash);
    expect($<HTMLSelectElement>(el, '#read-more-target').value).to.equal('_top');
    expect(preview(el).getAttribute('read-more-target')).to.equal('_top');
    // Without the full post's URL it means nothing: left out of the code.
    await change(el, '#readMore', '');
    expect(allCode(el)).to.not.match(/read[-_]more[-_]target/);
  });

  it('links shared before the table open with every setting (their short keys)', async () => {
    const el = await open(
      '#theme=dark&heading=3&layout=teaser&paragraphs=4&more=https%3A%2F%2Fa.example%2Fp' +
        '&reach=form&action=%2Fcontact&encoding=urlencoded&privacy=off&crisis=off',
    );
    $<HTMLButtonElement>(el, '#action-confirm').click();
    await settle(el);
    const tag = code(el, 'html-self');
    for (const attribute of [
      'theme="dark"',
      'heading-level="3"',
      'layout="teaser"',
      'teaser-paragraphs="4"',
      'read-more-href="https://a.example/p"',
      'form-action="/contact"',
      'form-encoding="urlencoded"',
      'no-privacy-note',
      'no-crisis-line',
    ]) {
      expect(tag).to.include(attribute);
    }
    const link = await open('#href=%2Fbook&label=Book&target=_blank');
    expect(code(link, 'html-self')).to.include('cta-href="/book"');
    expect(code(link, 'html-self')).to.include('cta-label="Book"');
    expect(code(link, 'html-self')).to.include('cta-target="_blank"');
  });
});

describe('configurator: contrast, the form at once, tabs and a phone', () => {
  const warning = (el: TherapistConfigurator) => seen($(el, '#contrast-warning'));

  it('checks any colour against the look’s own colours', async () => {
    const el = await open('#theme=light');
    expect(warning(el)).to.equal('');
    await change(el, '#color', '#bbbbbb');
    expect(warning(el)).to.match(/The text: #bbbbbb on #fbf9f5 has a contrast of 1\.[89]:1/);
    await change(el, '#color', '#222222');
    expect(warning(el)).to.equal('');
    await change(el, '#accent', '#ffe066');
    expect(warning(el)).to.match(/The button .*#ffe066 on #fbf9f5 has a contrast of 1\.\d:1/);
    // The warning itself reads well (the preview's text does; only the button's edge fails).
    await expect(el).to.be.accessible();
    await change(el, '#theme', 'dark');
    await change(el, '#accent', '#1a1a40');
    expect(warning(el)).to.include('on the dark look');
    await change(el, '#accent', '#ffe066');
    // Blending in, the preview's page is what the text meets.
    await change(el, '#theme', '');
    await change(el, '#color', '#dddddd');
    expect(warning(el)).to.include('#dddddd on #ffffff');
  });

  it('a contact form shows at once, sending nothing, and nothing is red until typed', async () => {
    const el = await open();
    await change(el, 'input[name="reach"][value="form"]', true);
    await waitUntil(() => preview(el).shadowRoot!.querySelector('[part~="form"]'), 'the form');
    expect(preview(el).hasAttribute('form-action')).to.be.false;
    expect($(el, '#action').getAttribute('aria-invalid')).to.equal('false');
    expect(seen($(el, '#action-error'))).to.equal('');
    expect(el.shadowRoot!.querySelector('#error-summary')).to.equal(null);
    expect(seen($(el, '#preview-form-note'))).to.include('sends nothing');
    expect(allCode(el)).to.not.match(/form-action|form-listener|form="on"/);
    await change(el, '#action', 'x');
    await change(el, '#action', '');
    expect($(el, '#action').getAttribute('aria-invalid')).to.equal('true');
    expect(seen($(el, '#action-error'))).to.include('Enter where messages are sent');
    await expect(el).to.be.accessible();
  });

  it('platform tabs work by keyboard: arrows, Home and End, one tab in the Tab order', async () => {
    const el = await open();
    const tabs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs).to.have.length(7);
    expect(tabs.filter((t) => t.tabIndex === 0)).to.have.length(1);
    tabs[0]!.focus();
    const active = () => el.shadowRoot!.activeElement as HTMLElement;
    await sendKeys({press: 'ArrowRight'});
    await waitUntil(() => active() === tabs[1] || active()?.id === 'tab-prerendered');
    expect(active().getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#platform-prerendered').hidden).to.be.false;
    expect($(el, '#platform-html').hidden).to.be.true;
    await sendKeys({press: 'End'});
    await waitUntil(() => active()?.id === 'tab-google-sites', 'End');
    await sendKeys({press: 'ArrowRight'});
    await waitUntil(() => active()?.id === 'tab-html', 'wraps to the first');
    await sendKeys({press: 'ArrowLeft'});
    await waitUntil(() => active()?.id === 'tab-google-sites', 'wraps to the last');
    await sendKeys({press: 'Home'});
    await waitUntil(() => active()?.id === 'tab-html', 'Home');
    expect(active().tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('on a phone, the preview follows the look and previews a phone', async () => {
    await executeServerCommand('set-viewport-size', {width: 375, height: 700});
    try {
      expect(window.innerWidth).to.be.at.most(600);
      const el = await open();
      const top = (selector: string) => $(el, selector).getBoundingClientRect().top;
      expect(top('.preview')).to.be.below(top('.rest'));
      expect(top('.preview')).to.be.below(top('.code'));
      expect(top('.preview') - top('.first')).to.be.below(600);
      expect($<HTMLInputElement>(el, 'input[name="view-width"][value="phone"]').checked).to.be.true;
      expect($(el, '.page').getBoundingClientRect().width).to.be.at.most(375);
      expect(location.hash).to.equal('', 'the phone is this screen’s default, not a setting');
    } finally {
      await executeServerCommand('set-viewport-size', {width: 800, height: 600});
    }
  });
});
