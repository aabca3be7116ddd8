// The plugin's zip (dist/therapist-attachment-article-wordpress.zip, from `npm run
// build:wordpress`), as WordPress's Upload Plugin receives it: one top folder named after the
// plugin, the plugin's files, and none of the test code.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {unzipSync} from 'fflate';
import {SCRIPT_FILE, slug, zipPath} from './support/site.mjs';

describe('The zip', () => {
  const entries = Object.keys(unzipSync(readFileSync(zipPath)));

  it(`has everything inside ${slug}/`, () => {
    assert.deepEqual(
      entries.filter((e) => !e.startsWith(`${slug}/`) || e.includes('..')),
      [],
    );
  });

  for (const file of [
    'therapist-attachment-article.php',
    'readme.txt',
    'block/block.json',
    'block/index.js',
    'includes/trust.php',
    'includes/generated/attributes.php',
    ...[
      'route',
      'checks',
      'claims',
      'store',
      'mail',
      'kept',
      'kept-screen',
      'personal-data',
      'form-post',
      'site',
    ].map((name) => `includes/contact/${name}.php`),
    `assets/${SCRIPT_FILE}`,
    // The contact form's code, which the script loads from next to itself.
    `assets/${slug}.form.js`,
  ]) {
    it(`holds ${file}`, () => assert.ok(entries.includes(`${slug}/${file}`)));
  }

  it('holds no test code (the mail catcher and its mu-plugin belong to the tests only)', () => {
    assert.deepEqual(
      entries.filter((e) => /(^|\/)(e2e|tests?|mu-plugins)\/|taa-e2e/.test(e)),
      [],
    );
  });
});
