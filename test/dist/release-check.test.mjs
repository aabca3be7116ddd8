// `npm run release:check` on a copy of the project (RELEASE_ROOT): it passes on the project as
// built, and fails, naming the place, when any one of the versions or hashes disagrees, when
// entries wait under "Unreleased", or when the tag is not v<version>.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {requireBuild} from './support.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const plugin = 'wordpress/therapist-attachment-article';
const FILES = [
  'package.json',
  'package-lock.json',
  'CHANGELOG.md',
  'README.md',
  'docs',
  `${plugin}/therapist-attachment-article.php`,
  `${plugin}/readme.txt`,
  'dist/site/assets',
  ...['', '.form', '.hydrate'].flatMap((kind) => [
    `dist/therapist-attachment-article${kind}.js`,
    `dist/therapist-attachment-article${kind}.js.sri`,
  ]),
];
let copy;
before(() => {
  requireBuild();
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-release-check-'));
  for (const file of FILES)
    fs.cpSync(path.join(root, file), path.join(copy, file), {recursive: true});
});
after(() => copy && fs.rmSync(copy, {recursive: true, force: true}));

/** Runs the check on the copy with `edit(text)` applied to `file`, then puts the file back. */
function check({file, edit, args = [], env = {}} = {}) {
  const target = file && path.join(copy, file);
  const original = target && fs.readFileSync(target, 'utf8');
  if (target) fs.writeFileSync(target, edit(original));
  try {
    const result = spawnSync(process.execPath, ['scripts/release.mjs', 'check', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {...process.env, GITHUB_REF_TYPE: '', GITHUB_REF_NAME: '', ...env, RELEASE_ROOT: copy},
    });
    return {status: result.status, output: result.stdout + result.stderr};
  } finally {
    if (target) fs.writeFileSync(target, original);
  }
}

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const bump = (text) => text.replace(`"version": "${version}"`, '"version": "9.9.9"');

describe('release:check', () => {
  it('passes on the project as built (entries under Unreleased allowed)', () => {
    const {status, output} = check({args: ['--allow-unreleased']});
    assert.equal(status, 0, output);
  });

  for (const [what, file, edit, expected] of [
    [
      'package.json’s version moved alone',
      'package.json',
      bump,
      /CHANGELOG\.md's newest section is/,
    ],
    [
      'the plugin header left behind',
      `${plugin}/therapist-attachment-article.php`,
      (t) => t.replace(/(Version:\s+)\S+/, '$10.0.9'),
      /plugin header’s Version is 0\.0\.9/,
    ],
    [
      'readme.txt’s stable tag left behind',
      `${plugin}/readme.txt`,
      (t) => t.replace(/^Stable tag: .*$/m, 'Stable tag: 0.0.9'),
      /Stable tag is 0\.0\.9/,
    ],
    [
      'the README’s CDN code with another hash',
      'README.md',
      (t) => t.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`),
      /README\.md prints sha384-A+, which is no built file's hash/,
    ],
    [
      'the README’s CDN code with another version',
      'README.md',
      (t) =>
        t.replace(/therapist-attachment-article@[\d.]+\//, 'therapist-attachment-article@0.0.9/'),
      /README\.md loads therapist-attachment-article@0\.0\.9/,
    ],
    [
      'a built hash file that is not its file’s hash',
      'dist/therapist-attachment-article.form.js.sri',
      () => `sha384-${'B'.repeat(64)}\n`,
      /dist\/therapist-attachment-article\.form\.js\.sri is not its hash/,
    ],
  ]) {
    it(`fails on ${what}`, () => {
      const {status, output} = check({file, edit, args: ['--allow-unreleased']});
      assert.equal(status, 1, output);
      assert.match(output, expected);
    });
  }

  it('fails on entries under Unreleased, unless they are allowed (CI between releases)', () => {
    const edit = (t) => t.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n\n- More.\n');
    const strict = check({file: 'CHANGELOG.md', edit});
    assert.equal(strict.status, 1, strict.output);
    assert.match(strict.output, /1 entries under \[Unreleased\]/);
    assert.equal(check({file: 'CHANGELOG.md', edit, args: ['--allow-unreleased']}).status, 0);
  });

  it('fails on a tag that is not v<version>', () => {
    const env = {GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v9.9.9'};
    const wrong = check({args: ['--allow-unreleased'], env});
    assert.equal(wrong.status, 1);
    assert.match(wrong.output, /the tag v9\.9\.9 is not v/);
    const right = {GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: `v${version}`};
    assert.equal(check({args: ['--allow-unreleased'], env: right}).status, 0);
  });
});
