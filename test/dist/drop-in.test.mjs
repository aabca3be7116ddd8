// The drop-in file as a site owner uses it: copied alone into an empty folder, loaded by a
// four-line page as a classic script and as a module, twice, under a strict CSP, and with the
// Subresource Integrity hash the build writes (the README's CDN snippet uses it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {dropIn, engines, open, readArticle, requireBuild, serveStatic} from './support.mjs';

const TITLE = 'Is it "Normal" to be Attached to your Therapist?';
const pages = {
  'classic.html': `<!doctype html><html lang="en"><title>Classic</title>
<script src="therapist-attachment-article.js"></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article>
</html>`,
  'module.html': `<!doctype html><html lang="en"><title>Module</title>
<script type="module" src="therapist-attachment-article.js"></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article>
</html>`,
  // Two plugins on one page, each bringing the file: defined once, no error.
  'twice.html': `<!doctype html><html lang="en"><title>Twice</title>
<script src="therapist-attachment-article.js"></script>
<script type="module" src="therapist-attachment-article.js?copy=2"></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article>
<script src="therapist-attachment-article.js?copy=3"></script>
</html>`,
  'strict-csp.html': `<!doctype html><html lang="en"><title>Strict CSP</title>
<script src="therapist-attachment-article.js"></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article>
</html>`,
  // A changed file would be refused: the page would show nothing.
  'integrity.html': `<!doctype html><html lang="en"><title>SRI</title>
<script src="therapist-attachment-article.js" integrity="SRI" crossorigin="anonymous" defer></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article>
</html>`,
};

let site;
let server;
before(async () => {
  requireBuild();
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-site-'));
  fs.copyFileSync(dropIn, path.join(site, 'therapist-attachment-article.js'));
  const sri = fs.readFileSync(`${dropIn}.sri`, 'utf8').trim();
  for (const [name, html] of Object.entries(pages)) {
    fs.writeFileSync(path.join(site, name), html.replace('integrity="SRI"', `integrity="${sri}"`));
  }
  server = await serveStatic({
    root: site,
    headers: (p) =>
      p === '/strict-csp.html' ? {'content-security-policy': "default-src 'self'"} : {},
  });
});
after(async () => {
  await server?.close();
  if (site) fs.rmSync(site, {recursive: true, force: true});
});

for (const [engine, launch] of Object.entries(engines)) {
  describe(`drop-in file in ${engine}`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    for (const page of Object.keys(pages)) {
      it(`${page}: shows the whole article, styled, with no error or warning`, async () => {
        const {page: tab, problems} = await open(browser, `${server.origin}/${page}`);
        const seen = await readArticle(tab);
        assert.equal(seen.title, TITLE);
        assert.equal(seen.paragraphs, 11);
        assert.equal(seen.signature, 'Emily Powell, LMHC, LPC');
        assert.equal(seen.href, '/contact');
        assert.equal(
          seen.buttonBackground,
          'rgb(43, 93, 83)',
          'styles applied (adopted stylesheet)',
        );
        assert.equal(seen.defined, true);
        assert.deepEqual(problems, []);
        await tab.close();
      });
    }
  });
}
