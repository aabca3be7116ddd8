// Screenshots of the demo for the README: `npm run screenshots` (Debian's Chromium, headless).
// Starts Vite on a free port, shoots each page at phone and desktop widths into docs/.
import {createServer} from 'vite';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

// `part`: scroll that part of the first element into view before the shot.
const shots = [
  {
    page: 'site/#theme=light&font=serif',
    name: 'configurator',
    widths: [375, 1280],
    configurator: true,
  },
  {page: 'demo/index.html', name: 'demo', widths: [375, 1280]},
  {page: 'demo/index.html#dark', name: 'theme-dark', widths: [1280], section: '#dark'},
  {page: 'demo/harbor-light.html', name: 'harbor-light', widths: [375, 1280]},
  {page: 'demo/harbor-light.html', name: 'harbor-light-cta', widths: [375], part: 'cta'},
  {page: 'demo/northside.html', name: 'northside', widths: [375, 1280]},
];
const only = process.argv[2];

const server = await createServer({server: {port: 0}, logLevel: 'error'});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
try {
  for (const shot of shots.filter((s) => !only || s.name === only)) {
    for (const width of shot.widths) {
      const height = width < 600 ? 812 : 900;
      const page = await browser.newPage({viewport: {width, height}, deviceScaleFactor: 1});
      await page.goto(base + shot.page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('therapist-attachment-article')].every((el) =>
          el.shadowRoot?.querySelector('[part~="cta-button"]'),
        ),
      );
      if (shot.configurator) {
        await page.waitForFunction(() =>
          document
            .querySelector('therapist-configurator')
            ?.shadowRoot?.querySelector('therapist-attachment-article')
            ?.shadowRoot?.querySelector('[part~="cta-button"]'),
        );
      }
      if (shot.part) {
        await page.evaluate((name) => {
          const el = document.querySelector('therapist-attachment-article');
          el.shadowRoot.querySelector(`[part~="${name}"]`).scrollIntoView({block: 'center'});
        }, shot.part);
      }
      if (shot.section) {
        await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), shot.section);
      }
      const file = `docs/${shot.name}-${width}.png`;
      await page.screenshot({path: file});
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
