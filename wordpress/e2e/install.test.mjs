// WordPress installs the plugin's zip through its own upgrader (what Plugins → Add New → Upload
// Plugin does) and activates it; content.php then saves the test pages through the REST API as
// the Administrator and as an Author, whose content WordPress filters (KSES): the pasted
// <script> and custom tag are gone from what the database holds, the block is kept.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {itLoggedNoProblems, slug, useSite} from './support/site.mjs';

describe('Installing the plugin', () => {
  const site = useSite();

  it('WordPress installs the zip (Upload Plugin)', (t) => {
    const {install} = site;
    t.diagnostic(
      `WordPress ${install.wp_version}, PHP ${install.php_version}, theme ${install.theme}, plugin ${install.pluginVersion}`,
    );
    assert.deepEqual([install.install, install.skin_errors], [true, []]);
  });
  it('the plugin activates', () => assert.equal(site.install.activated, true));
  it('the Author account exists', () => assert.equal(typeof site.install.author_id, 'number'));
  it('every test page is published', () => {
    assert.deepEqual(
      Object.entries(site.content.pages).filter(([, entry]) => entry.status !== 201),
      [],
    );
  });

  describe('What the Author saved, as stored', () => {
    it('the Author lacks unfiltered_html', () => {
      assert.equal(site.content.author_unfiltered_html, false);
    });
    it("WordPress's KSES filter is on for the Author's content", () => {
      assert.equal(site.content.author_kses_active, true);
    });
    it('the Author may not publish pages (so the Author saves posts)', () => {
      assert.equal(site.content.author_page_attempt, 403);
    });
    it('the Author publishes the post', () => {
      assert.equal(site.content.pages.author_block.status, 201);
    });
    it('the block survives in the stored post', () => {
      assert.match(
        site.content.pages.author_block.stored,
        new RegExp(`<!-- wp:${slug}/article \\{`),
      );
    });
    it('the pasted <script> is stripped', () => {
      assert.doesNotMatch(site.content.pages.author_block.stored, /<script/i);
    });
    it('the pasted <therapist-attachment-article> tag is stripped', () => {
      assert.doesNotMatch(site.content.pages.author_block.stored, /<therapist-attachment-article/i);
    });
  });

  itLoggedNoProblems(site);
});
