// Printing the article: Chromium's PDF of a page with the drop-in, read back as text with
// pdftotext (Debian's poppler-utils). Every paragraph is on paper, the call-to-action's link
// is written out as its address, and nothing of the form or its buttons is.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, before, describe, it} from 'node:test';
import {dist, engines, requireBuild, serveStatic} from './support.mjs';

const BOOK = 'https://example.com/book-a-call';
const pages = {
  'link.html': `<therapist-attachment-article theme="dark" cta-href="${BOOK}" cta-label="Book a call"></therapist-attachment-article>`,
  'teaser.html': `<therapist-attachment-article layout="teaser" cta-href="${BOOK}"></therapist-attachment-article>`,
  'form.html': `<therapist-attachment-article theme="dark" form-action="/contact-form"></therapist-attachment-article>`,
};

/** White space folded, ligatures and compatibility forms undone, as the PDF's text comes out. */
const fold = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

let server;
let browser;
before(async () => {
  requireBuild();
  server = await serveStatic({
    root: dist,
    pages: Object.fromEntries(
      Object.entries(pages).map(([name, body]) => [
        `/${name}`,
        `<!doctype html><html lang="en"><title>Print</title>
<script src="therapist-attachment-article.js"></script>
<body style="background: #123; color: #eee">${body}</body></html>`,
      ]),
    ),
  });
  browser = await engines.chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, waits for the article, and returns its paragraphs and its PDF as text. */
async function print(name) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/${name}`, {waitUntil: 'load'});
  await page.waitForFunction(() =>
    document.querySelector('therapist-attachment-article')?.shadowRoot?.querySelector('p'),
  );
  const paragraphs = await page.evaluate(() =>
    [
      ...document
        .querySelector('therapist-attachment-article')
        .shadowRoot.querySelectorAll('[part~="paragraph"], [part~="signature"]'),
    ].map((p) => p.textContent),
  );
  await page.emulateMediaType('print');
  const looks = await page.evaluate(() => {
    const root = document.querySelector('therapist-attachment-article').shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      color: style('[part~="article"]').color,
      background: style('[part~="article"]').backgroundColor,
      paragraph: style('[part~="paragraph"]').color,
      title: style('[part~="title"]').color,
    };
  });
  const pdf = await page.pdf({format: 'A4', printBackground: true});
  await page.close();
  const text = fold(
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {input: pdf, encoding: 'utf8'}),
  );
  return {paragraphs: paragraphs.map(fold).filter(Boolean), text, looks};
}

describe('print (Chromium’s PDF, read back as text)', () => {
  it('prints every paragraph, black on white, and the link as its address', async () => {
    const {paragraphs, text, looks} = await print('link.html');
    assert.ok(paragraphs.length >= 12, 'the body, the call-to-action and the signature');
    for (const paragraph of paragraphs) assert.ok(text.includes(paragraph), paragraph);
    assert.match(text, /Is it "Normal" to be Attached to your Therapist\?/);
    assert.ok(text.includes(`Book a call (${BOOK})`), 'the label, followed by its URL');
    assert.deepEqual(looks, {
      color: 'rgb(0, 0, 0)',
      background: 'rgba(0, 0, 0, 0)',
      paragraph: 'rgb(0, 0, 0)',
      title: 'rgb(0, 0, 0)',
    });
  });

  it('prints a teaser whole, without “Continue reading”', async () => {
    const {paragraphs, text} = await print('teaser.html');
    assert.equal(paragraphs.length, 13, 'eleven paragraphs, the call-to-action and the signature');
    for (const paragraph of paragraphs) assert.ok(text.includes(paragraph), paragraph);
    assert.ok(!text.includes('Continue reading'));
    assert.ok(text.includes(`Reach out (${BOOK})`));
  });

  it('leaves the contact form off the paper', async () => {
    const {paragraphs, text} = await print('form.html');
    for (const paragraph of paragraphs) assert.ok(text.includes(paragraph), paragraph);
    assert.ok(text.includes('Reach out below!'));
    assert.ok(!text.includes('Send message'), 'no submit button');
    assert.ok(!/Email|Phone|health details|988/.test(text), 'no notes, labels or fields');
  });
});
