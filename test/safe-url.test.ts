import {expect} from '@open-wc/testing';
import {safeUrl} from '../src/safe-url.js';

// White space that String.prototype.trim() strips but the URL parser keeps: a value starting
// with one of these is a path on this page's host to the browser (and to the WordPress
// plugin), so it must be one to safeUrl too (or be refused), never another host.
const UNICODE_SPACES = {
  'no-break space': '\u00a0',
  'ideographic space': '\u3000',
  'byte order mark': '\ufeff',
  'line separator': '\u2028',
  'paragraph separator': '\u2029',
  'ogham space': '\u1680',
  'en quad': '\u2000',
  'narrow no-break space': '\u202f',
  'next line (C1)': '\u0085',
};
const ELSEWHERE = [
  '//evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example/x',
  '\\/evil.example/x',
  'https://evil.example/x',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
];
// What the URL parser strips at either end (C0 controls and space).
const EDGES = ['\n', '\t', '\r', '\u0000', '\u001f', ' ', ' \n\t\u0000 '];

const page = new URL(document.baseURI);
/** Where a browser sends a link with this href, from this page. */
const resolve = (href: string) => {
  const a = document.createElement('a');
  a.href = href;
  return new URL(a.href);
};

describe('safeUrl: white space at the ends', () => {
  for (const [what, space] of Object.entries(UNICODE_SPACES)) {
    for (const target of ELSEWHERE) {
      const value = `${space}${target}`;
      it(`${what} + ${JSON.stringify(target)}: a path on this host, or refused`, () => {
        const link = safeUrl(value);
        if (link !== null) {
          const to = resolve(link);
          expect(to.host, link).to.equal(page.host);
          expect(to.protocol, link).to.equal(page.protocol);
          // what the browser does with the author's own value, too
          expect(resolve(value).href).to.equal(to.href);
        }
        const action = safeUrl(value, document.baseURI, true);
        if (action !== null) expect(new URL(action).origin, action).to.equal(location.origin);
        // and against a base of another site: still that site, never evil.example
        const other = safeUrl(value, 'https://practice.example/blog/post');
        if (other !== null) {
          expect(new URL(other, 'https://practice.example/blog/post').host).to.equal(
            'practice.example',
          );
        }
      });
    }
    it(`${what} at the end is kept: it is part of the path, as the browser reads it`, () => {
      expect(safeUrl(`/contact${space}`)).to.equal(`/contact${space}`);
    });
  }

  for (const edge of EDGES) {
    const shown = JSON.stringify(edge);
    it(`${shown} around a value is dropped, as the URL parser drops it`, () => {
      for (const url of ['/contact', 'https://example.com/contact?x=1#y', 'mailto:a@example.com']) {
        expect(safeUrl(`${edge}${url}`), `before ${url}`).to.equal(url);
        expect(safeUrl(`${url}${edge}`), `after ${url}`).to.equal(url);
        expect(safeUrl(`${edge}${url}${edge}`), `around ${url}`).to.equal(url);
        // the same URL the browser makes of the unstripped value
        expect(resolve(`${edge}${url}${edge}`).href).to.equal(resolve(url).href);
      }
      expect(safeUrl(`${edge}#book${edge}`)).to.equal('#book');
    });

    it(`${shown} around a hostile value does not let it through`, () => {
      for (const bad of ['javascript:alert(1)', 'data:,x', 'java\tscript:alert(1)']) {
        expect(safeUrl(`${edge}${bad}${edge}`), bad).to.equal(null);
        expect(safeUrl(`${edge}${bad}${edge}`, document.baseURI, true), bad).to.equal(null);
      }
    });

    it(`${shown} alone is empty: refused`, () => {
      expect(safeUrl(edge)).to.equal(null);
      expect(safeUrl(edge, document.baseURI, true)).to.equal(null);
    });
  }

  it('an attribute value ending in a newline is accepted', () => {
    expect(safeUrl('https://example.com/contact\n')).to.equal('https://example.com/contact');
    expect(safeUrl('/contact\r\n')).to.equal('/contact');
  });

  for (const inside of [
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    'https://exa\tmple.com/',
    '/con\ntact',
    '/contact\u007f',
    '\u007f/contact',
    ' /con\u0001tact ',
  ]) {
    it(`control characters inside stay refused: ${JSON.stringify(inside)}`, () => {
      expect(safeUrl(inside)).to.equal(null);
      expect(safeUrl(inside, document.baseURI, true)).to.equal(null);
    });
  }
});

describe('safeUrl: form mode (where a message is sent)', () => {
  it('drops C0 controls and spaces at the ends and answers the absolute URL', () => {
    expect(safeUrl('\n /__contact/ok\t\n', document.baseURI, true)).to.equal(
      new URL('/__contact/ok', location.href).href,
    );
    expect(safeUrl('\u0000https://forms.example.com/f \n', document.baseURI, true)).to.equal(
      'https://forms.example.com/f',
    );
  });

  it('a no-break space before //evil.example stays on this origin, or is refused', () => {
    for (const space of Object.values(UNICODE_SPACES)) {
      for (const target of ELSEWHERE) {
        const action = safeUrl(`${space}${target}`, document.baseURI, true);
        if (action !== null) expect(new URL(action).origin, action).to.equal(location.origin);
      }
    }
  });

  it('still refuses a fragment, credentials and http: of another origin after stripping', () => {
    for (const bad of [' #contact', '\nhttps://u:p@example.com/', '\thttp://example.com/']) {
      expect(safeUrl(bad, document.baseURI, true), JSON.stringify(bad)).to.equal(null);
    }
  });
});
