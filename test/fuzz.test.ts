import {expect, fixture, html} from '@open-wc/testing';
import fc from 'fast-check';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {safeUrl} from '../src/safe-url.js';
import {captureWarnings, shadow} from './helpers.js';

const ATTRIBUTES = ['heading-level', 'cta-href', 'cta-label', 'cta-target', 'theme'] as const;
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

const schemes = [
  'javascript',
  'JaVaScRiPt',
  'data',
  'vbscript',
  'blob',
  'file',
  'ftp',
  'https',
  'http',
  'mailto',
  'tel',
  'about',
  'chrome',
  'ws',
  'x-custom',
];

/** Strings an attacker, a careless editor or a broken CMS might produce. */
const hostile = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 60}),
  fc.string({unit: 'binary', maxLength: 60}),
  fc.webUrl({withQueryParameters: true, withFragments: true}),
  fc
    .tuple(
      fc.constantFrom(...schemes),
      fc.constantFrom('', ' ', '\t', '\n', '\u0000', '&colon;', '%3a', '\u00a0'),
      fc.constantFrom(
        ':',
        '://',
        ':alert(1)',
        '://example.com/x',
        ':text/html,<script>alert(1)</script>',
      ),
      fc.string({maxLength: 20}),
    )
    .map(([scheme, noise, rest, tail]) => `${noise}${scheme}${rest}${tail}`),
  fc
    .tuple(fc.constantFrom(...schemes), fc.nat(6))
    .map(([scheme, cut]) => `${scheme.slice(0, cut)}\t${scheme.slice(cut)}:alert(1)`),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    '</a><b part="cta-button">x</b>',
    '${alert(1)}',
    '{{constructor.constructor("alert(1)")()}}',
    '\u202e\u200b\ufeff',
    '   ',
    '',
    '-0',
    'NaN',
    'Infinity',
    '0x3',
    '3 ',
  ),
  fc.string({maxLength: 20}).map((s) => s.repeat(5000)),
);

const ELEMENTS = [
  'article',
  'header',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'p',
  'em',
  'section',
  'slot',
  'a',
  'span',
  'footer',
];

describe('any attribute value (property-based)', () => {
  let el: TherapistAttachmentArticle;
  before(async () => {
    el = await fixture<TherapistAttachmentArticle>(
      html`<therapist-attachment-article></therapist-attachment-article>`,
    );
  });

  it('never throws, never renders markup, never renders an unsafe URL', async function () {
    this.timeout(120000);
    const baseline = shadow(el).querySelectorAll('*').length;
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    try {
      await captureWarnings(() =>
        fc.assert(
          fc.asyncProperty(fc.constantFrom(...ATTRIBUTES), hostile, async (name, value) => {
            el.setAttribute(name, value);
            await el.updateComplete;
            const root = shadow(el);
            const all = [...root.querySelectorAll('*')];
            // Same structure as before: at most the screen-reader note for new tabs is added.
            expect(all.length - baseline).to.be.within(0, 1);
            for (const node of all) expect(ELEMENTS).to.include(node.localName);
            const link = root.querySelector<HTMLAnchorElement>('[part~="cta-button"]')!;
            expect(SAFE_PROTOCOLS).to.include(new URL(link.href).protocol);
            expect(['_self', '_blank', '_top']).to.include(link.getAttribute('target'));
            expect(root.querySelector('[part~="title"]')!.localName).to.match(/^h[1-6]$/);
            if (name === 'cta-label' && value.trim() !== '') {
              expect(link.textContent!.startsWith(value.trim())).to.equal(true);
            }
            el.removeAttribute(name);
            await el.updateComplete;
          }),
          {
            numRuns: 400,
            seed: Number(new URLSearchParams(location.search).get('seed')) || undefined,
          },
        ),
      );
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});

describe('white space the URL parser keeps, before a URL (property-based)', () => {
  // trim() strips these; the URL parser does not, so a browser reads what follows as a path.
  const kept = fc.constantFrom(
    '\u00a0',
    '\u3000',
    '\ufeff',
    '\u1680',
    '\u2000',
    '\u200a',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
  );
  // What the URL parser does strip (C0 controls and space), around it.
  const stripped = fc.constantFrom('', ' ', '\n', '\t', '\u0000', '\r\n');
  const value = fc
    .tuple(
      stripped,
      fc.array(kept, {minLength: 1, maxLength: 3}),
      fc.constantFrom('//', '\\\\', '/\\', '\\/', 'https://', 'http:', 'javascript:', ''),
      fc.constantFrom('evil.example', 'evil.example:443', 'user@evil.example', location.host),
      fc.string({maxLength: 12}),
      stripped,
    )
    .map(([a, ws, prefix, host, tail, b]) => `${a}${ws.join('')}${prefix}${host}${tail}${b}`);

  it('never resolves to another host, for a link or for the form', () => {
    fc.assert(
      fc.property(value, (raw) => {
        const link = safeUrl(raw);
        if (link !== null) {
          const to = new URL(link, document.baseURI);
          expect(to.host, link).to.equal(location.host);
          expect(to.protocol, link).to.equal(location.protocol);
        }
        const action = safeUrl(raw, document.baseURI, true);
        if (action !== null) expect(new URL(action).origin, action).to.equal(location.origin);
      }),
      {numRuns: 1000, seed: Number(new URLSearchParams(location.search).get('seed')) || undefined},
    );
  });
});
