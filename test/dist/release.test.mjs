// The release as an owner meets it in the built configurator (dist/site/, from a plain static
// server): its download links return the release's very files; opened from disk it says how
// to open it; and the code it hands out carries a fallback inside the tag, which shows the
// title and the way to reach out while the script is blocked, and moves nothing when the
// script loads (Chromium's layout-shift entries, the measure behind CLS).
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {unzipSync} from 'fflate';
import {
  PLUGIN_ZIP,
  RELEASE_FILES,
  SCRIPTS,
  WEBSITE_ZIP,
  websiteZip,
} from '../../scripts/release-files.mjs';
import {dist, engines, requireBuild, serveStatic} from './support.mjs';

const TAG = 'therapist-attachment-article';
const TITLE = 'Is it "Normal" to be Attached to your Therapist?';
const site = path.join(dist, 'site');
const {version} = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8'));
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

let siteServer;
let work;
before(async () => {
  requireBuild();
  siteServer = await serveStatic({root: site});
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-release-'));
  for (const file of SCRIPTS) fs.copyFileSync(path.join(dist, file), path.join(work, file));
});
after(async () => {
  await siteServer?.close();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

/** The configurator's code boxes for these settings (a URL fragment), by box id. */
async function codeFor(browser, fragment) {
  const page = await browser.newPage();
  await page.goto(`${siteServer.url}index.html#${fragment}`, {waitUntil: 'load'});
  await page.waitForFunction(
    () =>
      document.querySelector('therapist-configurator')?.shadowRoot?.querySelectorAll('textarea')
        .length > 5,
    {timeout: 15000},
  );
  const code = Object.fromEntries(
    await page.$$eval('therapist-configurator >>> textarea', (list) =>
      list.map((t) => [t.dataset.code, t.value]),
    ),
  );
  await page.close();
  return code;
}

/** A page with text above and below the code, as on a practice's site. */
const pageWith = (code) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Practice</title></head>
<body><h1>Our blog</h1><p>Above the article.</p>
${code}
<p id="below">Below the article: our address and opening hours.</p></body></html>`;

/**
 * Opens `html` with the script answered after `scriptDelay` ms, or never (`blocked`); returns
 * what the tag shows before and after, and the layout shifts measured until the end.
 */
async function load(browser, html, {scriptDelay = 0, blocked = false} = {}) {
  const name = `page-${Math.random().toString(36).slice(2)}.html`;
  fs.writeFileSync(path.join(work, name), html);
  const server = await serveStatic({
    root: work,
    delay: (pathname) => (pathname.endsWith('.js') ? scriptDelay : 0),
  });
  const page = await browser.newPage();
  await page.setViewport({width: 390, height: 844});
  if (blocked) {
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url().endsWith('.js') ? r.abort() : r.continue()));
  }
  await page.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((s) => s.node?.id || s.node?.nodeName || '?');
        window.__shifts.push({value: entry.value, moved});
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
  await page.goto(server.url + name, {waitUntil: 'load'});
  if (!blocked)
    await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot, {}, TAG);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const seen = await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const links = [...el.querySelectorAll(':scope > p a')].map((a) => ({
      text: a.textContent,
      href: a.getAttribute('href'),
      visible: a.getClientRects().length > 0,
    }));
    return {
      upgraded: Boolean(el.shadowRoot),
      fallbackVisible: [...el.children].some((c) => c.getClientRects().length > 0),
      // innerText: what is rendered; with a shadow root, the light DOM is not.
      text: el.shadowRoot ? '' : el.innerText.trim(),
      links,
      cls: window.__shifts.reduce((sum, shift) => sum + shift.value, 0),
      moved: [...new Set(window.__shifts.flatMap((shift) => shift.moved))],
    };
  }, TAG);
  await page.close();
  await server.close();
  return seen;
}

describe('the configurator hands out the files', () => {
  let browser;
  before(async () => (browser = await engines.chromium()));
  after(async () => browser?.close());

  it('its download links return the release’s files, with the version named', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteServer.url}index.html`, {waitUntil: 'load'});
    const links = await page.$$eval('a[download]', (list) =>
      list.map((a) => ({href: a.href, text: a.textContent.trim(), shown: a.checkVisibility()})),
    );
    const heading = await page.$eval('#downloads-title', (h) => h.textContent);
    await page.close();
    assert.match(heading, new RegExp(`version ${version.replace(/\./g, '\\.')}\\b`));
    const names = links.map((l) => new URL(l.href).pathname.slice(1)).sort();
    assert.deepEqual(names, [...SCRIPTS, PLUGIN_ZIP, WEBSITE_ZIP].sort());
    for (const link of links) {
      assert.ok(link.shown, `${link.text} is shown`);
      const response = await fetch(link.href);
      assert.equal(response.status, 200, link.href);
      const bytes = Buffer.from(await response.arrayBuffer());
      const name = new URL(link.href).pathname.slice(1);
      if (name === WEBSITE_ZIP) {
        assert.ok(bytes.equals(Buffer.from(websiteZip())), 'the website zip is made from dist/');
        const inside = unzipSync(bytes);
        for (const file of SCRIPTS) {
          assert.ok(Buffer.from(inside[file]).equals(fs.readFileSync(path.join(dist, file))));
          assert.equal(Buffer.from(inside[`${file}.sri`]).toString().trim(), sha384(inside[file]));
        }
      } else {
        assert.ok(bytes.equals(fs.readFileSync(path.join(dist, name))), `${name} is dist/${name}`);
      }
    }
    // Every release file (the .sri ones too) is served beside the page.
    for (const file of RELEASE_FILES) {
      assert.equal((await fetch(siteServer.url + file)).status, 200, file);
    }
  });

  it('opened from disk, it says how to open it instead of showing a blank page', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href, {waitUntil: 'load'});
    await new Promise((resolve) => setTimeout(resolve, 300));
    const note = await page.$eval('#opened-from-disk', (s) => ({
      shown: s.checkVisibility(),
      text: s.textContent.replace(/\s+/g, ' '),
    }));
    await page.close();
    assert.ok(note.shown, 'the note is shown');
    assert.match(note.text, /web server/);
    assert.match(note.text, /https:\/\//);

    const served = await browser.newPage();
    await served.goto(`${siteServer.url}index.html`, {waitUntil: 'load'});
    assert.equal(await served.$eval('#opened-from-disk', (s) => s.checkVisibility()), false);
    await served.close();
  });
});

describe('the fallback inside the tag', () => {
  let browser;
  let code;
  let teaser;
  before(async () => {
    browser = await engines.chromium();
    code = await codeFor(
      browser,
      'href=https%3A%2F%2Fbook.example%2Fnow&label=Book+a+call&target=_blank',
    );
    teaser = await codeFor(
      browser,
      'layout=teaser&more=https%3A%2F%2Femily.example%2Fblog%2Fattached&href=%2Fcontact',
    );
  });
  after(async () => browser?.close());

  it('every tag the configurator hands out carries one', () => {
    for (const [id, text] of Object.entries(code)) {
      if (!text.includes(`<${TAG}`) || id.startsWith('prerendered')) continue;
      assert.match(text, new RegExp(`<${TAG}[^>]*>\\n  <p>.+</p>\\n</${TAG}>`), id);
    }
  });

  it('with the script blocked, shows the title and the way to reach out', async () => {
    const seen = await load(browser, pageWith(code['html-self']), {blocked: true});
    assert.equal(seen.upgraded, false);
    assert.ok(seen.fallbackVisible);
    assert.ok(seen.text.startsWith(TITLE), seen.text);
    assert.deepEqual(seen.links, [
      {text: 'Book a call', href: 'https://book.example/now', visible: true},
    ]);

    const short = await load(browser, pageWith(teaser['html-self']), {blocked: true});
    assert.deepEqual(
      short.links.map(({text, href}) => ({text, href})),
      [
        {text: TITLE, href: 'https://emily.example/blog/attached'},
        {text: 'Reach out', href: '/contact'},
      ],
    );
  });

  // When the page is painted before the script has run (often even with no delay, always with
  // one), the article arriving pushes down what follows it on screen, with or without a
  // fallback: an empty tag gives the same shift. Measured here: the fallback adds none of its
  // own, and nothing above the tag moves. (With no delay the paint may come after the upgrade,
  // and there is no shift at all: too timing-dependent to compare, so the delays make sure.)
  for (const [when, scriptDelay] of [
    ['after 300 ms', 300],
    ['after 800 ms', 800],
  ]) {
    it(`a script that loads ${when} replaces it, moving nothing more than an empty tag would`, async () => {
      const withFallback = await load(browser, pageWith(code['html-self']), {scriptDelay});
      const empty = code['html-self'].replace(/>\n {2}<p>.*<\/p>\n</, '><');
      assert.notEqual(empty, code['html-self']);
      const without = await load(browser, pageWith(empty), {scriptDelay});
      assert.equal(withFallback.upgraded, true);
      assert.equal(withFallback.fallbackVisible, false);
      assert.ok(
        withFallback.cls <= without.cls + 0.0001,
        `with the fallback ${withFallback.cls.toFixed(4)}, with an empty tag ${without.cls.toFixed(4)}`,
      );
      assert.deepEqual(
        withFallback.moved.filter((id) => id !== 'below'),
        [],
        'only what follows the tag moves',
      );
    });
  }
});
