// Blending in moves nothing: on pages styled by Bootstrap 5 and Pico CSS (from node_modules),
// the pre-rendered snippet hydrating and the drop-in upgrading (with the reserve rule the docs
// give) shift nothing — CLS ≤ 0.01 at 390 px with the CPU slowed 4× in Chromium — and the
// article has the page's accent once they have.
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {RESERVE_RULE, snippet} from '../../bench/pages.mjs';
import {chromiumArgs, chromiumPath} from '../../scripts/chromium.mjs';
import {serveStatic} from '../../scripts/static-server.mjs';
import {requireBuild} from './support.mjs';

requireBuild();
const root = path.resolve(import.meta.dirname, '../..');
const FRAMEWORKS = {
  bootstrap: ['/node_modules/bootstrap/dist/css/bootstrap.min.css', 'rgb(13, 110, 253)'],
  pico: ['/node_modules/@picocss/pico/css/pico.min.css', 'rgb(1, 114, 173)'],
};
const NATIVE = `<h2>A heading of the page</h2><p>A paragraph, with <a href="#x">a link</a>.</p>
<a class="btn btn-primary" href="#x">Bootstrap's button</a> <button>Pico's button</button>`;
const page = (css, head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Blend</title>
<link rel="stylesheet" href="${css}">${head}</head>
<body><main class="container">${NATIVE}${body}<p>After the article.</p></main></body></html>`;

const pages = {};
for (const [name, [css]] of Object.entries(FRAMEWORKS)) {
  pages[`/${name}/snippet.html`] = page(
    css,
    '',
    snippet().replace(
      'src="/therapist-attachment-article.hydrate.js"',
      'src="/dist/therapist-attachment-article.hydrate.js"',
    ),
  );
  pages[`/${name}/drop-in.html`] = page(
    css,
    `<script src="/dist/therapist-attachment-article.js" defer></script><style>${RESERVE_RULE}</style>`,
    '<therapist-attachment-article><a href="/blog/post">The article</a></therapist-attachment-article>',
  );
}

describe('blending in moves nothing (Chromium, 390 px, CPU 4× slower)', () => {
  let server;
  let browser;
  before(async () => {
    server = await serveStatic({root, pages});
    browser = await puppeteer.launch({executablePath: chromiumPath, args: chromiumArgs});
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, [, accent]] of Object.entries(FRAMEWORKS)) {
    for (const kind of ['snippet', 'drop-in']) {
      it(`${name}: the ${kind}`, async (t) => {
        const tab = await browser.newPage();
        await tab.setViewport({width: 390, height: 844});
        await tab.emulateCPUThrottling(4);
        await tab.evaluateOnNewDocument(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (!entry.hadRecentInput) window.__cls += entry.value;
            }
          }).observe({type: 'layout-shift', buffered: true});
        });
        await tab.goto(new URL(`/${name}/${kind}.html`, server.url).href, {waitUntil: 'load'});
        await tab.waitForFunction(
          () => document.querySelector('therapist-attachment-article')?.hasUpdated,
        );
        await tab.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        );
        const {cls, button} = await tab.evaluate(() => {
          const root = document.querySelector('therapist-attachment-article').shadowRoot;
          // The snippet's button was painted in the element's own green: it fades to the
          // page's accent (the button's 150 ms transition), which moves nothing.
          for (const animation of root.getAnimations()) animation.finish();
          return {
            cls: window.__cls,
            button: getComputedStyle(root.querySelector('[part~="cta-button"]')).backgroundColor,
          };
        });
        await tab.close();
        t.diagnostic(`CLS ${cls.toFixed(4)}`);
        assert.ok(cls <= 0.01, `CLS ${cls}`);
        assert.equal(button, accent);
      });
    }
  }
});
