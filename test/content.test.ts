import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {
  article,
  fold,
  part,
  parts,
  plainText,
  render,
  seedBlocks,
  seen,
  shadow,
} from './helpers.js';
import {signature} from '../src/content/article.js';

describe('content', () => {
  it('renders the title in the heading that labels the article', async () => {
    const el = await render();
    const title = part(el, 'title');
    expect(seen(title)).to.equal(article.title);
    const labelled = part(el, 'article');
    expect(labelled.localName).to.equal('article');
    expect(labelled.getAttribute('lang')).to.equal('en');
    expect(shadow(el).getElementById(labelled.getAttribute('aria-labelledby')!)).to.equal(title);
  });

  it('renders every body paragraph, in order, exactly as the source has it', async () => {
    const el = await render();
    const body = part(el, 'body');
    const rendered = [...body.querySelectorAll('p')].map(seen);
    expect(rendered).to.deep.equal(article.paragraphs.map((p) => fold(plainText(p))));
  });

  it('renders the author’s emphasis as real emphasis', async () => {
    const el = await render();
    const emphasised = article.paragraphs.flat().filter((run) => typeof run !== 'string');
    expect(emphasised.length).to.be.greaterThan(0);
    const ems = parts(el, 'emphasis');
    expect(ems.map((em) => em.localName)).to.deep.equal(emphasised.map(() => 'em'));
    expect(ems.map(seen)).to.deep.equal(emphasised.map((run) => run.emphasis));
  });

  it('ends with the call-to-action paragraph and the signature in the footer', async () => {
    const el = await render();
    expect(seen(part(el, 'cta-text'))).to.equal(fold(plainText(article.callToAction)));
    const signatureEl = part(el, 'signature');
    expect(seen(signatureEl)).to.equal('Emily Powell, LMHC, LPC');
    expect(seen(signatureEl)).to.equal(signature());
    expect(signatureEl.closest('footer')).to.equal(part(el, 'footer'));
    expect(part(el, 'footer').parentElement).to.equal(part(el, 'article'));
  });

  it('shows none of the captured page chrome', async () => {
    const el = await render();
    const text = seen(shadow(el));
    for (const chrome of ['top of page', 'empowell1', 'Recent Posts', 'See All', 'Comments']) {
      expect(text).not.to.include(chrome);
    }
  });

  it('keeps the project’s source identical to the article as captured', async function () {
    const seed = await executeServerCommand<string | null, undefined>('read-seed');
    if (seed === null) {
      // A clone without ../shared has nothing to compare against; the text is still checked
      // above against the project's own source.
      this.skip();
    }
    const blocks = seedBlocks(seed!);
    const titleAt = blocks.indexOf(article.title);
    expect(titleAt, 'title found in the seed').to.be.greaterThan(-1);
    // The seed marks emphasis as *word*; the source stores it as data.
    const asSeed = (p: (typeof article.paragraphs)[number]) =>
      p.map((run) => (typeof run === 'string' ? run : `*${run.emphasis}*`)).join('');
    const expected = [
      article.title,
      ...article.paragraphs.map(asSeed),
      asSeed(article.callToAction),
      signature(),
    ];
    expect(blocks.slice(titleAt, titleAt + expected.length)).to.deep.equal(expected);
    // Nothing of the article is left out: what follows is page chrome only.
    expect(blocks.slice(titleAt + expected.length)).to.deep.equal([
      'Recent Posts',
      'See All',
      'Comments',
      'bottom of page',
    ]);
  });

  it('keeps the author’s capitals, dashes, quotes and ellipses', async () => {
    const all = [article.title, ...article.paragraphs.map(plainText)].join('\n');
    for (const mark of ['MUCH', 'NOT', '–', '“', '”', '’', '…', '"Normal"']) {
      expect(all).to.include(mark);
    }
  });
});
