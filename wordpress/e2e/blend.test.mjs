// Blending in on a real WordPress with its default theme (Twenty Twenty-Four on 6.6,
// Twenty Twenty-Three on Debian's 6.1): the article with nothing set, beside the theme's own
// h2, paragraph and button (content.php's `blend` page), takes their looks — from the
// plugin's server-side values alone (JavaScript off) and once the script has run — and the
// script's arrival moves nothing (CLS ≤ 0.01 at 390 px with the CPU slowed 4×).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  countLayoutShifts,
  launchBrowser,
  localContext,
  screenshotPath,
} from './support/browser.mjs';
import {itLoggedNoProblems, useSite} from './support/site.mjs';

const COMPARED = {
  title: ['native-title', 'fontFamily', 'fontWeight', 'color', 'letterSpacing', 'textTransform'],
  paragraph: ['native-text', 'fontFamily', 'fontSize', 'color', 'lineHeight'],
  'cta-button': ['native-button', 'backgroundColor', 'color', 'borderTopLeftRadius'],
};

/** In the page: for each compared part, [property, the element's value, the theme's value]. */
function compare(compared) {
  const el = document.querySelector('therapist-attachment-article');
  return Object.entries(compared).flatMap(([part, [id, ...keys]]) => {
    const own = getComputedStyle(el.shadowRoot.querySelector(`[part~="${part}"]`));
    const native = getComputedStyle(document.getElementById(id));
    return keys.map((key) => [`${part} ${key}`, own[key], native[key]]);
  });
}

describe('Blending into the default theme', () => {
  const site = useSite();
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  async function visit({javaScriptEnabled = true, throttle = false} = {}) {
    const {context} = await localContext(browser, site, {
      javaScriptEnabled,
      viewport: throttle ? {width: 390, height: 844} : {width: 1280, height: 900},
      // As in server-html.test.mjs: the theme's own scripts and web fonts relay its header
      // whatever the article does; only the plugin's script may run.
      block: (url) =>
        throttle &&
        /\.(m?js|woff2?|ttf|otf)(\?|$)/.test(url) &&
        !/therapist-attachment-article\.(hydrate|form)\.js/.test(url),
    });
    const page = await context.newPage();
    if (throttle) await page.emulateCPUThrottling(4);
    if (javaScriptEnabled) await countLayoutShifts(page);
    await page.goto(site.content.pages.blend.link, {waitUntil: 'load'});
    if (javaScriptEnabled) {
      await page.waitForFunction(
        () => document.querySelector('therapist-attachment-article')?.hasUpdated,
      );
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    }
    return {page, context};
  }

  it('the theme is the version’s default', (t) => {
    t.diagnostic(`WordPress ${site.version}, theme ${site.install.theme}`);
    assert.match(site.install.theme, /^twentytwenty(three|four)$/);
  });

  it('before any script, the article already has the theme’s title, text and button', async () => {
    const {page, context} = await visit({javaScriptEnabled: false});
    const rows = await page.evaluate(compare, COMPARED);
    await context.close();
    for (const [name, own, native] of rows) assert.equal(own, native, name);
  });

  it('with the script, it keeps them', async () => {
    const {page, context} = await visit();
    const rows = await page.evaluate(compare, COMPARED);
    await page.screenshot({path: screenshotPath(site, 'blend'), fullPage: false});
    await context.close();
    for (const [name, own, native] of rows) assert.equal(own, native, name);
  });

  it('the script’s arrival shifts nothing (CLS ≤ 0.01, 390 px, CPU 4× slower)', async (t) => {
    const {page, context} = await visit({throttle: true});
    const cls = await page.evaluate(() => window.__cls);
    await context.close();
    t.diagnostic(`CLS ${cls.toFixed(4)}`);
    assert.ok(cls <= 0.01, `CLS ${cls}`);
  });

  itLoggedNoProblems(site);
});
