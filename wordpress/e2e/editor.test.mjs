// The block editor, as the Author: logs in, adds the block, finds the contact form on for a new
// block, turns it off and sets every setting of the button through the sidebar's controls while
// the block shows the real element live (inside the editor's canvas iframe from WordPress 6.3
// on), publishes, and the post then shows the article with those settings to a visitor.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {assertArticle, assertScriptOnce} from './support/article.mjs';
import {itLoadedCleanly, localContext, screenshotPath, useVisitor} from './support/browser.mjs';
import {CONTACT_PATH} from './support/contact.mjs';
import {itLoggedNoProblems, slug, useSite} from './support/site.mjs';

const name = `${slug}/article`;
/** In the page: what the block's live preview, the element itself, shows. */
function readPreview(el) {
  const root = el.shadowRoot;
  return {
    attributes: Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])),
    title: root?.querySelector('[part~="title"]')?.tagName.toLowerCase() ?? null,
    form: Boolean(root?.querySelector('form[part~="form"]')),
    link: root?.querySelector('a[part~="cta-button"]')?.getAttribute('href') ?? null,
    background: getComputedStyle(root.querySelector('[part~="article"]')).backgroundColor,
  };
}
const sortKeys = (object) =>
  Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));

describe('The block editor, as the Author', () => {
  const site = useSite();
  const visitor = useVisitor(site);
  let editor, page, saved;
  const errors = [];
  const sidebar = '.interface-complementary-area';
  const summary = `${sidebar} .${slug}__summary`;
  const preview = `[data-type="${name}"] therapist-attachment-article`;
  // The blocks are in the editor's canvas iframe from WordPress 6.3 on (blocks of apiVersion 3),
  // in the page before. The editor may put a new iframe in the old one's place: inCanvas() looks
  // for the iframe again at every try, as Playwright's frameLocator did.
  let inIframe;
  async function canvas() {
    if (!inIframe) return page.mainFrame();
    const iframe = await page.$('iframe[name="editor-canvas"]');
    return (await iframe?.contentFrame()) ?? null;
  }
  /** What `selector` matches in the canvas, once it matches something (within 10 s). */
  async function inCanvas(selector) {
    const end = Date.now() + 10_000;
    for (;;) {
      const found = (await (await canvas())?.$$(selector).catch(() => null)) ?? [];
      if (found.length) return found;
      if (Date.now() > end) throw new Error(`Nothing in the editor's canvas for ${selector}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  /** The element shown live in the block; fails if there are more than one. */
  async function readLive() {
    const found = await inCanvas(preview);
    assert.equal(found.length, 1, 'one element in the canvas');
    return found[0].evaluate(readPreview);
  }
  /** The element `selector` matches, waiting for it; fails if it matches more than one. */
  async function one(root, selector) {
    await root.waitForSelector(selector);
    const found = await root.$$(selector);
    assert.equal(found.length, 1, `one element for ${selector}`);
    return found[0];
  }
  // The sidebar's controls by their <label>'s text (WordPress 6.1 shows some in capitals, which
  // is what their accessible names hold then).
  const label = (text) => `${sidebar} label::-p-text(${text})`;
  async function sidebarControl(text) {
    return (await one(page, label(text))).evaluateHandle((l) => l.control);
  }
  async function select(text, value) {
    const chosen = await (await sidebarControl(text)).select(value);
    assert.deepEqual(chosen, [value], `${text}: ${value}`);
  }

  before(async () => {
    editor = await localContext(visitor.browser, site, {viewport: {width: 1400, height: 1000}});
    page = await editor.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/wp-login.php`);
    await page.locator('#user_login').fill('author');
    await page.locator('#user_pass').fill('author-password');
    await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
    assert.match(new URL(page.url()).pathname, /\/wp-admin\//, 'logged in');
    await page.goto(`${site.url}/wp-admin/post-new.php`);
    await page.waitForFunction((n) => window.wp?.blocks?.getBlockType(n), {timeout: 30_000}, name);
    inIframe = Boolean(await page.$('iframe[name="editor-canvas"]'));
  });
  after(() => editor?.context.close());

  it('the editor knows the block, with the attributes of block.json', async () => {
    const type = await page.evaluate((n) => {
      const t = window.wp.blocks.getBlockType(n);
      return {title: t.title, attributes: Object.keys(t.attributes).sort()};
    }, name);
    assert.equal(type.title, 'Therapist Attachment Article', 'the editor knows the block');
    for (const attribute of [
      'ctaHref',
      'ctaLabel',
      'ctaTarget',
      'headingLevel',
      'theme',
      'showForm',
      'formAction',
      'formEncoding',
    ]) {
      assert.ok(type.attributes.includes(attribute), `with the attribute ${attribute}`);
    }
  });

  it('a new block has the contact form on, sending to the admin', async (t) => {
    t.diagnostic(
      inIframe ? "the blocks are in the editor's canvas iframe" : 'the blocks are in the page',
    );
    // Add the block and show its settings, as the inserter would.
    await page.evaluate((n) => {
      const {dispatch} = window.wp.data;
      dispatch('core/edit-post').toggleFeature?.('welcomeGuide');
      const block = window.wp.blocks.createBlock(n);
      dispatch('core/block-editor').insertBlocks(block);
      dispatch('core/block-editor').selectBlock(block.clientId);
      dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      dispatch('core/editor').editPost({title: 'Placed in the editor by the Author'});
    }, name);
    const guide = await page.$('.edit-post-welcome-guide');
    if (await guide?.isVisible().catch(() => false)) await page.keyboard.press('Escape');
    await inCanvas(`${preview} >>> form`);
    assert.deepEqual(
      [
        await (await sidebarControl('Show a contact form')).evaluate((c) => c.checked),
        (await page.$$(label('Button link'))).length,
        await (await one(page, summary)).evaluate((p) => p.innerText),
        await readLive(),
      ],
      [
        true,
        0,
        'Visitors get the contact form. Messages are emailed to you by this site; nothing is stored.',
        {
          // Absolute: from WordPress 6.3 the canvas is a blob: iframe, where a path means nothing.
          attributes: {inert: '', 'form-action': `${site.url}${CONTACT_PATH}`},
          title: 'h2',
          form: true,
          link: null,
          background: 'rgba(0, 0, 0, 0)', // no look chosen: it blends into the editor
        },
      ],
    );
    await page.screenshot({path: screenshotPath(site, 'editor-form')});
  });

  it('the editor shows the block live, with its settings', async () => {
    const toggle = await sidebarControl('Show a contact form');
    await toggle.click();
    assert.equal(await toggle.evaluate((c) => c.checked), false, 'the contact form is off');
    await (await sidebarControl('Button link')).asLocator().fill('/book');
    await (await sidebarControl('Button text')).asLocator().fill('Book now');
    await select('Open the link in', '_blank');
    await select('Look', 'dark');
    await select('Heading level of the title', '5');
    await page.screenshot({path: screenshotPath(site, 'editor')});
    await inCanvas(`${preview} >>> h5`);
    assert.deepEqual(
      [await (await one(page, summary)).evaluate((p) => p.innerText), await readLive()],
      [
        'Visitors get a button: “Book now” → /book',
        {
          attributes: {
            inert: '',
            theme: 'dark',
            'heading-level': '5',
            'cta-href': `${site.url}/book`,
            'cta-label': 'Book now',
            'cta-target': '_blank',
          },
          title: 'h5',
          form: false,
          link: `${site.url}/book`,
          background: 'rgb(28, 33, 32)', // the dark look's background
        },
      ],
    );
  });

  it('the Author publishes the post from the editor', async () => {
    saved = await page.evaluate(async () => {
      const {dispatch, select} = window.wp.data;
      dispatch('core/editor').editPost({status: 'publish'});
      await dispatch('core/editor').savePost();
      const editor = select('core/editor');
      return {
        published: editor.isCurrentPostPublished(),
        content: editor.getCurrentPostAttribute('content'),
        link: editor.getPermalink(),
      };
    });
    assert.ok(saved.published, JSON.stringify(saved));
  });

  it('the post holds only the block comment with its settings', () => {
    const comment = /<!-- wp:therapist-attachment-article\/article (\{.*?\}) \/-->/.exec(
      saved?.content,
    );
    assert.deepEqual(
      comment && [saved.content.trim() === comment[0], sortKeys(JSON.parse(comment[1]))],
      [
        true,
        sortKeys({
          ctaHref: '/book',
          ctaLabel: 'Book now',
          ctaTarget: '_blank',
          theme: 'dark',
          headingLevel: 5,
          showForm: false,
        }),
      ],
    );
  });

  it('the teaser’s settings, from the attribute table, show where they apply', async () => {
    await select('Layout', 'teaser');
    assert.equal((await page.$$(label('Open the full post in'))).length, 0, 'not without a URL');
    await (await sidebarControl('Full post’s URL')).asLocator().fill('/blog/attached');
    await select('Open the full post in', '_top');
    await inCanvas(`${preview}[read-more-target="_top"]`);
    await page.screenshot({path: screenshotPath(site, 'editor-teaser')});
    const {attributes} = await readLive();
    assert.deepEqual(
      [attributes.layout, attributes['read-more-href'], attributes['read-more-target']],
      ['teaser', `${site.url}/blog/attached`, '_top'],
    );
  });

  it('no script error in the editor', (t) => {
    assert.deepEqual(errors, []);
    if (editor.external.size) {
      t.diagnostic(
        `The editor (WordPress's admin, not the plugin) asked for other hosts, blocked: ${[...editor.external].join(' ')}`,
      );
    }
  });

  describe('The published post, for a visitor', () => {
    const seen = {};
    before(async () => Object.assign(seen, await visitor.visit({link: saved.link})));
    it('the page loads', () => assert.equal(seen.status, 200));
    it('shows one article, with the settings from the editor', () => {
      assert.equal(seen.articles.length, 1, 'one article on the page');
      assertArticle(seen.articles[0], {
        level: 5,
        href: '/book',
        label: 'Book now',
        target: '_blank',
        theme: 'dark',
      });
    });
    it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));
  });

  itLoadedCleanly(visitor);
  itLoggedNoProblems(site);
});
