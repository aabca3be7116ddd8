// The pre-rendered snippet (dist/embed.html, and one made with form-action) and the plain
// drop-in's fallback, in real engines: Chromium and Firefox through puppeteer-core (Firefox over
// WebDriver BiDi), WebKit through webdriverio + WebKitWebDriver + MiniBrowser (under Xvfb).
// Needs `npm run build`; run with `npm run test:embed`.
/* global __settle, __before, __mutations, __shifts -- set by the test pages' probes */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {remote} from 'webdriverio';
import {serveStatic} from '../scripts/static-server.mjs';
import {FALLBACK, cases, dist, page, requireBuild, snippet, tag} from '../bench/pages.mjs';
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {startWebKitDriver, webkitCapabilities} from './runner/webkit-launcher.mjs';

requireBuild();
const {article, plainText, signature} = await import(
  pathToFileURL(path.join(dist, 'npm/content/article.js')).href
);
const {blogPostingJsonLd} = await import(
  pathToFileURL(path.join(dist, 'npm/content/structured-data.js')).href
);

const fold = (text) => text.replace(/\s+/g, ' ').trim();
const SCRIPT_DELAY = 300; // long enough to look at the page before the script runs
const ACCENT = 'rgb(43, 93, 83)';

// Layout shifts from the first byte, and a promise for "upgraded, updated, two frames later";
// right after the snippet (before the deferred script can run), the paragraph nodes, their
// boxes and every later mutation of the shadow tree.
// Errors are collected in the page too: WebKit's driver (WebDriver classic) reports none.
const headProbe = `<script>
window.__errors = [];
addEventListener('error', (e) => __errors.push(e.message));
addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
const consoleError = console.error;
console.error = (...args) => { __errors.push(args.join(' ')); consoleError.apply(console, args); };
window.__settle = async (tagName) => {
  await customElements.whenDefined(tagName);
  await Promise.all([...document.querySelectorAll(tagName)].map((el) => el.updateComplete));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
};
window.__shifts = [];
if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
  new PerformanceObserver((l) => l.getEntries().forEach((e) => __shifts.push(e.value)))
    .observe({type: 'layout-shift', buffered: true});
}
</script>`;
const snapshotProbe = `<script>
(() => {
  const root = document.querySelector('${tag}').shadowRoot;
  window.__before = {
    nodes: [...root.querySelectorAll('p')],
    rects: [...root.querySelectorAll('p')].map((p) => JSON.stringify(p.getBoundingClientRect())),
  };
  // A visitor who starts writing before the script has arrived keeps their words.
  const message = root.querySelector('textarea');
  if (message) message.value = 'Typed before the script ran';
  window.__mutations = [];
  new MutationObserver((records) => __mutations.push(...records.map((r) => r.type + ' ' + r.target.nodeName + (r.attributeName ? '[' + r.attributeName + ']' : ''))))
    .observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
})();
</script>`;

const dropInScript = `<script type="module" src="/${tag}.js"></script>`;
const hydrateScript = `<script type="module" src="/${tag}.hydrate.js"></script>`;
const bare = snippet().replace(hydrateScript, '');
const pages = {
  '/hydrate.html': page({head: headProbe, body: snippet() + snapshotProbe}),
  '/drop-in-first.html': page({head: headProbe + dropInScript + hydrateScript, body: bare}),
  '/hydrate-first.html': page({head: headProbe + hydrateScript + dropInScript, body: bare}),
};
// The snippet for the form (form-action set), as `build-embed.mjs --out=DIR` writes it.
const formDir = await mkdtemp(path.join(os.tmpdir(), 'embed-form-'));
await promisify(execFile)(process.execPath, [
  path.resolve(import.meta.dirname, '../scripts/build-embed.mjs'),
  `--out=${formDir}`,
  'form-action=/contact',
]);
const formSnippet = (await readFile(path.join(formDir, 'embed.html'), 'utf8'))
  .replace(/^<!--[\s\S]*?-->\n/, '')
  .replace(`src="${tag}.hydrate.js"`, `src="/${tag}.hydrate.js"`);
await rm(formDir, {recursive: true, force: true});
pages['/form.html'] = page({head: headProbe, body: formSnippet + snapshotProbe});
// No inline script or style of its own: only what the snippet brings, under the policy the
// build prints in dist/embed.csp.txt.
pages['/csp.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>CSP</title></head><body>${snippet()}</body></html>`;
const styleSrc = (await readFile(path.join(dist, 'embed.csp.txt'), 'utf8')).match(
  /^style-src .*$/m,
)[0];
const csp = `default-src 'self'; img-src data:; ${styleSrc}`;
// The plain drop-in page with the README's fallback and rule, as the benchmark loads it.
pages['/fallback.html'] = cases(1)['drop-in'].replace('</head>', `${headProbe}</head>`);

// Markup that a sanitiser lets through (a comment, a testimonial), placed before the element:
// each shadows document.currentScript (or document.scripts) and points at /evil/, whose form
// file would mark the page if it ever ran. The drop-in must load its form file from where it
// came from, with its pinned hash, whatever the markup says.
const EVIL = '/evil/';
const gadgets = {
  img: `<img name="currentScript" src="${EVIL}" alt="">`,
  embed: `<embed name="currentScript" src="${EVIL}" type="text/plain">`,
  'form and base': `<base href="${EVIL}"><form name="currentScript"></form>`,
  'iframe and base': `<base href="${EVIL}"><iframe name="currentScript" title="x"></iframe>`,
  'img named scripts': `<img name="scripts" src="${EVIL}" alt="">`,
};
const dropIns = {
  classic: `<script src="/${tag}.js" defer></script>`,
  module: `<script type="module" src="/${tag}.js"></script>`,
  integrity: `<script src="/${tag}.js" integrity="${(await readFile(path.join(dist, `${tag}.js.sri`), 'utf8')).trim()}" crossorigin="anonymous" defer></script>`,
};
for (const [gadget, markup] of Object.entries(gadgets)) {
  for (const [kind, script] of Object.entries(dropIns)) {
    pages[`/clobber-${gadget.replace(/ /g, '-')}-${kind}.html`] =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
      `<title>Clobbered</title>${headProbe}</head><body>${markup}` +
      `<${tag} form-action="/contact"></${tag}>${script}</body></html>`;
  }
}
pages[`${EVIL}${tag}.form.js`] = 'window.__pwned = true;';
pages[EVIL] = ''; // what the gadgets' own src loads (no 404 in the console)

let server;
before(async () => {
  server = await serveStatic({
    root: dist,
    pages,
    delay: (p) => (p.endsWith('.js') ? SCRIPT_DELAY : 0),
    headers: (p) => (p === '/csp.html' ? {'Content-Security-Policy': csp} : {}),
  });
});
after(async () => server?.close());

const VIEWPORT = {width: 390, height: 844};

/** A puppeteer-driven tab: errors from the browser's own events. */
async function puppeteerTab(context, pathname, {js, perPage}) {
  const tab = await context.newPage();
  await tab.setViewport(VIEWPORT);
  if (!js && perPage) await tab.setJavaScriptEnabled(false);
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(server.url + pathname.slice(1), {waitUntil: 'load'});
  return {
    evaluate: (fn, arg) => tab.evaluate(fn, arg),
    errors: async () => errors,
    close: () => tab.close(),
  };
}

/** One engine: `open(path, {js})` loads a page; `errors()` lists what went wrong in it. */
const engines = {
  chromium() {
    const browser = puppeteer.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    return {
      async open(pathname, {js = true} = {}) {
        // a context per page: no cache or storage shared between them
        const context = await (await browser).createBrowserContext();
        const tab = await puppeteerTab(context, pathname, {js, perPage: true});
        return {...tab, close: () => context.close()};
      },
      close: async () => (await browser).close(),
    };
  },
  firefox() {
    // Scripting is off for a whole Firefox (its BiDi driver cannot switch it per page).
    const launch = (js) =>
      puppeteer.launch({
        browser: 'firefox',
        executablePath: '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: js ? {} : {'javascript.enabled': false},
      });
    const browsers = {};
    return {
      open: async (pathname, {js = true} = {}) =>
        puppeteerTab(await (browsers[js] ??= launch(js)), pathname, {js}),
      close: () => Promise.all(Object.values(browsers).map(async (b) => (await b).close())),
    };
  },
  webkit() {
    // One MiniBrowser at a time, restarted when scripting is switched (a command-line setting).
    const driver = startWebKitDriver();
    let current = null;
    const session = async (js) => {
      if (current?.js === js) return current.browser;
      await current?.browser.deleteSession();
      const {port} = await driver;
      const args = js ? [] : ['--enable-javascript=false'];
      const browser = await remote({
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: 'error',
        capabilities: webkitCapabilities(args),
      });
      // the window, not the viewport, is sized: MiniBrowser stays at least ~447 px wide
      await browser.setWindowSize(VIEWPORT.width, VIEWPORT.height + 80);
      current = {js, browser};
      return browser;
    };
    return {
      async open(pathname, {js = true} = {}) {
        const browser = await session(js);
        await browser.url(server.url + pathname.slice(1));
        const evaluate = (fn, arg) => browser.execute(fn, arg);
        return {
          evaluate,
          errors: () => evaluate(() => window.__errors ?? []),
          close: async () => {},
        };
      },
      async close() {
        await current?.browser.deleteSession();
        await (await driver).stop();
      },
    };
  },
};

/** What a reader sees in the first element's shadow root (no script of the page needed). */
function read(tagName) {
  const el = document.querySelector(tagName);
  const root = el?.shadowRoot;
  if (!root) return {root: false};
  const shown = (node) => node.getClientRects().length > 0 && node.offsetHeight > 0;
  const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
  const q = (part) => root.querySelector(`[part~="${part}"]`);
  const ld = el.querySelector('script[type="application/ld+json"]');
  return {
    root: true,
    defined: Boolean(customElements.get(tagName)),
    title: text(q('title')),
    paragraphs: [...q('body').querySelectorAll('p')].map(text),
    cta: text(q('cta-text')),
    signature: text(q('signature')),
    hidden: [...root.querySelectorAll('p, [part~="title"], [part~="cta-button"]')]
      .filter((n) => !shown(n))
      .map(text),
    maxWidth: getComputedStyle(q('article')).maxWidth,
    accent: getComputedStyle(q('cta-button')).backgroundColor,
    jsonLd: ld ? ld.textContent : null,
    jsonLdInShadow: Boolean(root.querySelector('script[type="application/ld+json"]')),
  };
}

for (const [engine, start] of Object.entries(engines)) {
  describe(`pre-rendered snippet in ${engine}`, () => {
    let browser;
    before(() => (browser = start()));
    after(() => browser?.close());

    it('shows every paragraph of the article, styled, with JavaScript off', async () => {
      const tab = await browser.open('/embed.html', {js: false});
      const seen = await tab.evaluate(read, tag);
      await tab.close();
      assert.equal(seen.root, true, 'the declarative shadow root was attached');
      assert.equal(seen.defined, false, 'no script ran');
      assert.equal(seen.title, article.title);
      assert.deepEqual(
        seen.paragraphs,
        article.paragraphs.map((p) => fold(plainText(p))),
      );
      assert.equal(seen.cta, fold(plainText(article.callToAction)));
      assert.equal(seen.signature, signature());
      assert.deepEqual(seen.hidden, [], 'every paragraph, the title and the button have a box');
      assert.notEqual(seen.maxWidth, 'none', 'the reading column is styled');
      assert.equal(seen.accent, ACCENT, 'the button is styled');
      assert.equal(seen.jsonLdInShadow, false);
      assert.deepEqual(JSON.parse(seen.jsonLd), blogPostingJsonLd(), 'JSON-LD in light DOM');
    });

    it('hydrates without re-rendering the text or moving anything', async () => {
      const tab = await browser.open('/hydrate.html');
      const result = await tab.evaluate(async (tagName) => {
        await __settle(tagName);
        const el = document.querySelector(tagName);
        const nodes = [...el.shadowRoot.querySelectorAll('p')];
        let clicked = null;
        el.addEventListener('therapist-article-cta-click', (e) => {
          clicked = e.detail.href;
          e.preventDefault();
        });
        el.shadowRoot.querySelector('[part~="cta-button"]').click();
        return {
          hasUpdated: el.hasUpdated,
          sameNodes:
            nodes.length === __before.nodes.length &&
            nodes.every((n, i) => n === __before.nodes[i]),
          count: nodes.length,
          sameBoxes: nodes.every(
            (p, i) => JSON.stringify(p.getBoundingClientRect()) === __before.rects[i],
          ),
          mutations: __mutations,
          articles: el.shadowRoot.querySelectorAll('article').length,
          layoutShiftSupported: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
          cls: __shifts.reduce((a, b) => a + b, 0),
          clicked,
        };
      }, tag);
      const errors = await tab.errors();
      await tab.close();
      assert.deepEqual(errors, []);
      assert.equal(result.hasUpdated, true, 'the element upgraded and updated');
      assert.equal(result.count, article.paragraphs.length + 2, 'body, call-to-action, signature');
      assert.equal(result.sameNodes, true, 'the paragraphs are the server-rendered nodes');
      assert.deepEqual(result.mutations, [], 'hydration changed nothing in the shadow tree');
      assert.equal(result.sameBoxes, true, 'no paragraph moved');
      assert.equal(result.articles, 1);
      assert.equal(result.clicked, '#contact', 'the call-to-action is live after hydration');
      if (engine === 'chromium') {
        assert.equal(result.layoutShiftSupported, true);
        assert.equal(result.cls, 0, 'CLS 0 from a PerformanceObserver');
      }
    });

    it('hydrates the snippet made with form-action: same nodes, and the form is live', async () => {
      const tab = await browser.open('/form.html');
      const result = await tab.evaluate(async (tagName) => {
        await __settle(tagName);
        const el = document.querySelector(tagName);
        const root = el.shadowRoot;
        const form = root.querySelector('[part~="form"]');
        const nodes = [...root.querySelectorAll('p, input, textarea, button')];
        const before = {
          hasUpdated: el.hasUpdated,
          fields: form ? form.querySelectorAll(`[part~="form-input"]`).length : 0,
          sameNodes: [...root.querySelectorAll('p')].every((n) => __before.nodes.includes(n)),
          mutations: [...new Set(__mutations)].sort(),
        };
        // Sent empty, the form marks its required fields: its code runs on these nodes.
        root.querySelector('[part~="form-button"]').click();
        await el.updateComplete;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return {
          ...before,
          invalid: root.querySelectorAll('[aria-invalid="true"]').length,
          typed: root.querySelector('textarea').value,
          sameAfter: nodes.every((n) => n.isConnected),
        };
      }, tag);
      const errors = await tab.errors();
      await tab.close();
      assert.deepEqual(errors, []);
      assert.equal(result.hasUpdated, true, 'the element upgraded and updated');
      assert.equal(result.fields, 4, 'name, email, phone, message');
      assert.equal(result.sameNodes, true, 'the paragraphs are the server-rendered nodes');
      // Only the form changes, as the script takes it over: its Send is enabled, the line that
      // said it needs JavaScript (with the link) goes, and the script checks the fields itself.
      assert.deepEqual(
        result.mutations,
        ['attributes BUTTON[disabled]', 'attributes FORM[novalidate]', 'childList FORM'],
        'hydration changed nothing in the shadow tree but the form going live',
      );
      assert.ok(result.invalid > 0, 'sending it empty marks the required fields');
      assert.equal(result.sameAfter, true, 'the server-rendered fields stay in place');
      assert.equal(result.typed, 'Typed before the script ran', 'text typed before it is kept');
    });

    it('is styled and hydrates under the Content-Security-Policy in dist/embed.csp.txt', async () => {
      const tab = await browser.open('/csp.html');
      const result = await tab.evaluate(async (tagName) => {
        await customElements.whenDefined(tagName);
        const el = document.querySelector(tagName);
        await el.updateComplete;
        const button = el.shadowRoot.querySelector('[part~="cta-button"]');
        return {hasUpdated: el.hasUpdated, accent: getComputedStyle(button).backgroundColor};
      }, tag);
      const errors = await tab.errors();
      await tab.close();
      assert.deepEqual(errors, [], 'no CSP violation (the JSON-LD block is data, not script)');
      assert.equal(result.hasUpdated, true);
      assert.equal(result.accent, ACCENT);
    });

    for (const order of ['drop-in-first', 'hydrate-first']) {
      it(`with the plain drop-in also on the page (${order}): no error, one article shown`, async () => {
        const tab = await browser.open(`/${order}.html`);
        const result = await tab.evaluate(async (tagName) => {
          await __settle(tagName);
          const root = document.querySelector(tagName).shadowRoot;
          const shown = [...root.querySelectorAll('article')].filter(
            (a) => a.getClientRects().length > 0,
          );
          return {shown: shown.length, paragraphs: shown[0]?.querySelectorAll('p').length};
        }, tag);
        const errors = await tab.errors();
        await tab.close();
        assert.deepEqual(errors, []);
        assert.equal(result.shown, 1);
        assert.equal(result.paragraphs, article.paragraphs.length + 2);
      });
    }

    for (const gadget of Object.keys(gadgets)) {
      it(`markup on the page (${gadget}) cannot choose where the form's code comes from`, async () => {
        for (const kind of Object.keys(dropIns)) {
          const page = `/clobber-${gadget.replace(/ /g, '-')}-${kind}.html`;
          const tab = await browser.open(page);
          const result = await tab.evaluate(async (tagName) => {
            await __settle(tagName);
            const root = document.querySelector(tagName).shadowRoot;
            return {pwned: window.__pwned ?? false, form: Boolean(root.querySelector('form'))};
          }, tag);
          const errors = await tab.errors();
          await tab.close();
          assert.equal(result.pwned, false, `${kind}: the attacker's file never ran`);
          assert.ok(
            !server.requested.some((p) => p.startsWith(EVIL) && p.endsWith('.js')),
            `${kind}: the attacker's file was never asked for`,
          );
          assert.equal(result.form, true, `${kind}: the form came from beside the drop-in`);
          assert.deepEqual(errors, [], kind);
        }
      });
    }
  });
}

describe('plain drop-in before its script runs (chromium)', () => {
  let browser;
  before(() => (browser = engines.chromium()));
  after(() => browser?.close());

  it('shows the light-DOM fallback link, in a reserved screen-high box', async () => {
    const tab = await browser.open('/fallback.html', {js: false});
    const seen = await tab.evaluate((tagName) => {
      const el = document.querySelector(tagName);
      const link = el.querySelector('a');
      return {
        link: link.textContent,
        href: link.getAttribute('href'),
        shown: link.getClientRects().length > 0,
        height: el.getBoundingClientRect().height,
        viewport: innerHeight,
      };
    }, tag);
    await tab.close();
    assert.equal(seen.link, article.title);
    assert.equal(seen.href, /href="([^"]*)"/.exec(FALLBACK)[1]);
    assert.equal(seen.shown, true);
    assert.ok(seen.height >= seen.viewport, `reserved ${seen.height} of ${seen.viewport} px`);
  });

  it('replaces it with the article while the content after it moves by CLS ≤ 0.05', async () => {
    const tab = await browser.open('/fallback.html');
    const result = await tab.evaluate(async (tagName) => {
      await __settle(tagName);
      const el = document.querySelector(tagName);
      return {
        fallbackShown: el.querySelector('a').getClientRects().length > 0,
        paragraphs: el.shadowRoot.querySelectorAll('[part~="body"] p').length,
        cls: __shifts.reduce((a, b) => a + b, 0),
      };
    }, tag);
    const errors = await tab.errors();
    await tab.close();
    assert.deepEqual(errors, []);
    assert.equal(result.fallbackShown, false);
    assert.equal(result.paragraphs, article.paragraphs.length);
    assert.ok(result.cls <= 0.05, `CLS ${result.cls}`);
  });
});

// The JSON-LD and the seoMarkup file come from the same content module as the element.
describe('structured data in the build', () => {
  it('dist/seo-markup.html is the article as plain HTML', async () => {
    const html = await readFile(path.join(dist, 'seo-markup.html'), 'utf8');
    assert.match(html, /^<article lang="en"><h2>Is it &quot;Normal&quot; to be Attached/);
    assert.equal(html.match(/<p>/g).length, article.paragraphs.length + 2);
    assert.doesNotMatch(html, /<script|<style|style=/);
  });
});
