// The byline under the title: the author and her credentials, from the article's own facts,
// in the header, styleable by its part, readable in every look.
import {expect} from '@open-wc/testing';
import {byline, signature} from '../src/content/article.js';
import {part, render, seen} from './helpers.js';

describe('the byline', () => {
  for (const theme of [undefined, 'light', 'dark', 'auto']) {
    it(`stands under the title in the header, in the ${theme ?? 'blend'} look, and passes axe`, async () => {
      const el = await render(theme ? {theme} : {});
      const line = part(el, 'byline');
      expect(line.localName).to.equal('address');
      expect(line.parentElement).to.equal(part(el, 'header'));
      expect(line.previousElementSibling).to.equal(part(el, 'title'));
      expect(seen(line)).to.equal(`By ${signature()}`);
      expect(seen(line)).to.equal(byline());
      const style = getComputedStyle(line);
      expect(style.fontStyle).to.equal('normal');
      expect(style.display).to.not.equal('none');
      await expect(el).to.be.accessible();
    });
  }
});
