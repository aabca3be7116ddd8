// The contact form on demand, as the drop-in file's users get it: the form's code is a second
// file (therapist-attachment-article.form.js) that the drop-in adds from next to itself, only
// for an element with form-action; with the drop-in's integrity, with its own pinned hash. When
// the file cannot load, the link stays and one warning says why.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {dist, dropIn, engines, open, readArticle, requireBuild, serveStatic} from './support.mjs';

const FORM = 'therapist-attachment-article.form.js';
const formFile = path.join(dist, FORM);
const element = (attributes) =>
  `<therapist-attachment-article ${attributes}></therapist-attachment-article>`;
const page = (head, body) =>
  `<!doctype html><html lang="en"><title>Form</title>${head}${body}</html>`;
const classic = '<script src="therapist-attachment-article.js"></script>';
const pinned =
  '<script src="therapist-attachment-article.js" integrity="SRI" crossorigin="anonymous" defer></script>';
const withForm = element('form-action="/contact-form"');

// Folder → files copied into it, and the pages written there.
const sites = {
  ok: {
    files: [dropIn, formFile],
    pages: {
      'link.html': page(classic, element('cta-href="/contact"')),
      'form.html': page(classic, withForm + withForm),
      'module.html': page(
        '<script type="module" src="therapist-attachment-article.js"></script>',
        withForm,
      ),
      'pinned.html': page(pinned, withForm),
      'strict-csp.html': page(classic, withForm),
      'later.html': page(classic, element('cta-href="/contact"')),
    },
  },
  // The drop-in alone: a self-hosted copy that forgot the second file.
  missing: {files: [dropIn], pages: {'form.html': page(classic, withForm + withForm)}},
  // The form file changed after the build: its pinned hash refuses it.
  tampered: {
    files: [dropIn, formFile],
    tamper: true,
    pages: {'pinned.html': page(pinned, withForm)},
  },
};

let root;
let server;
before(async () => {
  requireBuild();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-form-'));
  // The pre-rendered snippet made with form-action (its form in the declarative shadow root),
  // with the hydrate file and the form file, and without the form file.
  const snippetDir = path.join(root, 'snippet');
  execFileSync(process.execPath, [
    path.resolve(import.meta.dirname, '../../scripts/build-embed.mjs'),
    `--out=${snippetDir}`,
    'form-action=/contact-form',
  ]);
  const snippet = fs.readFileSync(path.join(snippetDir, 'embed.html'), 'utf8');
  const hydrate = path.join(dist, 'therapist-attachment-article.hydrate.js');
  sites['prerendered'] = {files: [hydrate, formFile], pages: {'form.html': page('', snippet)}};
  sites['prerendered-missing'] = {files: [hydrate], pages: {'form.html': page('', snippet)}};
  const sri = fs.readFileSync(`${dropIn}.sri`, 'utf8').trim();
  for (const [name, site] of Object.entries(sites)) {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    for (const file of site.files) fs.copyFileSync(file, path.join(dir, path.basename(file)));
    if (site.tamper) fs.appendFileSync(path.join(dir, FORM), '\n// changed\n');
    for (const [file, html] of Object.entries(site.pages)) {
      fs.writeFileSync(path.join(dir, file), html.replace('integrity="SRI"', `integrity="${sri}"`));
    }
  }
  server = await serveStatic({
    root,
    headers: (p) =>
      p.endsWith('/strict-csp.html') ? {'content-security-policy': "default-src 'self'"} : {},
  });
});
after(async () => {
  await server?.close();
  if (root) fs.rmSync(root, {recursive: true, force: true});
});

/** Waits for every element to show its form (or, with `link`, its link), then reads the page. */
async function settle(tab, part) {
  await tab.waitForFunction(
    (part) =>
      [...document.querySelectorAll('therapist-attachment-article')].every((el) =>
        el.shadowRoot?.querySelector(`[part~="${part}"]`),
      ),
    {timeout: 10000},
    part,
  );
  return tab.evaluate(async () => {
    const elements = [...document.querySelectorAll('therapist-attachment-article')];
    await Promise.all(elements.map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return {
      forms: elements.filter((el) => el.shadowRoot.querySelector('form')).length,
      links: elements.filter((el) => el.shadowRoot.querySelector('[part~="cta-button"]')).length,
      requested: performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
      formScripts: [...document.querySelectorAll('script[src$=".form.js"]')].map((s) => ({
        integrity: s.integrity,
        crossOrigin: s.crossOrigin,
      })),
    };
  });
}

const warnings = (problems) => problems.filter((p) => /^warn/.test(p));

for (const [engine, launch] of Object.entries(engines)) {
  describe(`the form on demand, drop-in file in ${engine}`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    it('without form-action, the form file is never requested', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/link.html`);
      await readArticle(tab);
      const seen = await settle(tab, 'cta-button');
      assert.deepEqual(seen.requested, ['/ok/therapist-attachment-article.js']);
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('with form-action, it is loaded once, next to the drop-in, for every element', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/form.html`);
      const seen = await settle(tab, 'form');
      assert.equal(seen.forms, 2);
      assert.deepEqual(seen.requested, ['/ok/therapist-attachment-article.js', `/ok/${FORM}`]);
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('the article renders at once; the form joins it when its file arrives', async () => {
      const tab = await browser.newPage();
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await tab.setRequestInterception(true);
      tab.on('request', async (request) => {
        if (request.url().endsWith(`/${FORM}`)) await held;
        request.continue();
      });
      await tab.goto(`${server.origin}/ok/strict-csp.html`, {waitUntil: 'domcontentloaded'});
      const cta = () =>
        tab.evaluate(() => {
          const root = document.querySelector('therapist-attachment-article').shadowRoot;
          return {
            paragraphs: root.querySelectorAll('[part~="body"] p').length,
            form: !!root.querySelector('form'),
            link: !!root.querySelector('[part~="cta-button"]'),
          };
        });
      await tab.waitForFunction(() =>
        document.querySelector('therapist-attachment-article')?.shadowRoot?.querySelector('p'),
      );
      assert.deepEqual(await cta(), {paragraphs: 11, form: false, link: false});
      release();
      await settle(tab, 'form');
      assert.deepEqual(await cta(), {paragraphs: 11, form: true, link: false});
      await tab.close();
    });

    it('form-action set later loads it then', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/later.html`);
      await readArticle(tab);
      await tab.evaluate(() =>
        document.querySelector('therapist-attachment-article').setAttribute('form-action', '/x'),
      );
      const seen = await settle(tab, 'form');
      assert.deepEqual(seen.requested.slice(1), [`/ok/${FORM}`]);
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('a drop-in loaded as a module finds the form file too', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/module.html`);
      assert.equal((await settle(tab, 'form')).forms, 1);
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('under a strict CSP (default-src self), the form loads, styled by its own file', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/strict-csp.html`);
      assert.equal((await settle(tab, 'form')).forms, 1);
      const styled = await tab.evaluate(() => {
        const root = document.querySelector('therapist-attachment-article').shadowRoot;
        const field = root.querySelector('[part~="form-field"]');
        const input = root.querySelector('[part~="form-input"]');
        return {
          field: getComputedStyle(field).display,
          fullWidth: Math.abs(input.getBoundingClientRect().width - field.clientWidth) <= 1,
          paragraph: getComputedStyle(root.querySelector('[part~="paragraph"]')).marginBottom,
        };
      });
      assert.equal(styled.field, 'grid');
      assert.equal(styled.fullWidth, true);
      assert.notEqual(styled.paragraph, '0px', 'the element’s own styles stay');
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('a drop-in with integrity loads the form with its own pinned hash', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/ok/pinned.html`);
      const seen = await settle(tab, 'form');
      const sri = fs.readFileSync(`${formFile}.sri`, 'utf8').trim();
      assert.deepEqual(seen.formScripts, [{integrity: sri, crossOrigin: 'anonymous'}]);
      assert.equal(fs.readFileSync(dropIn, 'utf8').includes(sri), true, 'pinned in the drop-in');
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('a missing form file: the link, and one warning that says why', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/missing/form.html`);
      const seen = await settle(tab, 'cta-button');
      assert.equal(seen.links, 2);
      assert.equal(seen.forms, 0);
      const warned = warnings(problems);
      assert.equal(warned.length, 1, warned.join('\n'));
      assert.match(warned[0], /contact form could not load .*form\.js is missing/);
      // No exception of ours. (Firefox reports the 404 page's text failing the pinned hash
      // as a page error of its own: the form file is always loaded with its hash.)
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror') && !/hashes in the integrity/.test(p)),
        [],
      );
      await tab.close();
    });

    it('a pre-rendered form hydrates in place once the form file has loaded', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/prerendered/form.html`);
      const before = await tab.evaluateHandle(() =>
        document.querySelector('therapist-attachment-article').shadowRoot.querySelector('form'),
      );
      await settle(tab, 'form');
      const same = await tab.evaluate(
        (form) =>
          form ===
          document.querySelector('therapist-attachment-article').shadowRoot.querySelector('form'),
        before,
      );
      assert.equal(same, true, 'the server-rendered form is kept');
      assert.deepEqual(problems, []);
      await tab.close();
    });

    it('a pre-rendered form without its file: the link, styled, and one warning', async () => {
      const {page: tab, problems} = await open(
        browser,
        `${server.origin}/prerendered-missing/form.html`,
      );
      const seen = await settle(tab, 'cta-button');
      assert.deepEqual([seen.forms, seen.links], [0, 1]);
      const background = await tab.evaluate(
        () =>
          getComputedStyle(
            document
              .querySelector('therapist-attachment-article')
              .shadowRoot.querySelector('[part~="cta-button"]'),
          ).backgroundColor,
      );
      assert.equal(background, 'rgb(43, 93, 83)');
      const warned = warnings(problems);
      assert.equal(warned.length, 1, warned.join('\n'));
      // No exception of ours. (Firefox reports the 404 page's text failing the pinned hash
      // as a page error of its own: the form file is always loaded with its hash.)
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror') && !/hashes in the integrity/.test(p)),
        [],
      );
      await tab.close();
    });

    it('a changed form file is refused by its hash: the link, and one warning', async () => {
      const {page: tab, problems} = await open(browser, `${server.origin}/tampered/pinned.html`);
      const seen = await settle(tab, 'cta-button');
      assert.equal(seen.forms, 0);
      const warned = warnings(problems);
      assert.equal(warned.length, 1, warned.join('\n'));
      assert.match(warned[0], /integrity hash/);
      await tab.close();
    });
  });
}
