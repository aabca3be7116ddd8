// The files of a release, in one list: what the GitHub release attaches, what
// `npm run release:dry` writes to release/, and what the configurator (dist/site/) offers as
// downloads. `scripts/build-site.mjs` copies them beside the configurator, with the zip "for
// your website" made here; `scripts/release.mjs` checks them.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {zipSync} from 'fflate';

export const tag = 'therapist-attachment-article';
// RELEASE_ROOT: another copy of the project (the tests of release:check use one).
export const root = process.env.RELEASE_ROOT ?? path.resolve(import.meta.dirname, '..');

/** The drop-in, the contact form's file and the hydrate file, each with its `.sri`. */
export const SCRIPTS = [`${tag}.js`, `${tag}.form.js`, `${tag}.hydrate.js`];
export const PLUGIN_ZIP = `${tag}-wordpress.zip`;
export const WEBSITE_ZIP = `${tag}-website.zip`;
/** The owner's read-me inside the website zip. */
export const WEBSITE_README = 'READ-ME.txt';
export const RELEASE_FILES = [
  ...SCRIPTS.flatMap((file) => [file, `${file}.sri`]),
  PLUGIN_ZIP,
  WEBSITE_ZIP,
];

/** Where the hosted configurator and the releases live (package.json's homepage and repository). */
export function places() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repository = String(pkg.repository?.url ?? '')
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  return {
    version: pkg.version,
    configurator: pkg.homepage,
    repository,
    releases: `${repository}/releases`,
  };
}

/** The read-me for a practice owner or their web designer, inside the website zip. */
export function websiteReadme({version, configurator, releases}) {
  return `${tag} ${version}: the files for your website
${'='.repeat(`${tag} ${version}: the files for your website`.length)}

Emily Powell's article "Is it "Normal" to be Attached to your Therapist?" (Emily Powell,
LMHC, LPC) with its invitation to reach out, as one tag for any practice website.

The easiest way: open the configurator, choose how it looks and how visitors reach you, and
copy the code it gives for your platform:

  ${configurator}

What is in this zip
-------------------

${tag}.js
    The article. Upload it beside your page.
${tag}.form.js
    The contact form. Upload it beside the first file if you show the form: the first
    file loads it from next to itself.
${tag}.hydrate.js
    Only for the configurator's "pre-rendered" snippet.
*.sri
    Each file's Subresource Integrity hash, for an integrity="" attribute.

By hand, on any website
-----------------------

Upload ${tag}.js (and the form's file, for the form) to your site,
then put this where the article should appear:

  <script src="${tag}.js" defer></script>
  <${tag} cta-href="/contact">
    <p>Is it "Normal" to be Attached to your Therapist? <a href="/contact">Reach out</a></p>
  </${tag}>

Change /contact (twice) to your contact page, booking page, or a tel: or mailto: link. The
title and link inside the tag show until the script has loaded, so a visitor always has a
way to reach you.

WordPress: use the plugin instead, ${tag}-wordpress.zip from the release page
(Plugins > Add New > Upload Plugin).

Every release: ${releases}

The article text is (c) Emily Powell, LMHC, LPC. The code is MIT licensed.
`;
}

const mtime = new Date('2000-01-01T00:00:00Z');

/** The zip "for your website": the three scripts with their hashes and the read-me, reproducibly. */
export function websiteZip(dist = path.join(root, 'dist')) {
  const fileAttrs = {mtime, os: 3, attrs: 0o100644 << 16};
  const entries = {
    [WEBSITE_README]: [Buffer.from(websiteReadme(places()).replace(/\n/g, '\r\n')), fileAttrs],
  };
  for (const file of SCRIPTS.flatMap((f) => [f, `${f}.sri`])) {
    entries[file] = [readFileSync(path.join(dist, file)), fileAttrs];
  }
  return zipSync(entries, {level: 9, mtime});
}
