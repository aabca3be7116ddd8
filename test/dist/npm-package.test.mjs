// The npm package as an app developer gets it: packed, installed from the tarball into a
// fresh project, bundled by that project's bundler, type-checked, and rendered in a browser.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, it} from 'node:test';
import {build} from 'vite';
import {engines, open, readArticle, requireBuild, serveStatic} from './support.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let app;
let tarball;

before(() => {
  requireBuild();
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-app-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', app], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  tarball = path.join(app, packed[0].filename);
  fs.writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({name: 'practice-app', private: true, type: 'module'}),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball],
    {cwd: app, stdio: 'pipe'},
  );
});
after(() => app && fs.rmSync(app, {recursive: true, force: true}));

it('ships only what users need', () => {
  const files = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], {cwd: root, encoding: 'utf8'}),
  )[0].files.map((f) => f.path);
  for (const needed of [
    'dist/npm/index.js',
    'dist/npm/index.d.ts',
    'dist/npm/define.js',
    'dist/therapist-attachment-article.js',
    'custom-elements.json',
    'LICENSE',
    'README.md',
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  assert.deepEqual(
    files.filter((f) => /^(src|test|demo|scripts|wordpress|node_modules)\//.test(f)),
    [],
  );
});

it('depends on lit rather than bundling it, and names its manifest', () => {
  const pkg = JSON.parse(
    fs.readFileSync(
      path.join(app, 'node_modules/therapist-attachment-article/package.json'),
      'utf8',
    ),
  );
  assert.ok(pkg.dependencies.lit);
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(
    fs.existsSync(path.join(app, 'node_modules/lit/package.json')),
    'lit installed beside it',
  );
  const index = fs.readFileSync(
    path.join(
      app,
      'node_modules/therapist-attachment-article/dist/npm/therapist-attachment-article.js',
    ),
    'utf8',
  );
  assert.match(index, /from ["']lit["']/);
});

it('type-checks in a TypeScript app (exports map and .d.ts)', () => {
  fs.writeFileSync(
    path.join(app, 'check.ts'),
    `import {TherapistAttachmentArticle, CtaClickEvent} from 'therapist-attachment-article';
import 'therapist-attachment-article/define.js';
const el: TherapistAttachmentArticle = document.createElement('therapist-attachment-article');
el.ctaHref = '/contact';
el.addEventListener('therapist-article-cta-click', (e: CtaClickEvent) => e.detail.href.toUpperCase());
`,
  );
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--lib',
      'es2022,dom',
      'check.ts',
    ],
    {cwd: app, stdio: 'pipe'},
  );
});

it('bundles with the app and renders; the class import alone defines nothing', async () => {
  fs.writeFileSync(
    path.join(app, 'main.js'),
    `import {TherapistAttachmentArticle} from 'therapist-attachment-article';
window.definedBeforeDefine = Boolean(customElements.get('therapist-attachment-article'));
window.classOk = typeof TherapistAttachmentArticle === 'function';
await import('therapist-attachment-article/define.js');
`,
  );
  fs.writeFileSync(
    path.join(app, 'index.html'),
    `<!doctype html><html lang="en"><title>App</title><script type="module" src="./main.js"></script>
<therapist-attachment-article cta-href="/contact"></therapist-attachment-article></html>`,
  );
  // The same app with the form: the element imports the form's code itself, as a chunk of its own.
  fs.writeFileSync(
    path.join(app, 'form.html'),
    `<!doctype html><html lang="en"><title>App</title><script type="module" src="./main.js"></script>
<therapist-attachment-article form-action="/contact"></therapist-attachment-article></html>`,
  );
  await build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: 'out',
      target: 'es2022',
      rolldownOptions: {input: ['index.html', 'form.html'].map((f) => path.join(app, f))},
    },
  });
  const server = await serveStatic({root: path.join(app, 'out')});
  const browser = await engines.chromium();
  try {
    const {page, problems} = await open(browser, `${server.origin}/index.html`);
    const seen = await readArticle(page);
    assert.equal(seen.paragraphs, 11);
    assert.equal(seen.href, '/contact');
    assert.deepEqual(await page.evaluate(() => [window.definedBeforeDefine, window.classOk]), [
      false,
      true,
    ]);
    assert.deepEqual(problems, []);
    // The form's chunk: the one file of the app's build with the form's hidden trap field.
    const assets = path.join(app, 'out/assets');
    const chunks = fs
      .readdirSync(assets)
      .filter(
        (f) =>
          f.endsWith('.js') && fs.readFileSync(path.join(assets, f), 'utf8').includes('_gotcha'),
      );
    assert.equal(chunks.length, 1, chunks.join());
    const scripts = () => performance.getEntriesByType('resource').map((e) => e.name);
    const formChunk = (urls) => urls.filter((u) => u.endsWith(`/assets/${chunks[0]}`)).length;
    assert.equal(formChunk(await page.evaluate(scripts)), 0, 'no form chunk without form-action');

    const form = await open(browser, `${server.origin}/form.html`);
    await form.page.waitForFunction(
      () =>
        document.querySelector('therapist-attachment-article')?.shadowRoot?.querySelector('form'),
      {timeout: 10000},
    );
    assert.equal(formChunk(await form.page.evaluate(scripts)), 1, 'loaded by the element itself');
    assert.deepEqual(form.problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
