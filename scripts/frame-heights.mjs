// Measures how tall the element is in a frame (Wix's Embed HTML, Google Sites' Embed code: a
// page holding only the configurator's code, with the browser's default 8 px body margin),
// for every look × layout × way to reach out, at a phone's and a desktop's width, and writes
// the figures to site/frame-heights.ts, which the configurator imports (one source of truth).
//
//   npm run build && npm run frame-heights     re-measures, rewrites the file, rebuilds dist/site/
//   node scripts/frame-heights.mjs --print     prints the figures, writes nothing
//
// test/dist/frame-heights.test.mjs re-measures and fails when the committed figures are stale.
// Measured with the built drop-in (dist/) in Debian's Chromium, served by scripts/static-server.mjs.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const OUT = path.join(root, 'site/frame-heights.ts');
const TAG = 'therapist-attachment-article';

/** The frame widths measured: a small phone, and a desktop page. */
export const FRAME_WIDTHS = {phone: 360, desktop: 1280};
/** `blend`: no `theme` attribute. */
export const LOOKS = ['blend', 'light', 'dark', 'auto'];
/** `teaser` is closed; `teaser-open` after “Continue reading” opened the rest in place. */
export const LAYOUTS = ['full', 'teaser', 'teaser-open'];
export const REACHES = ['link', 'form'];

/** The frame's page: exactly what the configurator's frame code puts there, the tag aside. */
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/${TAG}.js"></script></head>
<body></body>
</html>`;

/** Runs in the page: one fresh element with these attributes; resolves with its height. */
async function measureInPage({tag, look, layout, reach}) {
  const el = document.createElement(tag);
  if (look !== 'blend') el.setAttribute('theme', look);
  if (layout !== 'full') el.setAttribute('layout', 'teaser');
  if (reach === 'form') el.setAttribute('form-action', '/contact');
  else el.setAttribute('cta-target', '_blank');
  document.body.replaceChildren(el);
  await customElements.whenDefined(tag);
  const part = (name) => el.shadowRoot?.querySelector(`[part~="${name}"]`);
  const until = async (test, what) => {
    for (let i = 0; i < 400; i++) {
      if (test()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${look}/${layout}/${reach}: no ${what}`);
  };
  // The form's code comes from its own file: measure once its fields are in.
  await until(() => part(reach === 'form' ? 'form' : 'cta-button'), 'call-to-action');
  if (layout === 'teaser-open') {
    await until(() => part('read-more'), '“Continue reading”');
    part('read-more').click();
    await until(() => !part('read-more')?.getClientRects().length, 'opened teaser');
  }
  await el.updateComplete;
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return Math.ceil(el.getBoundingClientRect().height);
}

/**
 * Measures every combination with the built drop-in in `dist`. Resolves with
 * `{"look/layout/reach": {phone, desktop}}`, element heights in CSS pixels, rounded up.
 */
export async function measure({dist = path.join(root, 'dist')} = {}) {
  if (!fs.existsSync(path.join(dist, `${TAG}.js`))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const server = await serveStatic({root: dist, pages: {'/frame.html': PAGE}});
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const heights = {};
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    for (const [width, px] of Object.entries(FRAME_WIDTHS)) {
      await page.setViewport({width: px, height: 800});
      await page.goto(`${server.url}frame.html`, {waitUntil: 'load'});
      for (const look of LOOKS) {
        for (const layout of LAYOUTS) {
          for (const reach of REACHES) {
            const key = `${look}/${layout}/${reach}`;
            heights[key] ??= {};
            heights[key][width] = await page.evaluate(measureInPage, {
              tag: TAG,
              look,
              layout,
              reach,
            });
          }
        }
      }
    }
    if (problems.length) throw new Error(`the frame page failed: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return heights;
}

/** The data file's text, formatted as the repository's Prettier would. */
export async function dataFile(heights) {
  const text = `// Generated by scripts/frame-heights.mjs from the built drop-in: do not edit.
// Regenerate with \`npm run build && npm run frame-heights\`; test/dist/frame-heights.test.mjs
// fails when these figures are stale.
/**
 * The element's height in CSS pixels inside a frame (Wix's Embed HTML, Google Sites) with the
 * browser's default 8 px body margin, by \`look/layout/reach\`, at ${FRAME_WIDTHS.phone} px (phone) and
 * ${FRAME_WIDTHS.desktop} px (desktop), measured in Chromium with the fonts of the machine that ran it.
 */
export const FRAME_WIDTHS = ${JSON.stringify(FRAME_WIDTHS)} as const;
export const FRAME_HEIGHTS: Readonly<Record<string, {readonly phone: number; readonly desktop: number}>> = ${JSON.stringify(heights)};
`;
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(text, {...options, filepath: OUT});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const heights = await measure();
  if (process.argv.includes('--print')) {
    console.table(heights);
  } else {
    fs.writeFileSync(OUT, await dataFile(heights));
    console.log(
      `site/frame-heights.ts: ${Object.keys(heights).length} combinations measured in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
