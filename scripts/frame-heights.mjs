// Measures how tall the element is in a frame (Wix's Embed HTML, Google Sites' Embed code: a
// page holding only the configurator's code, with the browser's default 8 px body margin),
// for every look × layout (the whole article with the button or the form, the closed teaser
// with each number of paragraphs) × column width, the tallest of the configurator's fonts, at
// a phone's and a desktop's width, and writes
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
import {build} from 'vite';
import {chromiumArgs, chromiumPath} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const OUT = path.join(root, 'site/frame-heights.ts');
const TAG = 'therapist-attachment-article';

/**
 * The frame widths measured. A phone's is 320 px, the narrowest: Wix's mobile editor lays the
 * site out 320 px wide, and a frame tall enough there holds the article on every wider phone
 * (at 360 px the article is about 12 % shorter).
 */
export const FRAME_WIDTHS = {phone: 320, desktop: 1280};
/** `blend`: no `theme` attribute. */
export const LOOKS = ['blend', 'light', 'dark', 'auto'];

/**
 * The configurator's own lists (site/settings.ts), built for Node by Vite: the fonts (their
 * stacks) and the column widths an owner can choose, and the most paragraphs a teaser shows.
 */
export async function configuratorChoices() {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: path.join(root, 'site/settings.ts'),
      write: false,
      minify: false,
      rolldownOptions: {output: {format: 'es'}},
    },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  const {FONTS, WIDTHS, TEASER_MAX} = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  return {
    fonts: Object.values(FONTS).map((font) => font.stack),
    widths: Object.keys(WIDTHS),
    teaserMax: TEASER_MAX,
  };
}

/** The frame's page: exactly what the configurator's frame code puts there, the tag aside. */
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<base target="_blank"><script src="/${TAG}.js"></script></head>
<body></body>
</html>`;

/** The data's key: look, column width (`default` for the element's own), layout. */
export const frameKey = (look, width, layout) => `${look}/${width || 'default'}/${layout}`;

/**
 * The layouts measured: the whole article with the button or the form, and the closed teaser
 * with 1 to `teaserMax` paragraphs (its call-to-action is not shown until it opens).
 */
export const layouts = (teaserMax) => [
  'full-link',
  'full-form',
  ...Array.from({length: teaserMax}, (_, i) => `teaser-${i + 1}`),
];

/**
 * Runs in the page: one fresh element for the look and way to reach out; for each layout and
 * column width, its height with the tallest of the fonts (the figures must hold whichever
 * font the owner picks).
 */
async function measureInPage({tag, look, reach, layouts, widths, fonts}) {
  const el = document.createElement(tag);
  if (look !== 'blend') el.setAttribute('theme', look);
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
    throw new Error(`${look}/${reach}: no ${what}`);
  };
  // The form's code comes from its own file: measure once its fields are in.
  await until(() => part(reach === 'form' ? 'form' : 'cta-button'), 'call-to-action');
  await document.fonts.ready;
  const heights = {};
  for (const layout of layouts) {
    const teaser = /^teaser-(\d+)$/.exec(layout)?.[1];
    if (teaser) {
      el.setAttribute('layout', 'teaser');
      el.setAttribute('teaser-paragraphs', teaser);
    } else {
      el.removeAttribute('layout');
      el.removeAttribute('teaser-paragraphs');
    }
    await el.updateComplete;
    if (teaser) await until(() => part('read-more')?.getClientRects().length, 'teaser');
    for (const width of widths) {
      let tallest = 0;
      for (const font of fonts) {
        // Custom properties, as the configurator's <style> block sets them; layout is
        // synchronous, so each reading is the height with these properties.
        for (const [name, value] of [
          ['--therapist-article-font', font],
          ['--therapist-article-max-width', width],
        ]) {
          if (value) el.style.setProperty(name, value);
          else el.style.removeProperty(name);
        }
        tallest = Math.max(tallest, el.getBoundingClientRect().height);
      }
      heights[`${look}/${width || 'default'}/${layout}`] = Math.ceil(tallest);
    }
  }
  return heights;
}

/**
 * Measures every combination with the built drop-in in `dist`. Resolves with
 * `{"look/width/layout": {phone, desktop}}`, element heights in CSS pixels, rounded up.
 */
export async function measure({dist = path.join(root, 'dist')} = {}) {
  if (!fs.existsSync(path.join(dist, `${TAG}.js`))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const {fonts, widths, teaserMax} = await configuratorChoices();
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
    for (const [screen, px] of Object.entries(FRAME_WIDTHS)) {
      await page.setViewport({width: px, height: 800});
      await page.goto(`${server.url}frame.html`, {waitUntil: 'load'});
      for (const look of LOOKS) {
        for (const reach of ['link', 'form']) {
          const measured = await page.evaluate(measureInPage, {
            tag: TAG,
            look,
            reach,
            // The closed teaser does not show the call-to-action: measured with the link.
            layouts: layouts(teaserMax).filter((l) =>
              reach === 'form' ? l === 'full-form' : l !== 'full-form',
            ),
            widths,
            fonts,
          });
          for (const [key, height] of Object.entries(measured)) {
            heights[key] ??= {};
            heights[key][screen] = height;
          }
        }
      }
    }
    if (problems.length) throw new Error(`the frame page failed: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return Object.fromEntries(
    Object.entries(heights).sort(([a], [b]) => a.localeCompare(b, 'en', {numeric: true})),
  );
}

/** The data file's text, formatted as the repository's Prettier would. */
export async function dataFile(heights) {
  const text = `// Generated by scripts/frame-heights.mjs from the built drop-in: do not edit.
// Regenerate with \`npm run build && npm run frame-heights\`; test/dist/frame-heights.test.mjs
// fails when these figures are stale.
/**
 * The element's height in CSS pixels inside a frame (Wix's Embed HTML, Google Sites) with the
 * browser's default 8 px body margin, at ${FRAME_WIDTHS.phone} px (phone) and ${FRAME_WIDTHS.desktop} px (desktop) wide, by
 * \`look/column width/layout\` (\`full-link\`, \`full-form\`, or \`teaser-N\` closed with N paragraphs),
 * the tallest with any of the configurator's fonts, measured in Chromium with the fonts of the
 * machine that ran it.
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
