// Comfortable reading in every look: characters per line of the first paragraph, measured
// from the laid-out text (test/reading-helpers.ts), on a phone-sized column with the page's
// usual 16 px side margins and on a desktop-wide one, with the browser's 16 px text (as phone
// sites set it); and never smaller text than the page's.
import {expect, fixture, html} from '@open-wc/testing';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part} from './helpers.js';
import {charactersPerLine} from './reading-helpers.js';

/** The element in a page column `width` px wide with 16 px side margins, in `theme`. */
async function inColumn(width: number, theme?: string): Promise<TherapistAttachmentArticle> {
  const page = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px; padding: 0 16px; box-sizing: border-box">
      <therapist-attachment-article></therapist-attachment-article>
    </div>`,
  );
  const el = page.firstElementChild as TherapistAttachmentArticle;
  if (theme) el.setAttribute('theme', theme);
  await el.updateComplete;
  return el;
}

describe('comfortable reading', () => {
  for (const theme of [undefined, 'light', 'dark', 'auto']) {
    const look = theme ?? 'blend';
    it(`${look}: at least 35 characters a line at 360 px with 16 px page margins`, async () => {
      const el = await inColumn(360, theme);
      expect(charactersPerLine(part(el, 'paragraph'))).to.be.at.least(35);
    });

    it(`${look}: 60–75 characters a line on a desktop-wide page`, async () => {
      for (const width of [1024, 1280]) {
        const el = await inColumn(width, theme);
        expect(charactersPerLine(part(el, 'paragraph')), `${width} px`).to.be.within(60, 75);
      }
    });

    it(`${look}: the text is never smaller than the page’s`, async () => {
      const el = await inColumn(360, theme);
      const own = parseFloat(getComputedStyle(part(el, 'paragraph')).fontSize);
      expect(own).to.be.at.least(parseFloat(getComputedStyle(el.parentElement!).fontSize));
    });
  }
});
