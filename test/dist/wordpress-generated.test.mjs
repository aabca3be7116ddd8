// The WordPress plugin's copy of the element's facts (includes/generated/, block/block.json, the
// list of shortcode attributes in readme.txt) is generated from src/ by
// scripts/generate-wordpress.mjs: these tests fail while it is stale.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const plugin = join(root, 'wordpress/therapist-attachment-article');
const check = (dir = plugin) =>
  spawnSync(process.execPath, ['scripts/generate-wordpress.mjs', '--check', '--plugin', dir], {
    cwd: root,
    encoding: 'utf8',
  });

describe('the plugin’s generated facts', () => {
  const copy = mkdtempSync(join(tmpdir(), 'taa-plugin-'));
  after(() => rmSync(copy, {recursive: true, force: true}));

  it('match the element’s sources', () => {
    const result = check();
    assert.equal(result.status, 0, result.stderr);
  });

  it('match in an unchanged copy of the plugin (the check reads the folder it is given)', () => {
    cpSync(plugin, copy, {recursive: true});
    const result = check(copy);
    assert.equal(result.status, 0, result.stderr);
  });

  for (const [file, from, to] of [
    ['includes/generated/facts.php', "'max_length' => 5000", "'max_length' => 4000"],
    ['includes/generated/prerender.php', 'Emily Powell', 'Emily P.'],
    ['block/block.json', '"light"', '"sepia"'],
    ['includes/generated/attributes.php', "'max_length' => 120", "'max_length' => 200"],
    ['readme.txt', '`read_more_target` —', '`read_more_window` —'],
  ]) {
    it(`are reported stale when ${file} differs from src/`, () => {
      cpSync(plugin, copy, {recursive: true});
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.includes(from), `${file} should contain ${from}`);
      writeFileSync(path, text.replace(from, to));
      const result = check(copy);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(file.replaceAll('.', '\\.')));
    });
  }
});
