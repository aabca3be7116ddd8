// Wix's Custom Element from a Velo file (public/custom-elements/…), as the configurator
// describes it: the drop-in's whole text pasted into the file, then the "your colours" box at
// its end. Wix loads a Velo file as a module and then creates the tag and sets each
// attribute; the article must show the preview's attributes and colours, with no server but
// the site's own and no style="" attribute.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {dist, dropIn, engines, requireBuild, serveStatic} from './support.mjs';

const TAG = 'therapist-attachment-article';
const FRAGMENT =
  'theme=light&accent=%23b03a2e&text=%23203040&radius=0&href=https%3A%2F%2Fbook.example%2Fnow';

let siteServer;
let pages;
let work;
before(async () => {
  requireBuild();
  siteServer = await serveStatic({root: path.join(dist, 'site')});
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-velo-'));
  pages = await serveStatic({root: work});
});
after(async () => {
  await siteServer?.close();
  await pages?.close();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

/** What the article shows: its attributes and the button's look. Runs in the page. */
function look(el) {
  const button = el.shadowRoot.querySelector('[part~="cta-button"]');
  const style = getComputedStyle(button);
  return {
    href: button.getAttribute('href'),
    background: style.backgroundColor,
    radius: style.borderTopLeftRadius,
    text: getComputedStyle(el.shadowRoot.querySelector('[part~="paragraph"]')).color,
  };
}

for (const [engine, launch] of Object.entries(engines)) {
  describe(`Wix's Velo file, in ${engine}`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    it('the pasted file with its colours box gives the preview’s article', async () => {
      const page = await browser.newPage();
      await page.goto(`${siteServer.url}index.html#${FRAGMENT}`, {waitUntil: 'load'});
      const preview = await page.waitForFunction(
        (tag) =>
          document
            .querySelector('therapist-configurator')
            ?.shadowRoot?.querySelector(tag)
            ?.shadowRoot?.querySelector('[part~="cta-button"]') &&
          document.querySelector('therapist-configurator').shadowRoot.querySelector(tag),
        {timeout: 15000},
        TAG,
      );
      const expected = await page.evaluate(look, preview);
      const code = Object.fromEntries(
        await page.$$eval('therapist-configurator >>> textarea', (list) =>
          list.map((t) => [t.dataset.code, t.value]),
        ),
      );
      await page.close();

      assert.equal(code['wix-velo-file'], `public/custom-elements/${TAG}.js`);
      assert.ok(code['wix-velo-colours'], 'the colours box is given');
      const veloFile = `${fs.readFileSync(dropIn, 'utf8')}\n${code['wix-velo-colours']}\n`;
      fs.writeFileSync(path.join(work, 'velo-file.js'), veloFile);
      const attributes = code['wix-attributes'].split('\n').map((line) => line.split(' = '));
      fs.writeFileSync(
        path.join(work, 'site.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wix</title>
<script type="module" src="velo-file.js"></script></head><body>
<script type="application/json" id="attributes">${JSON.stringify(attributes).replace(/</g, '\\u003c')}</script>
</body></html>`,
      );

      const site = await browser.newPage();
      const problems = [];
      site.on('pageerror', (e) => problems.push(e.message));
      await site.goto(`${pages.url}site.html`, {waitUntil: 'load'});
      // What Wix does: create the tag, set each attribute, put it in the page.
      await site.evaluate((tag) => {
        const el = document.createElement(tag);
        for (const [n, v] of JSON.parse(document.getElementById('attributes').textContent))
          el.setAttribute(n, v);
        document.body.append(el);
      }, TAG);
      const el = await site.waitForFunction(
        (tag) =>
          document.querySelector(tag)?.shadowRoot?.querySelector('[part~="cta-button"]') &&
          document.querySelector(tag),
        {timeout: 15000},
        TAG,
      );
      assert.deepEqual(await site.evaluate(look, el), expected);
      assert.equal(await site.evaluate(() => document.querySelectorAll('[style]').length), 0);
      assert.deepEqual(problems, []);
      await site.close();
    });
  });
}
