// `node scripts/blend-grid.mjs` (after `npm run build`): docs/blend-grid.png, the element with
// nothing set beside each page's own h2, paragraph and primary button — on a Bootstrap 5 page
// and a Pico CSS page (from node_modules, with the built drop-in), and on a real WordPress
// with its default theme (Twenty Twenty-Four on 6.6, from wordpress/e2e's cache: skipped with
// a note when it cannot start). The element is a one-paragraph teaser, so that its title,
// byline, text and button (“Continue reading”, in the accent) fit in the picture.
import {existsSync} from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs', 'blend-grid.png');
if (!existsSync(path.join(root, 'dist', 'therapist-attachment-article.js'))) {
  console.error('blend-grid: run `npm run build` first.');
  process.exit(1);
}

const NATIVE = `
  <h2 id="native-title">A heading of the page</h2>
  <p id="native-text">A paragraph of the page, with <a href="#x">a link</a>.</p>`;
const ELEMENT = `<therapist-attachment-article layout="teaser" teaser-paragraphs="1" read-more-href="#more"></therapist-attachment-article>`;
const page = (title, css, button) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${css}">
<script src="/dist/therapist-attachment-article.js" defer></script></head>
<body><main class="container" style="padding-block: 2rem">${NATIVE}${button}<hr>${ELEMENT}</main></body></html>`;

const columns = [
  {
    name: 'Bootstrap 5',
    path: '/blend/bootstrap.html',
    html: page(
      'Bootstrap 5',
      '/node_modules/bootstrap/dist/css/bootstrap.min.css',
      '<a class="btn btn-primary" href="#x">A primary button</a>',
    ),
  },
  {
    name: 'Pico CSS 2',
    path: '/blend/pico.html',
    html: page(
      'Pico CSS',
      '/node_modules/@picocss/pico/css/pico.min.css',
      '<button>A button</button>',
    ),
  },
];

let site;
try {
  process.env.WP_CORE_DIR ??= path.join(root, 'node_modules/.cache/wordpress-builds/wp-beta');
  const {startSite} = await import('../wordpress/e2e/support/site.mjs');
  site = await startSite();
  columns.push({
    name: `WordPress ${site.version}, ${site.install.theme}`,
    url: `${site.content.pages.blend_teaser.link}#native-title`,
  });
} catch (error) {
  console.warn(`blend-grid: no WordPress column (${error.message.split('\n')[0]})`);
}

const WIDTH = 560;
const HEIGHT = 860;
const grid = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; display: flex; gap: 16px; background: #d9d9d9; font: 600 15px system-ui, sans-serif; }
  figure { margin: 0; } figcaption { padding: 0 0 8px; }
  iframe { width: ${WIDTH}px; height: ${HEIGHT}px; border: 1px solid #999; background: #fff; display: block; }
</style></head><body>${columns
  .map(
    (c) =>
      `<figure><figcaption>${c.name}: the page’s own h2, paragraph and button, then the article with nothing set</figcaption><iframe src="${c.url ?? c.path}"></iframe></figure>`,
  )
  .join('')}</body></html>`;

const server = await serveStatic({
  root,
  pages: Object.fromEntries([
    ...columns.filter((c) => c.path).map((c) => [c.path, c.html]),
    ['/blend/grid.html', grid],
  ]),
});
const browser = await puppeteer.launch({executablePath: chromiumPath, args: chromiumArgs});
try {
  const tab = await browser.newPage();
  await tab.setViewport({width: columns.length * (WIDTH + 18) + 16, height: HEIGHT + 70});
  await tab.goto(new URL('/blend/grid.html', server.url).href, {waitUntil: 'networkidle0'});
  for (const frame of tab.frames().slice(1)) {
    await frame.waitForFunction(
      () => document.querySelector('therapist-attachment-article')?.hasUpdated,
    );
  }
  await new Promise((r) => setTimeout(r, 500));
  await tab.screenshot({path: out});
  console.log(`blend-grid: ${path.relative(root, out)} (${columns.map((c) => c.name).join(', ')})`);
} finally {
  await browser.close();
  await server.close();
  await site?.stop();
}
