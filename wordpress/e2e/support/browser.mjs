// Debian's Chromium through puppeteer-core (no browser download), with the flags every script
// here uses (scripts/chromium.mjs), and what the tests read in a visitor's page.
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from '../../../scripts/chromium.mjs';
import {root, SCRIPT_FILE, slug} from './site.mjs';

/**
 * Adds up the page's layout shifts from its first paint on (`window.__cls`), as Core Web Vitals
 * count them (shifts right after input left out). Call before `page.goto`.
 */
export function countLayoutShifts(page) {
  return page.evaluateOnNewDocument(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__cls += entry.value;
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
}

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? chromiumPath,
    headless: true,
    args: chromiumArgs,
    // Each page gets its own (localContext's `viewport`).
    defaultViewport: null,
  });
}

/** test-results/wordpress/<WordPress version>/<name>.png */
export function screenshotPath(site, name) {
  const dir = join(root, 'test-results', 'wordpress', site.version);
  mkdirSync(dir, {recursive: true});
  return join(dir, `${name}.png`);
}

/**
 * A browser context in which every request is recorded and those for another host are answered
 * here, never sent. `external` collects the blocked URLs.
 *
 * Options: `viewport` ({width, height}; 1280 × 720 if not given), `javaScriptEnabled` (false for
 * pages as a browser without JavaScript shows them) and `block(url)`, true for requests to fail
 * (net::ERR_FAILED) even on this site.
 *
 * `context.newPage()` opens a page set up so (puppeteer intercepts requests per page: every page
 * of the context, popups too, gets the same set-up; the page's frames, the block editor's canvas
 * iframe among them, are intercepted with it). Every wait on it fails after 10 s rather than
 * puppeteer's 30. `context.close()` closes the context; `context.browserContext` is puppeteer's.
 */
export async function localContext(browser, site, options = {}) {
  const {viewport = {width: 1280, height: 720}, javaScriptEnabled = true, block} = options;
  const external = new Set();
  const requests = [];
  const browserContext = await browser.createBrowserContext();

  function onRequest(request) {
    // Another handler may have answered it already (none here does).
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    requests.push(url);
    if (block?.(url)) return request.abort('failed');
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === site.origin)
      return request.continue();
    external.add(url.length > 120 ? `${url.slice(0, 120)}…` : url);
    return request.abort('blockedbyclient');
  }

  const ready = new WeakMap();
  /** Sets up a page of this context, once. */
  function setUp(page) {
    if (!ready.has(page)) {
      ready.set(
        page,
        (async () => {
          page.setDefaultTimeout(10_000);
          page.on('request', (request) => {
            onRequest(request)?.catch?.(() => {});
          });
          await page.setRequestInterception(true);
          await page.setViewport(viewport);
          if (!javaScriptEnabled) await page.setJavaScriptEnabled(false);
          return page;
        })(),
      );
    }
    return ready.get(page);
  }
  // Pages the context opens by itself (window.open, target=_blank).
  browserContext.on('targetcreated', async (target) => {
    if (target.type() !== 'page') return;
    const page = await target.page();
    if (page) await setUp(page).catch(() => {});
  });

  const context = {
    browserContext,
    async newPage() {
      return setUp(await browserContext.newPage());
    },
    // Nothing left to close once the browser is (useVisitor's after() may run first).
    close: async () => {
      if (browser.connected) await browserContext.close();
    },
  };
  return {context, external, requests};
}

/**
 * A visitor's page: {page, visit(keyOrEntry), problems, external, requests, scriptResponses}.
 * `visit` loads a page of site.content.pages (or any {link}), waits for the elements to render
 * and returns {status, articles, scripts}. `problems` collects page errors, dialogs and console
 * errors (except the contact route's 422 and 429, which the contact-form test asks for).
 */
export async function openVisitor(browser, site) {
  const {context, external, requests} = await localContext(browser, site, {
    viewport: {width: 1000, height: 800},
  });
  const scriptResponses = [];
  const problems = [];
  const page = await context.newPage();
  page.on('response', (response) => {
    if (response.url().includes(`/${slug}/assets/${SCRIPT_FILE}`)) {
      scriptResponses.push({url: response.url(), status: response.status()});
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const refusal =
      /status of (422|429)\b/.test(message.text()) &&
      message.location().url?.includes('rest_route=/therapist-attachment-article/v1/contact');
    if (!refusal) problems.push(`console error: ${message.text()}`);
  });

  async function visit(keyOrEntry) {
    const entry = typeof keyOrEntry === 'string' ? site.content.pages[keyOrEntry] : keyOrEntry;
    const response = await page.goto(entry.link, {waitUntil: 'load'});
    // Upgraded by the script and rendered (the server's declarative shadow root is there from
    // the start: the title alone says nothing of the script).
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('therapist-attachment-article')].every(
            (el) =>
              el.matches(':defined') &&
              el.hasUpdated &&
              el.shadowRoot?.querySelector('[part~="title"]'),
          ),
        {timeout: 10_000},
      )
      .catch(() => {});
    return {
      status: response?.status(),
      articles: await page.evaluate(readArticles),
      scripts: await page.evaluate(readScripts),
    };
  }

  return {context, page, visit, problems, external, requests, scriptResponses};
}

// In the page --------------------------------------------------------------------------------

/** What a visitor's browser shows for every <therapist-attachment-article> on the page. */
export function readArticles() {
  return [...document.querySelectorAll('therapist-attachment-article')].map((el) => {
    const root = el.shadowRoot;
    const title = root?.querySelector('[part~="title"]');
    const link = root?.querySelector('slot[name="cta"] a[part~="cta-button"]');
    const label = link?.cloneNode(true);
    label?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    const article = root?.querySelector('[part~="article"]');
    const form = root?.querySelector('form[part~="form"]');
    return {
      attributes: Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])),
      shadow: Boolean(root),
      upgraded: el.matches(':defined') && el.hasUpdated === true,
      title: title ? {tag: title.tagName.toLowerCase(), text: title.textContent.trim()} : null,
      link: link
        ? {
            href: link.getAttribute('href'),
            label: label.textContent.trim(),
            target: link.getAttribute('target'),
            rel: link.getAttribute('rel'),
          }
        : null,
      form: form
        ? {
            fields: [...form.querySelectorAll('input, textarea')].map((f) => f.name),
            button: form.querySelector('[part~="form-button"]')?.textContent.trim(),
          }
        : null,
      background: article ? getComputedStyle(article).backgroundColor : null,
      paragraphs: root ? root.querySelectorAll('[part~="paragraph"]').length : 0,
      // Light-DOM content that no slot takes has no box once the shadow root is there.
      fallbackShown: el.firstElementChild
        ? el.firstElementChild.getClientRects().length > 0
        : false,
    };
  });
}

/** Every script from the plugin's assets/ on the page, and where it sits. */
export function readScripts() {
  // What WordPress printed: not the contact form's file, which that script adds from next to
  // itself on pages with the form.
  const scripts = [
    ...document.querySelectorAll('script[src*="/plugins/therapist-attachment-article/assets/"]'),
  ].filter((script) => !/\.form\.js(\?|$)/.test(script.getAttribute('src')));
  const articles = [...document.querySelectorAll('therapist-attachment-article')];
  return scripts.map((script) => ({
    src: script.getAttribute('src'),
    type: script.getAttribute('type'),
    // In the footer: after every element on the page.
    afterArticles: articles.every(
      (el) => el.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING,
    ),
    inHead: document.head.contains(script),
  }));
}

// For test files ------------------------------------------------------------------------------

/**
 * Launches Chromium and opens a visitor's page (see openVisitor) in before(), closes it in
 * after(). Returns an object that holds openVisitor's fields and `browser` once before() ran.
 */
export function useVisitor(site) {
  const visitor = {};
  before(async () => {
    const browser = await launchBrowser();
    Object.assign(visitor, await openVisitor(browser, site), {browser});
  });
  after(() => visitor.browser?.close());
  return visitor;
}

/** Checks over everything a visitor's page loaded in the file; call after the last visit. */
export function itLoadedCleanly(visitor) {
  it('served the script with HTTP 200', () => {
    assert.deepEqual([...new Set(visitor.scriptResponses.map((r) => r.status))], [200]);
  });
  it('showed no errors, dialogs or failed scripts in the pages', () => {
    assert.deepEqual(visitor.problems, []);
  });
  it('made no request for another host from the plugin', (t) => {
    assert.deepEqual(
      [...visitor.external].filter((u) => u.includes(slug)),
      [],
    );
    t.diagnostic(
      visitor.external.size === 0
        ? `${visitor.requests.length} requests, none left 127.0.0.1`
        : `${visitor.requests.length} requests; blocked, for other hosts (WordPress or its theme, not the plugin): ${[...visitor.external].join(' ')}`,
    );
  });
}
