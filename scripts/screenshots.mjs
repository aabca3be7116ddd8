// The pictures in docs/: `npm run screenshots [name]` (Debian's headless Chromium through
// puppeteer-core). Starts Vite (with demo/mock-endpoint.ts) on a free port and shoots
//   - the configurator and the demo pages at phone and desktop widths: docs/NAME-WIDTH.png
//   - the contact form's states at 375 px, from demo/contact.html:
//     docs/form-{empty,invalid,sending,sent,failed}.png
// A name (e.g. `demo`, `form-sent`, `form`) shoots only the pictures whose names start with it.
import {createServer} from 'vite';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

const tag = 'therapist-attachment-article';
// Inside the first element's shadow root (puppeteer's >>> pierces it).
const inside = (selector) => `${tag} >>> ${selector}`;

// `part`: scroll that part of the first element into view before the shot.
const pages = [
  {page: 'site/#theme=light&font=serif', name: 'configurator', widths: [375, 1280]},
  {page: 'demo/index.html', name: 'demo', widths: [375, 1280]},
  {page: 'demo/index.html#dark', name: 'theme-dark', widths: [1280], section: '#dark'},
  {page: 'demo/harbor-light.html', name: 'harbor-light', widths: [375, 1280]},
  {page: 'demo/harbor-light.html', name: 'harbor-light-cta', widths: [375], part: 'cta'},
  {page: 'demo/northside.html', name: 'northside', widths: [375, 1280]},
];

const visitor = {
  name: 'Jordan Lee',
  email: 'jordan@example.com',
  phone: '',
  message: 'Hi, I’m looking for a therapist for weekly sessions. Do you have evening openings?',
};
const fill = async (page, fields = visitor) => {
  for (const [field, value] of Object.entries(fields)) {
    if (value) await page.locator(inside(`[name="${field}"]`)).fill(value);
  }
};
const submit = (page) => page.locator(inside('[part~="form-button"]')).click();
const settled = (page) =>
  page.waitForSelector(inside('[role="status"]:not(.idle):not(.sending)'), {timeout: 10000});

// Each state on a fresh page; the mock endpoint's outcome is set through form-action.
const formStates = {
  empty: ['ok', async () => {}],
  invalid: [
    'ok',
    async (page) => {
      await fill(page, {name: visitor.name, email: 'jordan@'});
      await submit(page);
      await page.waitForSelector(inside('[aria-invalid="true"]'));
    },
  ],
  sending: [
    'slow',
    async (page) => {
      await fill(page);
      await submit(page);
      await page.waitForSelector(inside('[role="status"].sending'));
    },
  ],
  sent: ['ok', async (page) => (await fill(page), await submit(page), await settled(page))],
  failed: ['fail', async (page) => (await fill(page), await submit(page), await settled(page))],
};

const only = process.argv[2] ?? '';
const server = await createServer({server: {port: 0}, logLevel: 'error'});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});

async function open(url, width) {
  const page = await browser.newPage();
  await page.setViewport({width, height: width < 600 ? 812 : 900, deviceScaleFactor: 1});
  // the same picture every time: no transitions caught halfway, no blinking caret
  await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
  await page.goto(base + url);
  await page.addStyleTag({content: `${tag}::part(form-input){caret-color:transparent}`});
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll(name)].every((el) =>
        el.shadowRoot?.querySelector('[part~="cta-button"], [part~="form"]'),
      ),
    {},
    tag,
  );
  await page.evaluate(() => document.fonts.ready);
  return page;
}

try {
  for (const shot of pages.filter((s) => s.name.startsWith(only))) {
    for (const width of shot.widths) {
      const page = await open(shot.page, width);
      if (shot.name === 'configurator') {
        await page.waitForSelector(`therapist-configurator >>> ${tag} >>> [part~="cta-button"]`);
      }
      if (shot.part) {
        await page.$eval(inside(`[part~="${shot.part}"]`), (n) =>
          n.scrollIntoView({block: 'center'}),
        );
      }
      if (shot.section) await page.$eval(shot.section, (n) => n.scrollIntoView());
      const file = `docs/${shot.name}-${width}.png`;
      await page.screenshot({path: file});
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
  for (const [state, [outcome, act]] of Object.entries(formStates)) {
    if (!`form-${state}`.startsWith(only)) continue;
    const page = await open('demo/contact.html', 375);
    await page.$eval(
      '#article',
      (el, o) => el.setAttribute('form-action', `/__demo-contact/${o}`),
      outcome,
    );
    await act(page);
    // the call-to-action section with a margin, so that focus rings are not cut off
    const box = await page.$eval(inside('[part~="cta"]'), (node) => {
      const r = node.getBoundingClientRect();
      return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height};
    });
    const clip = {x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16};
    await page.screenshot({path: `docs/form-${state}.png`, clip, captureBeyondViewport: true});
    console.log(`wrote docs/form-${state}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
