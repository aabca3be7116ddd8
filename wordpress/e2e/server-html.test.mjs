// The article in the HTML WordPress sends, before any script: for every combination of the
// block's heading level, look and call-to-action (dist/prerender-cases.json, made by the build
// from the element itself), the served page holds the renderer's markup byte for byte, so
// WordPress's content filters (wptexturize, convert_smilies …) touched none of it; without
// JavaScript a visitor reads every word; each page carries one JSON-LD; and the script's
// arrival moves nothing (CLS ≤ 0.01 at 390 px with the CPU slowed 4×) and keeps the server's
// nodes (hydration, not a second render).
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pluginCases, postingWhereServed} from './support/article.mjs';
import {countLayoutShifts, launchBrowser, localContext} from './support/browser.mjs';
import {run} from './support/processes.mjs';
import {itLoggedNoProblems, root, useSite} from './support/site.mjs';

const casesFile = join(root, 'dist', 'prerender-cases.json');
const blogPosting = JSON.parse(readFileSync(join(root, 'dist', 'blog-posting.json'), 'utf8'));
/** The author's words as a reader sees them: the title, then each paragraph. */
const ARTICLE = [blogPosting.headline, ...blogPosting.articleBody.split('\n\n')];
const countJsonLd = (html) => html.split('type="application/ld+json"').length - 1;

/** In the page: the text of the element's shadow root, paragraph by paragraph. */
function readText() {
  return [...document.querySelectorAll('therapist-attachment-article')].map((el) => ({
    title: el.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim(),
    paragraphs: [...(el.shadowRoot?.querySelectorAll('[part~="paragraph"]') ?? [])].map((p) =>
      p.textContent.replace(/\s+/g, ' ').trim(),
    ),
    signature: el.shadowRoot?.querySelector('[part~="signature"]')?.textContent.trim(),
  }));
}

describe('The article in the HTML WordPress sends', () => {
  const site = useSite();
  let matrix;
  let browser;
  before(async () => {
    const cases = pluginCases(JSON.parse(readFileSync(casesFile, 'utf8')));
    const file = join(mkdtempSync(join(tmpdir(), 'taa-cases-')), 'cases.json');
    writeFileSync(file, JSON.stringify(cases));
    const report = JSON.parse(
      run('php', [join(root, 'wordpress', 'e2e', 'matrix.php'), site.wpDir, file]),
    );
    matrix = {
      repeated: report.repeated,
      cases: cases.map((c, i) => ({...c, link: report.links[i]})),
    };
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('holds, for every combination of settings, the element’s own markup untouched', async () => {
    assert.equal(matrix.cases.length, 96);
    const wrong = [];
    for (const {link, expected, attributes} of matrix.cases) {
      const html = await (await fetch(link)).text();
      if (!html.includes(postingWhereServed(expected, html)))
        wrong.push(JSON.stringify(attributes));
    }
    assert.deepEqual(wrong, [], 'combinations whose served markup differs from the renderer’s');
  });

  it('carries one BlogPosting JSON-LD per page, even with the article five times', async () => {
    const html = await (await fetch(matrix.repeated)).text();
    assert.equal(html.split('<therapist-attachment-article').length - 1, 5);
    assert.equal(countJsonLd(html), 1);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)[1];
    assert.deepEqual(JSON.parse(json), blogPosting);
    assert.equal(countJsonLd(await (await fetch(matrix.cases[0].link)).text()), 1);
  });

  it('has no JSON-LD where the article is not shown', async () => {
    assert.equal(countJsonLd(await (await fetch(site.content.pages.plain.link)).text()), 0);
  });

  it('reads, without JavaScript, every word as the author wrote it', async () => {
    const {context} = await localContext(browser, site, {javaScriptEnabled: false});
    const page = await context.newPage();
    for (const key of ['contact', 'shortcode', 'admin_block', 'author_block']) {
      await page.goto(site.content.pages[key].link);
      const [shown] = await page.evaluate(readText);
      assert.deepEqual([shown.title, ...shown.paragraphs], ARTICLE, key);
      assert.equal(
        shown.signature,
        `${blogPosting.author.name}, ${blogPosting.author.honorificSuffix}`,
      );
    }
    // Her straight quotes and her closing smiley, not “curled” or made an image by WordPress.
    assert.ok(ARTICLE[0].includes('"Normal"') && ARTICLE.at(-2).endsWith('therapist :)'));
    await context.close();
  });

  describe('when the script arrives (390 px, CPU slowed 4×)', () => {
    // One page for each look, heading level and call-to-action (not every product of them).
    const pick = (attributes) =>
      matrix.cases.find(({attributes: a}) =>
        Object.entries(attributes).every(([k, v]) => (v === undefined ? !(k in a) : a[k] === v)),
      );
    const sample = () => [
      pick({theme: undefined, 'heading-level': '2', 'form-encoding': 'urlencoded'}),
      pick({theme: 'light', 'heading-level': '1', 'cta-target': '_self'}),
      pick({theme: 'dark', 'heading-level': '3', 'cta-target': '_blank'}),
      pick({theme: 'auto', 'heading-level': '4', 'cta-target': '_top'}),
      pick({theme: 'dark', 'heading-level': '5', 'form-encoding': 'urlencoded'}),
      pick({theme: undefined, 'heading-level': '6', 'cta-target': '_blank'}),
    ];

    /**
     * Loads the page at 390 px with the CPU slowed 4× and returns its cumulative layout shift,
     * and whether the element kept the nodes the server sent. Every other script and the web
     * fonts of the page are blocked: the theme's own header (WordPress 6.6's default theme
     * relays its title and menu button when its font arrives, by 0.33 or not at all depending
     * on timing) would otherwise decide the figure. `script: false` blocks the plugin's scripts
     * (the element's, and the contact form's file it loads) too: the article as the server sent
     * it, never upgraded.
     */
    async function measure(link, {script}) {
      const {context} = await localContext(browser, site, {
        viewport: {width: 390, height: 844},
        block: (url) =>
          /\.(m?js|woff2?|ttf|otf)(\?|$)/.test(url) &&
          !(script && /therapist-attachment-article\.(hydrate|form)\.js/.test(url)),
      });
      const page = await context.newPage();
      await page.emulateCPUThrottling(4);
      await countLayoutShifts(page);
      await page.evaluateOnNewDocument(() => {
        // The server's nodes, taken before the footer script runs.
        document.addEventListener(
          'readystatechange',
          () => {
            window.__before = [...document.querySelectorAll('therapist-attachment-article')].map(
              (el) => [...el.shadowRoot.querySelectorAll('[part~="paragraph"], [part~="title"]')],
            );
          },
          {once: true},
        );
      });
      await page.goto(link, {waitUntil: 'load'});
      if (script) {
        await page.waitForFunction(() => customElements.get('therapist-attachment-article'));
        await page.evaluate(
          () => document.querySelector('therapist-attachment-article').updateComplete,
        );
      }
      // Two frames: any shift the upgrade caused has been laid out and reported.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const result = await page.evaluate(() => {
        const el = document.querySelector('therapist-attachment-article');
        const now = [...el.shadowRoot.querySelectorAll('[part~="paragraph"], [part~="title"]')];
        return {
          cls: window.__cls,
          upgraded: Boolean(customElements.get('therapist-attachment-article')),
          articles: el.shadowRoot.querySelectorAll('article').length,
          sameNodes:
            window.__before?.[0]?.length === now.length &&
            now.every((node, i) => node === window.__before[0][i]),
        };
      });
      await context.close();
      return result;
    }

    it('shifts nothing (CLS ≤ 0.01) and keeps the server’s nodes', async (t) => {
      const rows = [];
      for (const {link, attributes} of sample()) {
        const without = await measure(link, {script: false});
        const withScript = await measure(link, {script: true});
        rows.push({attributes, without, withScript});
      }
      t.diagnostic(
        `CLS with / without the plugin's script: ${rows
          .map((r) => `${r.withScript.cls.toFixed(4)}/${r.without.cls.toFixed(4)}`)
          .join(', ')}`,
      );
      for (const {attributes, without, withScript} of rows) {
        const name = JSON.stringify(attributes);
        assert.equal(without.upgraded, false, `the script was blocked for ${name}`);
        assert.equal(withScript.upgraded, true, name);
        assert.ok(withScript.cls <= 0.01, `CLS ${withScript.cls} for ${name}`);
        assert.equal(withScript.articles, 1, name);
        assert.ok(withScript.sameNodes, `nodes replaced for ${name}`);
      }
    });
  });

  itLoggedNoProblems(site);
});
