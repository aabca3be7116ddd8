import {expect} from '@open-wc/testing';
import {article, plainText, signature, type ArticleContent} from '../src/content/article.js';
import {
  blogPostingJsonLd,
  blogPostingScript,
  escapeHtml,
  seoMarkup,
} from '../src/content/structured-data.js';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Hostile text in every field, to check that nothing is ever taken as markup. */
const hostile: ArticleContent = {
  lang: 'en"><script>alert(1)</script>',
  title: '</script><img src=x onerror=alert(1)> & "quotes" \'too\'',
  author: {name: 'A <b>name</b>', credentials: ['<i>LMHC</i>', 'LPC & co']},
  paragraphs: [['One <p>', {emphasis: '</em><script>x</script>'}, ' two & three']],
  callToAction: ['Reach </article> out'],
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('structured data', () => {
  it('is a schema.org BlogPosting with the headline, the author and her credentials', () => {
    const data = blogPostingJsonLd();
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('BlogPosting');
    expect(data.headline).to.equal(article.title);
    expect(data.inLanguage).to.equal('en');
    expect(data.author['@type']).to.equal('Person');
    expect(data.author.name).to.equal('Emily Powell');
    expect(data.author.honorificSuffix).to.equal('LMHC, LPC');
    expect(data.author.hasCredential.map((c) => c.name)).to.deep.equal(['LMHC', 'LPC']);
  });

  it('carries the whole text as articleBody and a short description', () => {
    const data = blogPostingJsonLd();
    const paragraphs = [...article.paragraphs, article.callToAction].map((p) => fold(plainText(p)));
    expect(data.articleBody.split('\n\n')).to.deep.equal(paragraphs);
    expect(data.description.length).to.be.within(60, 160);
    expect(paragraphs[0]!.startsWith(data.description.replace(/…$/, ''))).to.equal(true);
    expect(data.wordCount).to.equal(data.articleBody.split(/\s+/).length);
  });

  it('as a script element, cannot be closed early by any text', () => {
    const html = blogPostingScript(hostile);
    expect(html.match(/<\/script>/gi)).to.have.length(1);
    expect(html).not.to.include('<!--');
    const script = parse(html).querySelector('script')!;
    expect(script.type).to.equal('application/ld+json');
    expect(JSON.parse(script.textContent!)).to.deep.equal(blogPostingJsonLd(hostile));
  });
});

describe('structured data for a teaser on another site (syndication)', () => {
  const excerpt = {paragraphs: 3, url: 'https://practice.example/blog/attached'};

  it('carries only the excerpt and points to the full post', () => {
    const data = blogPostingJsonLd(article, excerpt);
    const opening = article.paragraphs.slice(0, 3).map((p) => fold(plainText(p)));
    expect(data.articleBody.split('\n\n')).to.deep.equal(opening);
    expect(data.articleBody).not.to.include(fold(plainText(article.paragraphs[3]!)));
    expect(data.articleBody).not.to.include('Reach out below!');
    expect(data.url).to.equal(excerpt.url);
    expect(data.mainEntityOfPage).to.deep.equal({'@type': 'WebPage', '@id': excerpt.url});
    expect(data.wordCount).to.equal(data.articleBody.split(/\s+/).length);
    expect(data.headline).to.equal(article.title);
  });

  it('as a script element, says the same', () => {
    const script = parse(blogPostingScript(article, excerpt)).querySelector('script')!;
    expect(JSON.parse(script.textContent!)).to.deep.equal(blogPostingJsonLd(article, excerpt));
  });

  it('as plain HTML, is the opening and a link to the full post', () => {
    const doc = parse(
      seoMarkup({excerpt: {...excerpt, url: 'https://practice.example/?a=1&b="2"'}}),
    );
    const paragraphs = [...doc.querySelectorAll('article > p')].map((p) => fold(p.textContent!));
    expect(paragraphs.slice(0, 3)).to.deep.equal(
      article.paragraphs.slice(0, 3).map((p) => fold(plainText(p))),
    );
    expect(paragraphs[3]).to.equal('Continue reading');
    expect(doc.querySelector('article > p > a')!.getAttribute('href')).to.equal(
      'https://practice.example/?a=1&b="2"',
    );
    expect(doc.body.textContent).not.to.include('Reach out below!');
  });

  it('without an excerpt names no URL: the page it is on is the article’s home', () => {
    expect(blogPostingJsonLd()).not.to.have.property('url');
  });
});

describe('seoMarkup', () => {
  it('is the article as plain HTML: heading, every paragraph, emphasis, signature', () => {
    const doc = parse(seoMarkup());
    const el = doc.querySelector('body > article')!;
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.querySelector('h2')!.textContent).to.equal(article.title);
    const paragraphs = [...el.querySelectorAll(':scope > p')].map((p) => fold(p.textContent!));
    expect(paragraphs).to.deep.equal(
      [...article.paragraphs, article.callToAction].map((p) => fold(plainText(p))),
    );
    expect([...el.querySelectorAll('em')].map((em) => em.textContent)).to.deep.equal(['thinking']);
    expect(el.querySelector('footer')!.textContent).to.equal(signature());
  });

  it('takes a heading level and falls back to h2 for a bad one', () => {
    expect(seoMarkup({headingLevel: 1})).to.include('<h1>');
    expect(seoMarkup({headingLevel: 9})).to.include('<h2>');
  });

  it('escapes every text node and attribute value', () => {
    const doc = parse(seoMarkup({content: hostile}));
    expect(doc.querySelectorAll('script, img, b, i, p p')).to.have.length(0);
    expect(doc.querySelectorAll('article')).to.have.length(1);
    const el = doc.querySelector('article')!;
    expect(el.getAttribute('lang')).to.equal(hostile.lang);
    expect(el.querySelector('h2')!.textContent).to.equal(hostile.title);
    expect(el.querySelector('em')!.textContent).to.equal('</em><script>x</script>');
    expect(el.querySelector('footer')!.textContent).to.equal(signature(hostile));
    expect(escapeHtml(`&<>"'`)).to.equal('&amp;&lt;&gt;&quot;&#39;');
  });
});
