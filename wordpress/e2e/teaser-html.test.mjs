// The teaser (the block's `layout`, `teaserParagraphs`, `readMoreHref`) in the HTML WordPress
// sends, fetched without a browser: for every paragraph count with its button and with a link to
// the full post, and for every look and call-to-action, the served page holds the element's own
// markup (dist/prerender-teaser-cases.json, rendered by @lit-labs/ssr at build time) byte for
// byte; and the page's one JSON-LD carries only the teaser's paragraphs and the full post's
// absolute URL when "Continue reading" leads there, the whole article otherwise.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pluginCases, postingWhereServed} from './support/article.mjs';
import {run} from './support/processes.mjs';
import {itLoggedNoProblems, root, useSite} from './support/site.mjs';

const dist = (file) => JSON.parse(readFileSync(join(root, 'dist', file), 'utf8'));
const blogPosting = dist('blog-posting.json');
const excerpts = dist('excerpt-cases.json');
const DEFAULT_COUNT = 3; // The cases leave the element's default count out (src/attributes.ts).

/** The cases published: every count with the form, in the page's own look; every look and
 * call-to-action with a non-default count. */
const cases = pluginCases(dist('prerender-teaser-cases.json')).filter(
  ({attributes: a}) =>
    (!a.theme && 'form-action' in a) ||
    (a['teaser-paragraphs'] === '5' && 'read-more-href' in a) ||
    (!('teaser-paragraphs' in a) && a.theme === 'dark'),
);

/** The JSON-LD scripts of a page, parsed. */
const jsonLd = (html) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(([, json]) =>
    JSON.parse(json),
  );

describe('The teaser in the HTML WordPress sends', () => {
  const site = useSite();
  let pages;
  let folder;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'taa-teaser-'));
    const file = join(folder, 'cases.json');
    writeFileSync(file, JSON.stringify(cases));
    const report = JSON.parse(
      run('php', [join(root, 'wordpress', 'e2e', 'matrix.php'), site.wpDir, file]),
    );
    pages = cases.map((c, i) => ({...c, link: report.links[i]}));
  });
  after(() => folder && rmSync(folder, {recursive: true, force: true}));

  it('covers every paragraph count, with its button and with a link', () => {
    const counts = new Set(pages.map(({attributes: a}) => a['teaser-paragraphs'] ?? 'default'));
    assert.equal(counts.size, excerpts.length);
    assert.ok(pages.some(({attributes: a}) => 'read-more-href' in a));
    assert.ok(pages.some(({attributes: a}) => !('read-more-href' in a)));
    assert.ok(pages.some(({attributes: a}) => 'cta-target' in a));
  });

  it('holds, for each, the element’s own markup untouched, and one JSON-LD', async () => {
    const wrong = [];
    const data = [];
    for (const {link, expected, attributes} of pages) {
      const html = await (await fetch(link)).text();
      if (!html.includes(postingWhereServed(expected, html)))
        wrong.push(JSON.stringify(attributes));
      data.push({attributes, link, scripts: jsonLd(html)});
    }
    assert.deepEqual(wrong, [], 'teasers whose served markup differs from the renderer’s');

    for (const {attributes, link, scripts} of data) {
      const name = JSON.stringify(attributes);
      assert.equal(scripts.length, 1, name);
      if (!('read-more-href' in attributes)) {
        // The rest opens in place: the page holds the whole article.
        assert.deepEqual(scripts[0], blogPosting, name);
        continue;
      }
      const count = Number(attributes['teaser-paragraphs'] ?? DEFAULT_COUNT);
      const url = new URL(attributes['read-more-href'], link).href;
      const excerpt = excerpts.find((e) => e.paragraphs === count);
      const expected = JSON.parse(excerpt.json_ld.replace(/^<script[^>]*>|<\/script>$/g, ''));
      assert.deepEqual(
        scripts[0],
        {...expected, url, mainEntityOfPage: {'@type': 'WebPage', '@id': url}},
        name,
      );
      assert.deepEqual(
        scripts[0].articleBody.split('\n\n'),
        blogPosting.articleBody.split('\n\n').slice(0, count),
        name,
      );
    }
  });

  itLoggedNoProblems(site);
});
