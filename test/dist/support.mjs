// Shared by the tests of the built files: the project's static file server and the two puppeteer-driven
// engines from Debian's packages (WebKit is covered by the component tests).
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from '../../scripts/chromium.mjs';

export {serveStatic} from '../../scripts/static-server.mjs';

export const engines = {
  chromium: () =>
    puppeteer.launch({executablePath: chromiumPath, headless: true, args: chromiumArgs}),
  firefox: () =>
    puppeteer.launch({browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true}),
};

/** Opens `url` and collects page errors and console warnings/errors. */
export async function open(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (['error', 'warn', 'warning'].includes(message.type()))
      problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(url, {waitUntil: 'load'});
  return {page, problems};
}

/** What the first element on the page shows once rendered. */
export async function readArticle(page) {
  await page.waitForFunction(
    () =>
      document
        .querySelector('therapist-attachment-article')
        ?.shadowRoot?.querySelector('[part~="cta-button"]'),
    {timeout: 10000},
  );
  return page.evaluate(() => {
    const root = document.querySelector('therapist-attachment-article').shadowRoot;
    const button = root.querySelector('[part~="cta-button"]');
    return {
      title: root.querySelector('[part~="title"]').textContent.trim(),
      paragraphs: root.querySelectorAll('[part~="body"] p').length,
      signature: root.querySelector('[part~="signature"]').textContent.trim(),
      href: button.getAttribute('href'),
      buttonBackground: getComputedStyle(button).backgroundColor,
      count: document.querySelectorAll('therapist-attachment-article').length,
      defined: Boolean(customElements.get('therapist-attachment-article')),
    };
  });
}

export const dist = path.resolve(import.meta.dirname, '../../dist');
export const dropIn = path.join(dist, 'therapist-attachment-article.js');
/** The contact form's code, which the drop-in loads from next to itself with form-action. */
export const formFile = path.join(dist, 'therapist-attachment-article.form.js');

export function requireBuild() {
  if (!fs.existsSync(dropIn))
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:dist does).');
}
