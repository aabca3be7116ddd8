// Wix's "Embed HTML" puts custom code in a sandboxed iframe served from another origin. This
// reproduces that on loopback — the host page on 127.0.0.1, the embed on 127.0.0.2 — and checks
// that the article renders there and that its link leaves the frame as the README documents:
// `_blank` opens a new tab; `_top` needs a sandbox that allows top navigation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {dropIn, engines, requireBuild, serveStatic} from './support.mjs';

// The sandbox Wix's Embed HTML iframe was seen to use.
const WIX_SANDBOX = 'allow-same-origin allow-forms allow-popups allow-scripts allow-pointer-lock';

let dir;
let host;
let embed;
before(async () => {
  requireBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-wix-'));
  fs.copyFileSync(dropIn, path.join(dir, 'therapist-attachment-article.js'));
  for (const target of ['_blank', '_top']) {
    fs.writeFileSync(
      path.join(dir, `embed${target}.html`),
      `<!doctype html><html lang="en"><title>Embed</title>
<script src="therapist-attachment-article.js"></script>
<therapist-attachment-article cta-target="${target}" cta-href="CONTACT"></therapist-attachment-article></html>`,
    );
  }
  fs.writeFileSync(
    path.join(dir, 'contact.html'),
    '<!doctype html><html lang="en"><title>Contact</title><h1>Contact</h1></html>',
  );
  host = await serveStatic({root: dir, host: '127.0.0.1'});
  embed = await serveStatic({root: dir, host: '127.0.0.2'});
  // The link leads to the practice's contact page on the host site.
  for (const target of ['_blank', '_top']) {
    const file = path.join(dir, `embed${target}.html`);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('CONTACT', `${host.origin}/contact.html`),
    );
  }
  for (const [name, sandbox] of [
    ['wix', WIX_SANDBOX],
    ['wix-top', `${WIX_SANDBOX} allow-top-navigation-by-user-activation`],
  ]) {
    for (const target of ['_blank', '_top']) {
      fs.writeFileSync(
        path.join(dir, `host-${name}${target}.html`),
        `<!doctype html><html lang="en"><title>Practice</title><h1>Practice home</h1>
<iframe title="Article" width="700" height="600" sandbox="${sandbox}" src="${embed.origin}/embed${target}.html"></iframe></html>`,
      );
    }
  }
});
after(async () => {
  await host?.close();
  await embed?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

async function openHost(browser, page) {
  const tab = await browser.newPage();
  await tab.goto(`${host.origin}/${page}`, {waitUntil: 'load'});
  const frame = tab.frames().find((f) => f.url().startsWith(embed.origin));
  assert.ok(frame, 'the embed frame loaded from the other origin');
  const button = await frame.waitForSelector(
    'therapist-attachment-article >>> [part~="cta-button"]',
    {timeout: 10000},
  );
  return {tab, frame, button};
}

for (const [engine, launch] of Object.entries(engines)) {
  describe(`Wix Embed HTML (sandboxed cross-origin iframe) in ${engine}`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    it('renders the article inside the frame', async () => {
      const {tab, frame} = await openHost(browser, 'host-wix_blank.html');
      const paragraphs = await frame.evaluate(
        () =>
          document
            .querySelector('therapist-attachment-article')
            .shadowRoot.querySelectorAll('[part~="body"] p').length,
      );
      assert.equal(paragraphs, 11);
      await tab.close();
    });

    it('cta-target="_blank" opens the contact page in a new tab', async () => {
      const {tab, button} = await openHost(browser, 'host-wix_blank.html');
      const opened = new Promise((resolve) => browser.once('targetcreated', resolve));
      await button.click();
      const target = await opened;
      const popup = await target.page();
      await popup.waitForFunction(
        () => document.readyState === 'complete' && location.pathname === '/contact.html',
        {timeout: 10000},
      );
      assert.equal(new URL(popup.url()).pathname, '/contact.html');
      assert.equal(new URL(tab.url()).pathname, '/host-wix_blank.html', 'the host page stays');
      await popup.close();
      await tab.close();
    });

    it('cta-target="_top" leaves the frame when the sandbox allows top navigation', async () => {
      const {tab, button} = await openHost(browser, 'host-wix-top_top.html');
      await Promise.all([tab.waitForNavigation({timeout: 10000}), button.click()]);
      assert.equal(new URL(tab.url()).pathname, '/contact.html');
      await tab.close();
    });

    it('cta-target="_top" is blocked by Wix’s sandbox without top navigation (use _blank there)', async () => {
      const {tab, button, frame} = await openHost(browser, 'host-wix_top.html');
      const requested = [];
      tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
      // the element handled the click (its event), and the frame has drawn twice since
      const clicked = frame.evaluate(
        () =>
          new Promise((resolve) =>
            document
              .querySelector('therapist-attachment-article')
              .addEventListener('therapist-article-cta-click', () => resolve(), {once: true}),
          ),
      );
      await button.click();
      await clicked;
      await frame.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      assert.deepEqual(requested, [], 'no navigation started');
      assert.equal(new URL(tab.url()).pathname, '/host-wix_top.html');
      assert.equal(
        new URL(frame.url()).pathname,
        '/embed_top.html',
        'the frame did not navigate itself either',
      );
      await tab.close();
    });
  });
}
