import {expect} from '@open-wc/testing';
import {captureWarnings, part, render, seen, shadow} from './helpers.js';

const button = (el: Element) => part<HTMLAnchorElement>(el, 'cta-button');

describe('heading-level', () => {
  it('is an h2 by default', async () => {
    const el = await render();
    expect(part(el, 'title').localName).to.equal('h2');
    expect(el.headingLevel).to.equal(2);
  });

  for (const level of [1, 2, 3, 4, 5, 6]) {
    it(`renders an h${level} for heading-level="${level}"`, async () => {
      const el = await render({'heading-level': String(level)});
      expect(part(el, 'title').localName).to.equal(`h${level}`);
    });
  }

  for (const bad of ['0', '7', '-1', '2.5', 'abc', 'h3', '1e9']) {
    it(`falls back to h2 with one warning for heading-level="${bad}"`, async () => {
      let el!: HTMLElement;
      const warnings = await captureWarnings(async () => {
        el = await render({'heading-level': bad});
      });
      expect(part(el, 'title').localName).to.equal('h2');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('heading-level');
    });
  }

  it('returns to h2 when the attribute is removed', async () => {
    const el = await render({'heading-level': '4'});
    el.removeAttribute('heading-level');
    await el.updateComplete;
    expect(part(el, 'title').localName).to.equal('h2');
  });

  it('follows the property too', async () => {
    const el = await render();
    el.headingLevel = 5;
    await el.updateComplete;
    expect(part(el, 'title').localName).to.equal('h5');
  });
});

describe('cta-href', () => {
  it('links to #contact by default', async () => {
    const el = await render();
    expect(button(el).getAttribute('href')).to.equal('#contact');
  });

  for (const good of [
    'https://example.com/contact',
    'http://example.com/contact?x=1#y',
    'mailto:hello@example.com?subject=Hello',
    'tel:+15555550100',
    '/contact',
    'contact.html',
    '../contact',
    '?page=contact',
    '#book',
    'HTTPS://EXAMPLE.COM/',
  ]) {
    it(`accepts ${good}`, async () => {
      const warnings = await captureWarnings(async () => {
        const el = await render({'cta-href': good});
        expect(button(el).getAttribute('href')).to.equal(good);
      });
      expect(warnings).to.deep.equal([]);
    });
  }

  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.com/x',
    'file:///etc/passwd',
    'ftp://example.com/',
    'https://',
    'http://[::1',
    'https://exa\u0000mple.com',
    '\u007fhttps://example.com',
  ]) {
    it(`refuses ${JSON.stringify(bad)}: default href and one warning naming cta-href`, async () => {
      let el!: HTMLElement;
      const warnings = await captureWarnings(async () => {
        el = await render({'cta-href': bad});
      });
      expect(button(el).getAttribute('href')).to.equal('#contact');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('cta-href');
    });
  }

  // What the URL parser drops at the ends (C0 controls and space) is dropped; nothing else is.
  for (const [given, href] of [
    ['https://example.com/contact\n', 'https://example.com/contact'],
    ['\n\t/contact\r\n', '/contact'],
    ['\u0000https://example.com', 'https://example.com'],
    ['  #book  ', '#book'],
  ] as const) {
    it(`accepts ${JSON.stringify(given)} as ${href}, without a warning`, async () => {
      const warnings = await captureWarnings(async () => {
        const el = await render({'cta-href': given});
        expect(button(el).getAttribute('href')).to.equal(href);
      });
      expect(warnings).to.deep.equal([]);
    });
  }

  for (const [what, space] of [
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
    ['a byte order mark', '\ufeff'],
  ] as const) {
    for (const target of ['//evil.example/x', '\\\\evil.example/x', 'javascript:alert(1)']) {
      it(`${what} before ${JSON.stringify(target)}: a link on this page's host, or none`, async () => {
        let el!: HTMLElement;
        // a warning is fine (refused); an href that leaves this host is not
        await captureWarnings(async () => {
          el = await render({'cta-href': `${space}${target}`});
        });
        const to = new URL(button(el).href);
        expect(to.host).to.equal(location.host);
        expect(to.protocol).to.equal(location.protocol);
      });
    }
  }

  it('warns once for the same bad value, again for a new one', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await render({'cta-href': 'javascript:void 0'});
      el.ctaLabel = 'Something else';
      await el.updateComplete;
      el.setAttribute('cta-href', 'javascript:void 0');
      await el.updateComplete;
      el.setAttribute('cta-href', 'data:,x');
      await el.updateComplete;
    });
    expect(warnings).to.have.length(2);
  });

  it('treats an empty value as unset, without a warning', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await render({'cta-href': '  '});
      expect(button(el).getAttribute('href')).to.equal('#contact');
    });
    expect(warnings).to.deep.equal([]);
  });

  it('returns to #contact when the attribute is removed', async () => {
    const el = await render({'cta-href': '/book'});
    el.removeAttribute('cta-href');
    await el.updateComplete;
    expect(button(el).getAttribute('href')).to.equal('#contact');
  });
});

describe('cta-label', () => {
  it('reads “Reach out” by default', async () => {
    const el = await render();
    expect(seen(button(el))).to.equal('Reach out');
  });

  it('shows the given text, as text', async () => {
    const el = await render({'cta-label': '<img src=x onerror=alert(1)> Book a consult'});
    expect(seen(button(el))).to.equal('<img src=x onerror=alert(1)> Book a consult');
    expect(shadow(el).querySelector('img')).to.equal(null);
  });

  it('falls back to “Reach out” for an empty label', async () => {
    const el = await render({'cta-label': '   '});
    expect(seen(button(el))).to.equal('Reach out');
  });

  it('returns to the default when the attribute is removed', async () => {
    const el = await render({'cta-label': 'Book'});
    el.removeAttribute('cta-label');
    await el.updateComplete;
    expect(seen(button(el))).to.equal('Reach out');
  });
});

describe('cta-target', () => {
  it('opens in the same frame by default, with no rel', async () => {
    const el = await render();
    expect(button(el).getAttribute('target')).to.equal('_self');
    expect(button(el).hasAttribute('rel')).to.equal(false);
  });

  it('opens a new tab safely with _blank and tells screen readers', async () => {
    const el = await render({'cta-target': '_blank'});
    expect(button(el).getAttribute('target')).to.equal('_blank');
    expect(button(el).getAttribute('rel')).to.equal('noopener noreferrer');
    expect(seen(button(el))).to.equal('Reach out (opens in a new tab)');
  });

  it('leaves an iframe with _top', async () => {
    const el = await render({'cta-target': '_top'});
    expect(button(el).getAttribute('target')).to.equal('_top');
  });

  for (const bad of ['_parent', 'newwindow', '<b>', 'javascript:alert(1)']) {
    it(`falls back to _self with one warning for ${JSON.stringify(bad)}`, async () => {
      let el!: HTMLElement;
      const warnings = await captureWarnings(async () => {
        el = await render({'cta-target': bad});
      });
      expect(button(el).getAttribute('target')).to.equal('_self');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('cta-target');
    });
  }

  it('returns to _self when the attribute is removed', async () => {
    const el = await render({'cta-target': '_blank'});
    el.removeAttribute('cta-target');
    await el.updateComplete;
    expect(button(el).getAttribute('target')).to.equal('_self');
    expect(button(el).hasAttribute('rel')).to.equal(false);
  });
});

describe('theme', () => {
  it('warns once about an unknown theme and blends in', async () => {
    let el!: HTMLElement;
    const warnings = await captureWarnings(async () => {
      el = await render({theme: 'purple'});
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('theme');
    expect(getComputedStyle(part(el, 'article')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});
