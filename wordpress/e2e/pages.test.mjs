// The test pages in a visitor's Chromium: the shortcode and the block, saved by the
// Administrator and by an Author (content.php). Each time the article renders inside the
// element's shadow root with the given settings, the plugin's script is on the page exactly
// once, in the footer; pages without the article do not load it, and no request leaves
// 127.0.0.1.
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {assertArticle, assertScriptOnce, TITLE} from './support/article.mjs';
import {
  itLoadedCleanly,
  localContext,
  readScripts,
  screenshotPath,
  useVisitor,
} from './support/browser.mjs';
import {CONTACT_PATH} from './support/contact.mjs';
import {itLoggedNoProblems, useSite} from './support/site.mjs';

describe('Pages with the article', () => {
  const site = useSite();
  const visitor = useVisitor(site);

  /** A describe() for one page: visits it in before(); `seen` holds what the page showed. */
  function onPage(key, title, tests) {
    describe(title, () => {
      const seen = {};
      before(() => visitor.visit(key).then((result) => Object.assign(seen, result)));
      it('the page loads', () => assert.equal(seen.status, 200));
      tests(seen);
    });
  }

  onPage('shortcode', 'Shortcode page (Administrator)', (seen) => {
    it('shows one article, with the given settings', async () => {
      assert.equal(seen.articles.length, 1, 'one article on the page');
      assertArticle(seen.articles[0], {
        level: 3,
        href: '/contact',
        label: 'Book a consult',
        target: '_self',
        theme: 'dark',
      });
      await visitor.page.screenshot({path: screenshotPath(site, 'shortcode')});
    });
    it('the element carries exactly the given settings', () => {
      assert.deepEqual(seen.articles[0].attributes, {
        'heading-level': '3',
        'cta-href': '/contact',
        'cta-label': 'Book a consult',
        theme: 'dark',
      });
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  onPage('repeated', 'The shortcode three times and the block on one page', (seen) => {
    it('shows four articles', () => assert.equal(seen.articles.length, 4));
    it('each shortcode renders with its settings', () => {
      seen.articles
        .slice(0, 3)
        .forEach((article, i) =>
          assert.deepEqual(
            [article.title?.tag, article.attributes.theme],
            ['h3', 'dark'],
            `shortcode ${i + 1} renders with its settings`,
          ),
        );
    });
    it('the block renders with its settings', () => {
      assert.deepEqual(
        [seen.articles[3]?.title?.tag, seen.articles[3]?.attributes.theme],
        ['h2', 'light'],
      );
    });
    it('the shortcodes (form="off") show the button, the block (form by default) the form', () => {
      assert.deepEqual(
        seen.articles.map((article) => [Boolean(article.link), Boolean(article.form)]),
        [
          [true, false],
          [true, false],
          [true, false],
          [false, true],
        ],
      );
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  onPage('admin_block', 'Block saved by the Administrator', (seen) => {
    it('shows one article, with the given settings', async () => {
      assert.equal(seen.articles.length, 1, 'one article on the page');
      assertArticle(seen.articles[0], {
        level: 4,
        href: 'https://example.com/book?x=1&y=2',
        label: 'Schedule a session',
        target: '_blank',
        theme: 'light',
      });
      await visitor.page.screenshot({path: screenshotPath(site, 'admin-block')});
    });
    it('the block carries its class names (align wide)', () => {
      const {class: classes} = seen.articles[0].attributes;
      assert.match(classes, /\bwp-block-therapist-attachment-article-article\b/);
      assert.match(classes, /\balignwide\b/);
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  onPage('author_block', 'Block saved by the Author (with a pasted script and tag)', (seen) => {
    it('shows one article (the pasted tag is gone), with the given settings', () => {
      assert.equal(seen.articles.length, 1, 'one article on the page (the pasted tag is gone)');
      assertArticle(seen.articles[0], {
        level: 3,
        href: 'mailto:hello@example.com?subject=Consultation',
        label: 'Email Emily',
        target: '_top',
        theme: 'auto',
      });
    });
    it('the pasted script did not run', async () => {
      assert.equal(await visitor.page.evaluate(() => window.taaPastedScriptRan ?? false), false);
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  onPage('author_shortcode', 'Shortcode saved by the Author', (seen) => {
    it('shows one article, with the given settings', () => {
      assert.equal(seen.articles.length, 1, 'one article on the page');
      assertArticle(seen.articles[0], {
        level: 2,
        href: 'tel:+15551234567',
        label: 'Call us',
        target: '_self',
        theme: null,
      });
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  onPage('hostile', 'Shortcode with hostile values', (seen) => {
    it('the element gets no attribute but the contact form on this site', () => {
      assert.deepEqual(seen.articles[0]?.attributes, {
        'form-action': CONTACT_PATH,
        'form-encoding': 'urlencoded',
      });
    });
    it("falls back to the element's defaults, with the contact form", () => {
      assertArticle(seen.articles[0], {level: 2, theme: null, form: true});
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  // Not sent there: requests for other hosts are blocked.
  onPage('custom_action', 'Contact form to a form service', (seen) => {
    it('the element gets the given endpoint and encoding', () => {
      assert.deepEqual(seen.articles[0]?.attributes, {
        'form-action': 'https://forms.example.com/f/abc123',
        'form-encoding': 'urlencoded',
      });
    });
    it('shows the contact form', () => {
      assertArticle(seen.articles[0], {level: 2, theme: null, form: true});
    });
  });

  onPage('plain', 'Page without the article', (seen) => {
    it('has no article', () => assert.equal(seen.articles.length, 0));
    it('has no script of the plugin', () => assert.equal(seen.scripts.length, 0));
  });

  it('the front page does not load it either', async () => {
    const front = await visitor.page.goto(site.url, {waitUntil: 'load'});
    assert.deepEqual(
      [front?.status(), (await visitor.page.evaluate(readScripts)).length],
      [200, 0],
    );
  });

  // Before the script runs (or without JavaScript), the server's markup shows the article.
  it('without JavaScript the title shows', async () => {
    const {context: noScript} = await localContext(visitor.browser, site, {
      javaScriptEnabled: false,
    });
    try {
      const page = await noScript.newPage();
      await page.goto(site.content.pages.shortcode.link);
      // Single quotes: the title holds double ones.
      const headings = await page.$$(`::-p-aria([name='${TITLE}'][role="heading"])`);
      assert.equal(headings.length, 1, 'one heading with the title');
      assert.equal(await headings[0].isVisible(), true);
    } finally {
      await noScript.close();
    }
  });

  itLoadedCleanly(visitor);
  itLoggedNoProblems(site);
});
