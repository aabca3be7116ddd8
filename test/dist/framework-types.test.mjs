// The package's types for each framework (dist/npm/frameworks/, from scripts/framework-types.mjs),
// used as an app would: sample files in test/types/<framework>/ import
// 'therapist-attachment-article/<framework>' through the package's own exports (TypeScript's
// self-reference) and are type-checked with the framework's own checker. The valid use must
// pass; theme="purple" and a misspelt attribute must each fail, on that attribute. And the
// editors' files (VS Code's custom data, JetBrains' web-types) must offer every attribute.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {before, describe, it} from 'node:test';
import {promisify} from 'node:util';
import ts from 'typescript';
import {dist, requireBuild} from './support.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const samples = path.join(root, 'test/types');
const run = promisify(execFile);
requireBuild();

/** What the sample files must give: nothing, or one error on the attribute. */
const EXPECTED = {
  valid: [],
  // React only: docs/frameworks.md's React 18 recipe.
  recipe: [],
  theme: [/"purple"/],
  misspelt: [/\bthem\b/],
};

/** TypeScript's diagnostics for a JSX framework's samples (one program, the folder's tsconfig). */
function tsx(framework) {
  const dir = path.join(samples, framework);
  const {config} = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
  const {options} = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  const names = Object.keys(EXPECTED).filter((n) => fs.existsSync(path.join(dir, `${n}.tsx`)));
  const files = names.map((name) => path.join(dir, `${name}.tsx`));
  const program = ts.createProgram(files, options);
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(files[i]))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

/** A checker's output lines, by sample name (Valid.vue → valid). */
function byFile(lines, pattern, decode = (text) => text) {
  const found = Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, []]));
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) (found[match[1].toLowerCase()] ??= []).push(decode(match[2]));
  }
  return found;
}

async function vue() {
  const bin = path.join(root, 'node_modules/.bin/vue-tsc');
  const result = await run(bin, ['-p', path.join(samples, 'vue/tsconfig.json')], {
    cwd: root,
  }).catch((error) => error);
  return byFile(`${result.stdout}`.split('\n'), /vue\/(\w+)\.vue\(\d+,\d+\): error (.*)$/);
}

async function svelte() {
  const bin = path.join(root, 'node_modules/.bin/svelte-check');
  const args = ['--workspace', path.join(samples, 'svelte'), '--tsconfig', './tsconfig.json'];
  const result = await run(bin, [...args, '--output', 'machine'], {cwd: root}).catch((e) => e);
  // Each message is a JSON string.
  return byFile(
    `${result.stdout}`.split('\n'),
    /^\d+ ERROR "(\w+)\.svelte" \d+:\d+ (".*")$/,
    JSON.parse,
  );
}

function expectFound(found) {
  assert.deepEqual(found.valid, [], 'the valid use passes');
  assert.deepEqual(found.recipe ?? [], [], 'the recipe passes');
  for (const [name, patterns] of Object.entries(EXPECTED)) {
    if (!patterns.length || !(name in found)) continue;
    assert.equal(found[name].length, 1, `${name}: one error, got ${JSON.stringify(found[name])}`);
    for (const pattern of patterns) assert.match(found[name][0], pattern, name);
  }
}

describe('the framework types', () => {
  // The two checkers run as processes, beside TypeScript's own checks in this one.
  let vueFound;
  let svelteFound;
  before(() => {
    vueFound = vue();
    svelteFound = svelte();
  });
  for (const framework of ['react', 'preact', 'solid']) {
    it(`${framework}: a valid use passes, theme="purple" and a misspelt attribute fail`, () =>
      expectFound(tsx(framework)));
  }
  it('vue (vue-tsc, strictTemplates): the same', async () => expectFound(await vueFound));
  it('svelte (svelte-check): the same', async () => expectFound(await svelteFound));
});

it('test/types/react/recipe.tsx is the React 18 recipe of docs/frameworks.md', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/frameworks.md'), 'utf8');
  const recipe = doc
    .split('## React 18')[1]
    .split('```tsx\n')[1]
    .split('```')[0]
    .replace("import 'therapist-attachment-article/define.js';\n", '');
  const sample = fs.readFileSync(path.join(samples, 'react/recipe.tsx'), 'utf8');
  assert.equal(sample.replace(/^\/\/.*\n/, ''), recipe);
});

describe('completion in HTML editors', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'therapist-attachment-article');
  const attributes = element.attributes.map((a) => a.name).sort();

  it('VS Code’s custom data offers every attribute, and the themes by name', () => {
    const data = JSON.parse(fs.readFileSync(path.join(dist, 'vscode.html-custom-data.json')));
    const tag = data.tags.find((t) => t.name === 'therapist-attachment-article');
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), attributes);
    const theme = tag.attributes.find((a) => a.name === 'theme');
    assert.deepEqual(theme.values.map((v) => v.name).sort(), ['auto', 'dark', 'light']);
  });

  it('JetBrains’ web-types offers every attribute, and the package names it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg['web-types'], './dist/web-types.json');
    const data = JSON.parse(fs.readFileSync(path.join(root, pkg['web-types'])));
    const tag = data.contributions.html.elements.find(
      (e) => e.name === 'therapist-attachment-article',
    );
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), attributes);
  });
});
