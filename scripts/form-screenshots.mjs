// Screenshots of the contact form's states at 375 px for the README: `npm run screenshots:form`.
// Starts Vite (with the mock endpoint of demo/mock-endpoint.ts) on a free port and drives
// demo/contact.html in Debian's Chromium: docs/form-{empty,invalid,sending,sent,failed}.png.
import {createServer} from 'vite';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

const server = await createServer({server: {port: 0}, logLevel: 'error'});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

const visitor = {
  name: 'Jordan Lee',
  email: 'jordan@example.com',
  phone: '',
  message: 'Hi, I’m looking for a therapist for weekly sessions. Do you have evening openings?',
};

/** One fresh page per state; `act` brings the form into that state. */
async function shoot(name, outcome, act) {
  const page = await browser.newPage({viewport: {width: 375, height: 812}, deviceScaleFactor: 1});
  await page.goto(`${base}demo/contact.html`);
  const el = page.locator('therapist-attachment-article');
  await el.locator('form').waitFor();
  await page.evaluate((value) => {
    document.getElementById('article').setAttribute('form-action', `/__demo-contact/${value}`);
  }, outcome);
  const section = el.locator('[part~="cta"]');
  await act(el);
  // No caret or focus ring caught mid-blink in one shot and not another.
  await page.evaluate(() => document.fonts.ready);
  // A margin around the section, so focus rings are not cut off.
  const box = await section.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height};
  });
  const clip = {x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16};
  await page.screenshot({
    path: `docs/form-${name}.png`,
    clip,
    fullPage: true,
    animations: 'disabled',
  });
  console.log(`wrote docs/form-${name}.png`);
  await page.close();
}

const fill = async (el) => {
  for (const [field, value] of Object.entries(visitor)) {
    await el.locator(`[name="${field}"]`).fill(value);
  }
};
const submit = (el) => el.locator('[part~="form-button"]').click();
const settled = (el) =>
  el.locator('[role="status"]:not(.idle):not(.sending)').waitFor({timeout: 10000});

try {
  await shoot('empty', 'ok', async () => {});
  await shoot('invalid', 'ok', async (el) => {
    await el.locator('[name="name"]').fill(visitor.name);
    await el.locator('[name="email"]').fill('jordan@');
    await submit(el);
    await el.locator('[aria-invalid="true"]').first().waitFor();
  });
  await shoot('sending', 'slow', async (el) => {
    await fill(el);
    await submit(el);
    await el.locator('[role="status"].sending').waitFor();
  });
  await shoot('sent', 'ok', async (el) => {
    await fill(el);
    await submit(el);
    await settled(el);
  });
  await shoot('failed', 'fail', async (el) => {
    await fill(el);
    await submit(el);
    await settled(el);
  });
} finally {
  await browser.close();
  await server.close();
}
