// What every page with the article must show, as node:assert checks over what browser.mjs's
// readArticles() and readScripts() read in the page.
import assert from 'node:assert/strict';
import {SCRIPT_FILE, slug} from './site.mjs';

export const TITLE = 'Is it "Normal" to be Attached to your Therapist?';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/**
 * The element upgraded and shows the article with the expected settings: {level, theme} and
 * either {form: true} or the button's {href, label, target}.
 */
export function assertArticle(article, expected) {
  assert.ok(
    article.upgraded && article.shadow && article.paragraphs > 5,
    'the element upgrades and renders the article in its shadow root',
  );
  assert.equal(article.title?.text, TITLE, 'title');
  assert.equal(article.title?.tag, `h${expected.level}`, 'heading level');
  if (expected.form) {
    assert.deepEqual(
      [article.link, article.form?.fields, article.form?.button],
      [null, ['name', 'email', 'phone', 'message', '_gotcha'], 'Send message'],
      'the contact form takes the place of the button',
    );
  } else {
    assert.equal(article.form, null, 'no contact form');
    assert.equal(article.link?.href, expected.href, 'call-to-action link');
    assert.equal(article.link?.label, expected.label, 'call-to-action label');
    assert.equal(article.link?.target, expected.target, 'call-to-action target');
    if (expected.target === '_blank') {
      assert.equal(article.link?.rel, 'noopener noreferrer', 'a new tab gets rel');
    }
  }
  assert.equal(article.attributes.theme ?? null, expected.theme, 'theme attribute');
  if (expected.theme) {
    assert.notEqual(
      article.background,
      TRANSPARENT,
      'the theme gives the article its own background',
    );
  } else {
    assert.equal(article.background, TRANSPARENT, 'without a theme it blends in (transparent)');
  }
  assert.equal(article.fallbackShown, false, 'the fallback text is not shown once upgraded');
}

/** The plugin's script is on the page exactly once: from this site, versioned, classic, footer. */
export function assertScriptOnce(scripts, site) {
  assert.equal(scripts.length, 1, 'its script is on the page exactly once');
  const [script] = scripts;
  const src = new URL(script.src, site.url);
  assert.equal(
    `${src.origin}${src.pathname}?${src.searchParams}`,
    `${site.origin}/wp-content/plugins/${slug}/assets/${SCRIPT_FILE}?ver=${site.install.pluginVersion}`,
    'the script comes from the plugin on this site, versioned',
  );
  assert.ok(
    !script.inHead && script.afterArticles && script.type !== 'module',
    `it is a classic script in the footer: ${JSON.stringify(script)}`,
  );
}

/**
 * The pre-rendered cases (dist/prerender-*cases.json) the block can give: a link, or the form
 * on the plugin's own route, which takes form fields (`form-encoding="urlencoded"`), so its
 * pre-rendered form posts itself. (A JSON form, whose Send waits for the script, needs an
 * endpoint of an Administrator's choosing; the PHP tests check its markup.)
 */
export const pluginCases = (cases) =>
  cases.filter(({attributes: a}) => !('form-action' in a) || a['form-encoding'] === 'urlencoded');

const FORM_ACTION = /(<form part="form" class="form"\s+method="post" action=")([^"]*)"/;

/**
 * `expected` (the renderer's markup for a form posting to a sample address) as the page must
 * hold it: posting to the address the page's element was given. Asserts the served form posts
 * exactly there.
 */
export function postingWhereServed(expected, html) {
  const served = FORM_ACTION.exec(html)?.[2];
  if (served === undefined || !FORM_ACTION.test(expected)) return expected;
  const given = /<therapist-attachment-article\b[^>]*\bform-action="([^"]*)"/.exec(html)?.[1];
  const decode = (s) => s.replace(/&#58;/g, ':').replace(/&#59;/g, ';').replace(/&amp;/g, '&');
  assert.equal(decode(served), decode(given ?? ''), 'the form posts to the element’s form-action');
  return expected.replace(FORM_ACTION, (_, head) => `${head}${served}"`);
}
