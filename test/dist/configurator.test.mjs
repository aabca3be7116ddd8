// The built configurator (dist/site/) from a plain static server, and the code it gives, used
// the way each platform uses it: pasted into a blank page (plain HTML, Squarespace's Code
// Block, Webflow's Embed), set on a custom element (Wix's Custom Element), or put in a
// sandboxed iframe served from another origin (Wix's Embed HTML, Google Sites' Embed code).
// Each must render what the preview showed: the same attributes and the same computed colours.
// The pre-rendered snippet must equal what scripts/build-embed.mjs writes for the same
// settings, and be readable with JavaScript off under the CSP line the configurator gives.
// A teaser's snippet must also equal what src/prerender.ts fills for it, be the renderer's
// markup, and hydrate.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {promisify} from 'node:util';
import puppeteer from 'puppeteer-core';
import {loadSources} from '../../scripts/ssr.mjs';
import {dist, dropIn, engines, requireBuild, serveStatic} from './support.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const site = path.join(dist, 'site');
const TAG = 'therapist-attachment-article';
const CDN = /https:\/\/cdn\.jsdelivr\.net\/npm\/therapist-attachment-article@[^/]+\/dist\//g;
// Scripts, forms and pop-ups, and no same-origin: the strictest of the embed sandboxes.
const SANDBOXES = {
  'wix-embed': 'allow-same-origin allow-forms allow-popups allow-scripts allow-pointer-lock',
  'google-sites-code': 'allow-scripts allow-popups allow-forms allow-popups-to-escape-sandbox',
};

/** Settings as the configurator's URL fragment, each with what the test should see. */
const SETTINGS = [
  {
    name: 'dark look, own button colour, a booking link in a new tab, heading 3',
    fragment:
      'theme=dark&accent=%23b03a2e&href=https%3A%2F%2Fbook.example%2Fnow%3Fa%3D1%26b%3D2&label=Book%3A+a+call&target=_blank&heading=3',
  },
  {
    name: 'light look, serif, square corners, the contact form without its privacy line',
    fragment:
      'theme=light&font=serif&radius=0&reach=form&action=https%3A%2F%2Fforms.example%2Ff%2Fabc&encoding=urlencoded&privacy=off',
  },
  {
    name: 'blending in with own colours and a narrow column, a phone link',
    fragment:
      'text=%23203040&background=%23fffaf0&accent=%23205080&href=tel%3A%2B15555550123&width=56ch',
  },
  {
    name: 'a teaser of four paragraphs linking to the full post, light look, a booking link',
    fragment:
      'theme=light&layout=teaser&paragraphs=4&more=https%3A%2F%2Femily.example%2Fblog%2Fattached%3Fa%3D1%26b%3D2&href=https%3A%2F%2Fbook.example%2Fnow',
    teaser: {paragraphs: 4, readMoreHref: 'https://emily.example/blog/attached?a=1&b=2'},
  },
  {
    name: 'a teaser of two paragraphs opening in place, dark look, the contact form',
    fragment:
      'theme=dark&layout=teaser&paragraphs=2&reach=form&action=https%3A%2F%2Fforms.example%2Ff%2Fabc',
    teaser: {paragraphs: 2},
  },
];
/** The shortcode names of the teaser's attributes. */
const TEASER_SHORTCODE = {
  layout: 'layout',
  'teaser-paragraphs': 'teaser_paragraphs',
  'read-more-href': 'read_more_href',
};

let work;
let siteServer;
let pages;
let embed;
before(async () => {
  requireBuild();
  assert.ok(fs.existsSync(path.join(site, 'index.html')), 'dist/site/ is built');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-configurator-'));
  fs.copyFileSync(dropIn, path.join(work, `${TAG}.js`));
  fs.copyFileSync(path.join(dist, `${TAG}.form.js`), path.join(work, `${TAG}.form.js`));
  fs.copyFileSync(path.join(dist, `${TAG}.hydrate.js`), path.join(work, `${TAG}.hydrate.js`));
  siteServer = await serveStatic({root: site});
  pages = await serveStatic({
    root: work,
    headers: (p) => (p.startsWith('/csp-') ? {'Content-Security-Policy': csps.get(p)} : {}),
  });
  // The embed's other origin; a CDN answers scripts with CORS, as jsDelivr does.
  embed = await serveStatic({
    root: work,
    host: '127.0.0.2',
    headers: (p) => (p.endsWith('.js') ? {'Access-Control-Allow-Origin': '*'} : {}),
  });
});
after(async () => {
  await siteServer?.close();
  await pages?.close();
  await embed?.close();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

/** Content-Security-Policy per generated page. */
const csps = new Map();

/** What the first article on a page (or frame) shows. Runs in the page. */
function readArticle(tag, inConfigurator = false) {
  const scope = inConfigurator
    ? document.querySelector('therapist-configurator').shadowRoot
    : document;
  const el = scope.querySelector(tag);
  const root = el.shadowRoot;
  const q = (p) => root.querySelector(`[part~="${p}"]`);
  const button = q('cta-button') ?? q('form-button');
  const style = (node) => getComputedStyle(node);
  const shown = root.querySelectorAll('.article');
  return {
    attributes: el
      .getAttributeNames()
      .filter((n) => n !== 'style')
      .map((n) => [n, el.getAttribute(n)]),
    title: q('title').localName,
    titleText: q('title').textContent.trim(),
    paragraphs: root.querySelectorAll('[part~="body"] p').length,
    visibleArticles: [...shown].filter((a) => a.getClientRects().length).length,
    buttonBackground: style(button).backgroundColor,
    buttonColor: style(button).color,
    radius: style(button).borderTopLeftRadius,
    text: style(q('paragraph')).color,
    background: style(q('article')).backgroundColor,
    font: style(q('paragraph')).fontFamily,
    form: Boolean(q('form')),
    privacyLine: root.textContent.includes('health details'),
    href: q('cta-button')?.getAttribute('href') ?? null,
    // The teaser: the paragraphs a reader sees, and its “Continue reading”.
    shownParagraphs: [...root.querySelectorAll('[part="paragraph"]')].filter((p) =>
      p.checkVisibility(),
    ).length,
    readMore: q('read-more') && {
      tag: q('read-more').localName,
      href: q('read-more').getAttribute('href'),
    },
  };
}

const waitForArticle = (target) =>
  target.waitForFunction(
    (tag) =>
      document
        .querySelector(tag)
        ?.shadowRoot?.querySelector('[part~="cta-button"], [part~="form-button"]'),
    {timeout: 15000},
    TAG,
  );

const blank = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>\n${body}\n</body></html>\n`;

/** The code with the CDN's address pointed at the local copy of the built drop-in. */
const local = (code) => code.replace(CDN, '');

/** What must match between the preview and a page: all of it but what the host page gives. */
function comparable(seen, {colours = true, font = false} = {}) {
  const {title, paragraphs, form, privacyLine, href, shownParagraphs, readMore} = seen;
  const attributes = [...seen.attributes].sort();
  const out = {attributes, title, paragraphs, form, privacyLine, href, shownParagraphs, readMore};
  if (colours) {
    Object.assign(out, {
      buttonBackground: seen.buttonBackground,
      buttonColor: seen.buttonColor,
      radius: seen.radius,
      text: seen.text,
      background: seen.background,
    });
  }
  if (font) out.font = seen.font;
  return out;
}

let counter = 0;
const file = (name, text) => {
  const pathname = `/${name}-${++counter}.html`;
  fs.writeFileSync(path.join(work, pathname), text);
  return pathname;
};

for (const [engine, launch] of Object.entries(engines)) {
  describe(`the configurator, built, in ${engine}`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    it('works from a plain static server: no error, no request elsewhere, nothing stored', async () => {
      const page = await browser.newPage();
      const problems = [];
      const requests = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => ['error', 'warn'].includes(m.type()) && problems.push(m.text()));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${siteServer.url}index.html`, {waitUntil: 'load'});
      const preview = await page.waitForSelector(`therapist-configurator >>> ${TAG}`);
      await page.waitForFunction(
        (el) => Boolean(el.shadowRoot?.querySelector('[part~="cta-button"]')),
        {timeout: 15000},
        preview,
      );
      const boxes = await page.$$eval('therapist-configurator >>> textarea', (list) =>
        list.map((t) => t.value),
      );
      assert.ok(boxes.length >= 10, `code boxes: ${boxes.length}`);
      assert.deepEqual(problems, []);
      for (const url of requests) assert.ok(url.startsWith(siteServer.origin), url);
      assert.deepEqual(
        await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]),
        ['', 0, 0],
      );
      await page.close();
    });

    for (const settings of SETTINGS) {
      describe(settings.name, () => {
        let preview;
        let code;
        let steps;
        before(async () => {
          const page = await browser.newPage();
          await page.setViewport({width: 1280, height: 900});
          await page.goto(`${siteServer.url}index.html#${settings.fragment}`, {waitUntil: 'load'});
          await page.waitForFunction(
            (tag) =>
              document
                .querySelector('therapist-configurator')
                ?.shadowRoot?.querySelector(tag)
                ?.shadowRoot?.querySelector('[part~="cta-button"], [part~="form-button"]'),
            {timeout: 15000},
            TAG,
          );
          if (settings.fragment.includes('action=')) {
            // A form's address from a shared link waits for the owner's confirmation.
            const code = () =>
              page.$eval('therapist-configurator >>> #code-html-self', (t) => t.value);
            assert.doesNotMatch(await code(), /form-action/);
            await page.click('therapist-configurator >>> #action-confirm');
            await page.waitForFunction(
              (tag) =>
                document
                  .querySelector('therapist-configurator')
                  ?.shadowRoot?.querySelector(tag)
                  ?.shadowRoot?.querySelector('[part~="form-button"]'),
              {timeout: 15000},
              TAG,
            );
            assert.match(await code(), /form-action/);
          }
          preview = await page.evaluate(readArticle, TAG, true);
          steps = Object.fromEntries(
            await page.$$eval('therapist-configurator >>> .platform', (list) =>
              list.map((p) => [p.id.replace('platform-', ''), p.textContent.replace(/\s+/g, ' ')]),
            ),
          );
          code = Object.fromEntries(
            await page.$$eval('therapist-configurator >>> textarea', (list) =>
              list.map((t) => [t.dataset.code, t.value]),
            ),
          );
          await page.close();
        });

        const usesFont = settings.fragment.includes('font=');

        it('plain HTML, Squarespace and Webflow code in a blank page render the preview', async () => {
          for (const id of ['html-self', 'html-cdn', 'squarespace-code', 'webflow-code']) {
            const page = await browser.newPage();
            await page.setViewport({width: 1280, height: 900});
            const errors = [];
            page.on('pageerror', (e) => errors.push(e.message));
            await page.goto(pages.url + file(id, blank(local(code[id]))).slice(1), {
              waitUntil: 'load',
            });
            await waitForArticle(page.mainFrame());
            const seen = await page.evaluate(readArticle, TAG);
            assert.deepEqual(
              comparable(seen, {font: usesFont}),
              comparable(preview, {font: usesFont}),
              id,
            );
            assert.deepEqual(errors, [], id);
            await page.close();
          }
        });

        it('WordPress: the shortcode uses only attributes the plugin reads, with the same values', () => {
          // The plugin's settings: the element's, generated, and its own `form` switch.
          const php = ['includes/generated/attributes.php', 'includes/attributes.php']
            .map((file) =>
              fs.readFileSync(
                path.join(root, 'wordpress/therapist-attachment-article', file),
                'utf8',
              ),
            )
            .join('\n');
          const known = new Set(
            [...php.matchAll(/^\t\t'([a-z_]+)'\s*=> array\(/gm)].map((m) => m[1]),
          );
          const shortcode = code['wordpress-shortcode'];
          assert.match(shortcode, /^\[therapist_attachment_article( [a-z_]+="[^"]*")*\]$/);
          const given = Object.fromEntries(
            [...shortcode.matchAll(/ ([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
          );
          for (const name of Object.keys(given)) assert.ok(known.has(name), name);
          const decode = (v) =>
            v
              .replace(/&quot;/g, '"')
              .replace(/&#91;/g, '[')
              .replace(/&#93;/g, ']')
              .replace(/&amp;/g, '&');
          const expected = Object.fromEntries(preview.attributes);
          // The plugin's own route is its default: left out.
          if (expected['form-action'] === '/wp-json/therapist-attachment-article/v1/contact') {
            delete expected['form-action'];
          }
          // The plugin's rules: form="on" gives the form; an explicit cta_href gives the button.
          if (preview.form) assert.equal(given.form, 'on');
          else assert.equal(decode(given.cta_href), expected['cta-href'] ?? '#contact');
          for (const [attribute, name] of [
            ['theme', 'theme'],
            ['heading-level', 'heading_level'],
            ['cta-label', 'cta_label'],
            ['cta-target', 'cta_target'],
            ['form-action', 'form_action'],
            ['form-encoding', 'form_encoding'],
            ...Object.entries(TEASER_SHORTCODE),
          ]) {
            assert.equal(given[name] && decode(given[name]), expected[attribute], name);
          }
        });

        it('Wix Custom Element: the attributes set one by one give the preview’s', async () => {
          const list = code['wix-attributes'].startsWith('(none')
            ? []
            : code['wix-attributes'].split('\n').map((line) => {
                const [name, value] = line.split(' = ');
                return [name, value === '(empty)' ? '' : value];
              });
          const body = `<script src="${TAG}.js"></script><script type="application/json" id="a">${JSON.stringify(list).replace(/</g, '\\u003c')}</script>`;
          const page = await browser.newPage();
          await page.goto(pages.url + file('wix-ce', blank(body)).slice(1), {waitUntil: 'load'});
          // What Wix does with a Custom Element: create the tag, then set each attribute.
          await page.evaluate((tag) => {
            const el = document.createElement(tag);
            for (const [n, v] of JSON.parse(document.getElementById('a').textContent)) {
              el.setAttribute(n, v);
            }
            document.body.append(el);
          }, TAG);
          await waitForArticle(page.mainFrame());
          const seen = await page.evaluate(readArticle, TAG);
          assert.equal(code['wix-tag'], TAG);
          assert.match(code['wix-url'], /^https:\/\/cdn\.jsdelivr\.net\/.+\.js$/);
          assert.deepEqual(
            comparable(seen, {colours: false}),
            comparable(preview, {colours: false}),
          );
          await page.close();
        });

        for (const id of Object.keys(SANDBOXES)) {
          it(`${id}: in a sandboxed iframe from another origin, the preview with the link in a new tab`, async () => {
            const frameFile = file(`frame-${id}`, blank(local(code[id])));
            const host = file(
              `host-${id}`,
              blank(
                `<iframe title="Article" width="1000" height="800" sandbox="${SANDBOXES[id]}" src="${embed.origin}${frameFile}"></iframe>`,
              ),
            );
            const page = await browser.newPage();
            await page.setViewport({width: 1280, height: 900});
            await page.goto(pages.url + host.slice(1), {waitUntil: 'load'});
            const frame = await page.waitForFrame((f) => f.url().startsWith(embed.origin), {
              timeout: 5000,
            });
            assert.ok(frame, 'the frame loaded from the other origin');
            await waitForArticle(frame);
            const seen = await frame.evaluate(readArticle, TAG);
            const expected = comparable(preview, {font: usesFont});
            if (!preview.form) {
              expected.attributes = [
                ...expected.attributes.filter(([n]) => n !== 'cta-target'),
                ['cta-target', '_blank'],
              ].sort();
              expected.href = preview.href;
            }
            // The full post's link too, where there is one (read-more-target).
            if (settings.teaser?.readMoreHref) {
              expected.attributes = [
                ...expected.attributes.filter(([n]) => n !== 'read-more-target'),
                ['read-more-target', '_blank'],
              ].sort();
            }
            assert.deepEqual(comparable(seen, {font: usesFont}), expected);
            await page.close();
          });
        }

        {
          // Wix's Embed HTML gets the same code and the same heights: one frame checks both.
          const [id, platform] = ['google-sites-code', 'google-sites'];
          it(`${id}: a frame as tall as the steps say holds the article at 320 and 1280 px`, async () => {
            const heights = /at least ([\d,]+) px tall on a phone and ([\d,]+) px on a desktop/;
            assert.equal(heights.exec(steps.wix)?.[0], heights.exec(steps[platform])[0]);
            assert.equal(code['wix-embed'], code[id]);
            const [, phone, desktop] = heights
              .exec(steps[platform])
              .map((n) => Number(n.replace(/,/g, '')));
            const frameFile = file(`tall-${id}`, blank(local(code[id])));
            for (const [width, height] of [
              [320, phone],
              [1280, desktop],
            ]) {
              const host = file(
                `tall-host-${id}`,
                blank(
                  `<iframe title="Article" width="${width}" height="${height}" sandbox="${SANDBOXES[id]}" src="${embed.origin}${frameFile}"></iframe>`,
                ),
              );
              const page = await browser.newPage();
              await page.setViewport({width: width + 40, height: 900});
              await page.goto(pages.url + host.slice(1), {waitUntil: 'load'});
              const frame = await page.waitForFrame((f) => f.url().startsWith(embed.origin));
              await waitForArticle(frame);
              const fits = await frame.evaluate(async (tag) => {
                await document.fonts.ready;
                // The last thing shown: the button, the form's Send, or “Continue reading”.
                const shown = [
                  ...document
                    .querySelector(tag)
                    .shadowRoot.querySelectorAll(
                      '[part~="cta-button"], [part~="form-button"], [part~="read-more"]',
                    ),
                ].filter((e) => e.getClientRects().length);
                return {
                  content: document.documentElement.scrollHeight,
                  frame: innerHeight,
                  shown: shown.length,
                  end: Math.max(...shown.map((e) => e.getBoundingClientRect().bottom)),
                };
              }, TAG);
              assert.ok(fits.content <= fits.frame, `${width} px: ${JSON.stringify(fits)}`);
              assert.ok(
                fits.shown > 0 && fits.end <= fits.frame,
                `${width} px: ${JSON.stringify(fits)}`,
              );
              await page.close();
            }
          });
        }

        if (settings.teaser?.readMoreHref) {
          it('in a frame, “Continue reading” opens the full post in a new tab', async () => {
            const id = 'google-sites-code';
            const frameFile = file(`more-${id}`, blank(local(code[id])));
            const host = file(
              `more-host-${id}`,
              blank(
                `<iframe title="Article" width="800" height="900" sandbox="${SANDBOXES[id]}" src="${embed.origin}${frameFile}"></iframe>`,
              ),
            );
            const page = await browser.newPage();
            await page.goto(pages.url + host.slice(1), {waitUntil: 'load'});
            const frame = await page.waitForFrame((f) => f.url().startsWith(embed.origin));
            await waitForArticle(frame);
            const opened = new Promise((resolve) => browser.once('targetcreated', resolve));
            await frame.evaluate(
              (tag) =>
                document.querySelector(tag).shadowRoot.querySelector('[part~="read-more"]').click(),
              TAG,
            );
            const tab = await Promise.race([
              opened,
              new Promise((resolve) => setTimeout(resolve, 5000, null)),
            ]);
            assert.ok(tab, 'a new tab opened');
            assert.equal(frame.url(), `${embed.origin}${frameFile}`, 'the frame stayed');
            await (await tab.page())?.close();
            await page.close();
          });
        }

        it('the pre-rendered snippet is readable with JavaScript off, under the CSP line given', async () => {
          const csp = code['prerendered-csp'].split('\n')[0];
          assert.match(csp, /^style-src 'sha256-/);
          const pathname = `/csp-${++counter}.html`;
          csps.set(pathname, `default-src 'self'; ${csp}`);
          fs.writeFileSync(path.join(work, pathname), blank(code['prerendered-code']));
          const off =
            engine === 'firefox'
              ? await puppeteer.launch({
                  browser: 'firefox',
                  executablePath: '/usr/bin/firefox-esr',
                  headless: true,
                  extraPrefsFirefox: {'javascript.enabled': false},
                })
              : browser;
          const page = await off.newPage();
          try {
            if (engine !== 'firefox') await page.setJavaScriptEnabled(false);
            await page.setViewport({width: 1280, height: 900});
            await page.goto(pages.url + pathname.slice(1), {waitUntil: 'load'});
            const seen = await page.evaluate(readArticle, TAG);
            // A teaser linking to the full post has one more: the paragraph holding the link.
            assert.equal(seen.paragraphs, settings.teaser?.readMoreHref ? 12 : 11);
            assert.equal(seen.shownParagraphs, settings.teaser?.paragraphs ?? 11);
            assert.equal(seen.visibleArticles, 1);
            assert.match(seen.titleText, /Attached to your Therapist/);
            const {attributes: a, ...rest} = comparable(seen, {font: usesFont});
            const {attributes: b, ...expected} = comparable(preview, {font: usesFont});
            assert.deepEqual(a, b);
            // Without JavaScript, a form for a JSON endpoint offers the call-to-action link
            // beside its disabled Send; one that takes form fields posts itself.
            const json = preview.form && !settings.fragment.includes('encoding=urlencoded');
            assert.equal(rest.href, json ? '#contact' : expected.href);
            assert.deepEqual({...rest, href: expected.href}, expected);
          } finally {
            await page.close();
            if (off !== browser) await off.close();
          }
        });

        if (settings.teaser) {
          it('the pre-rendered teaser is what src/prerender.ts fills, the renderer’s markup, with its JSON-LD', async () => {
            const src = await loadSources();
            const parts = JSON.parse(
              fs.readFileSync(path.join(dist, 'prerender-parts.json'), 'utf8'),
            );
            const given = Object.fromEntries(preview.attributes);
            const {readMoreHref, paragraphs} = settings.teaser;
            const snippet = code['prerendered-code'];
            assert.equal(
              snippet,
              src.prerender.prerenderedSnippet(parts, given, {
                structuredData: src['structured-data'].blogPostingScript(
                  undefined,
                  readMoreHref ? {paragraphs, url: readMoreHref} : undefined,
                ),
                scriptSrc: `${TAG}.hydrate.js`,
              }),
            );
            assert.ok(
              snippet.includes(
                src.prerender
                  .fillPrerender(parts, given)
                  .replace('</style>', '.article:has(~.article){display:none}</style>'),
              ),
            );
            // As build-embed checks its own: the renderer writes the same shadow root.
            const shadowRoot = (markup) =>
              markup
                .slice(markup.indexOf('<template shadowroot'), markup.lastIndexOf('</template>'))
                .replace(/&#58;/g, ':')
                .replace(/&#59;/g, ';');
            assert.equal(
              shadowRoot(snippet),
              shadowRoot(src.prerender.protectMarkup(src.renderElement(given))).replace(
                '</style>',
                '.article:has(~.article){display:none}</style>',
              ),
            );
            const data = JSON.parse(
              /<script type="application\/ld\+json">(.*?)<\/script>/.exec(snippet)[1],
            );
            assert.equal(data.articleBody.split('\n\n').length, readMoreHref ? paragraphs : 12);
            assert.equal(data.url, readMoreHref);
          });

          it('the pre-rendered teaser hydrates: no second article, no warning, and it opens', async () => {
            const page = await browser.newPage();
            const problems = [];
            page.on('pageerror', (e) => problems.push(e.message));
            page.on(
              'console',
              (m) => ['error', 'warn'].includes(m.type()) && problems.push(m.text()),
            );
            await page.setViewport({width: 1280, height: 900});
            const name = file('teaser-hydrate', blank(code['prerendered-code']));
            await page.goto(pages.url + name.slice(1), {waitUntil: 'load'});
            await page.waitForFunction(
              (tag) => customElements.get(tag) && document.querySelector(tag).hasUpdated,
              {timeout: 15000},
              TAG,
            );
            const seen = await page.evaluate(readArticle, TAG);
            assert.deepEqual(comparable(seen), comparable(preview));
            const articles = await page.evaluate(
              (tag) => document.querySelector(tag).shadowRoot.querySelectorAll('article').length,
              TAG,
            );
            assert.equal(articles, 1, 'hydrated, not rendered a second time');
            if (!settings.teaser.readMoreHref) {
              await page.evaluate((tag) => {
                const el = document.querySelector(tag);
                el.shadowRoot.querySelector('[part~="read-more"]').click();
                return el.updateComplete;
              }, TAG);
              assert.equal((await page.evaluate(readArticle, TAG)).shownParagraphs, 11);
            }
            assert.deepEqual(problems, []);
            await page.close();
          });
        }

        if (engine === 'chromium') {
          it('the pre-rendered snippet equals what build-embed writes for the same settings', async () => {
            const out = path.join(work, `embed-${++counter}`);
            // In the order the preview has them, which is the code's.
            const args = preview.attributes.map(([n, v]) => `${n}=${v}`);
            await promisify(execFile)(
              process.execPath,
              ['scripts/build-embed.mjs', ...args, `--out=${out}`],
              {cwd: root},
            );
            const built = fs.readFileSync(path.join(out, 'embed.html'), 'utf8');
            const snippet = code['prerendered-code'].replace(/^<style>\n[\s\S]*?\n<\/style>\n/, '');
            assert.equal(snippet, built);
            const csp = fs.readFileSync(path.join(out, 'embed.csp.txt'), 'utf8');
            const hashes = csp.match(/^style-src (.*)$/m)[1];
            assert.ok(code['prerendered-csp'].startsWith(`style-src ${hashes}`));
          });
        }
      });
    }
  });
}
