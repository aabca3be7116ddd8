// The teaser, pre-rendered from the build's parts (src/prerender.ts): readable without
// JavaScript as the element shows it, taken over by the hydrating script without a change, and,
// on a site that is not the article's home, carrying JSON-LD for the excerpt only, pointing to
// the full post.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {loadSources} from '../../scripts/ssr.mjs';
import {dist, engines, requireBuild, serveStatic} from './support.mjs';

const HOME = 'https://emily.example/blog/attached-to-your-therapist';
const hydrate = 'therapist-attachment-article.hydrate.js';
let server;
let browser;
let paragraphs;

before(async () => {
  requireBuild();
  const src = await loadSources();
  paragraphs = src.article.article.paragraphs.map((p) =>
    src.article.plainText(p).replace(/\s+/g, ' ').trim(),
  );
  const parts = JSON.parse(fs.readFileSync(path.join(dist, 'prerender-parts.json'), 'utf8'));
  const snippet = (readMoreHref) =>
    src.prerender.prerenderedSnippet(
      parts,
      {
        layout: 'teaser',
        ...(readMoreHref ? {'read-more-href': readMoreHref} : {}),
        'cta-href': '/contact',
      },
      {
        structuredData: src['structured-data'].blogPostingScript(
          undefined,
          readMoreHref ? {paragraphs: 3, url: readMoreHref} : undefined,
        ),
        scriptSrc: hydrate,
      },
    );
  const page = (body) => `<!doctype html><html lang="en"><title>Teaser</title>${body}</html>`;
  server = await serveStatic({
    root: dist,
    pages: {'/partner.html': page(snippet(HOME)), '/home.html': page(snippet())},
  });
  browser = await engines.chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What a reader sees: the paragraphs with a box, and the read-more control. */
const read = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('therapist-attachment-article').shadowRoot;
    const more = root.querySelector('[part~="read-more"]');
    return {
      shown: [...root.querySelectorAll('[part="paragraph"]')]
        .filter((p) => p.checkVisibility())
        .map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
      control: more && {tag: more.localName, href: more.getAttribute('href')},
      articles: root.querySelectorAll('article').length,
    };
  });

async function open(name, javaScript = true) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && problems.push(m.text()));
  await page.setJavaScriptEnabled(javaScript);
  await page.goto(`${server.origin}/${name}`, {waitUntil: 'load'});
  if (javaScript) {
    await page.waitForFunction(() => customElements.get('therapist-attachment-article'));
    await page.evaluate(
      () => document.querySelector('therapist-attachment-article').updateComplete,
    );
  }
  return {page, problems};
}

describe('the pre-rendered teaser', () => {
  it('without JavaScript shows the opening three paragraphs and the link', async () => {
    const {page} = await open('partner.html', false);
    const seen = await read(page);
    assert.deepEqual(seen.shown, paragraphs.slice(0, 3));
    assert.deepEqual(seen.control, {tag: 'a', href: HOME});
    await page.close();
  });

  it('without JavaScript opens in place, with the call-to-action', async () => {
    const {page} = await open('home.html', false);
    assert.equal((await read(page)).control.tag, 'summary');
    await page.click('pierce/[part~="read-more"]');
    const seen = await read(page);
    assert.deepEqual(seen.shown, paragraphs);
    assert.equal(
      await page.evaluate(() =>
        document
          .querySelector('therapist-attachment-article')
          .shadowRoot.querySelector('[part~="cta-button"]')
          .checkVisibility(),
      ),
      true,
    );
    await page.close();
  });

  it('is taken over by the script without a change, and opens in place', async () => {
    const {page, problems} = await open('home.html');
    const seen = await read(page);
    assert.deepEqual(seen.shown, paragraphs.slice(0, 3));
    assert.equal(seen.control.tag, 'summary');
    assert.equal(seen.articles, 1, 'hydrated, not rendered a second time');
    await page.evaluate(async () => {
      const el = document.querySelector('therapist-attachment-article');
      const more = el.shadowRoot.querySelector('[part~="read-more"]');
      const toggled = new Promise((r) => more.parentElement.addEventListener('toggle', r));
      more.click();
      await toggled;
    });
    assert.deepEqual((await read(page)).shown, paragraphs);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('on another site, its JSON-LD carries only the excerpt and names the full post', async () => {
    const {page, problems} = await open('partner.html');
    const data = await page.evaluate(() =>
      JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
    );
    assert.deepEqual(data.articleBody.split('\n\n'), paragraphs.slice(0, 3));
    assert.equal(data.url, HOME);
    assert.deepEqual(data.mainEntityOfPage, {'@type': 'WebPage', '@id': HOME});
    assert.deepEqual((await read(page)).control, {tag: 'a', href: HOME});
    assert.deepEqual(problems, []);
    await page.close();
  });
});
