#!/usr/bin/env node
// Builds the installable WordPress plugin zip: dist/therapist-attachment-article-wordpress.zip.
//
// Runs after `npm run build` (see the `build:wordpress` script): copies the self-contained
// drop-in file (with hydration support) and the contact form's file, which the drop-in loads
// from next to itself on pages with the form, with their source maps into the plugin's assets/
// folder, then zips the plugin folder
// as `therapist-attachment-article/…`, the layout WordPress's "Upload Plugin" expects. The zip
// is reproducible: entries are sorted and carry one fixed date.
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {zipSync} from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const slug = 'therapist-attachment-article';
const pluginDir = join(root, 'wordpress', slug);
const assetsDir = join(pluginDir, 'assets');
// The drop-in with hydration support: it takes over the article the server rendered.
const dropIn = join(root, 'dist', `${slug}.hydrate.js`);
const out = join(root, 'dist', `${slug}-wordpress.zip`);

function fail(message) {
  console.error(`build-wordpress: ${message}`);
  process.exit(1);
}

// One version everywhere: package.json, the plugin header and readme.txt's stable tag.
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const main = readFileSync(join(pluginDir, `${slug}.php`), 'utf8');
const readme = readFileSync(join(pluginDir, 'readme.txt'), 'utf8');
const found = {
  'plugin header Version': /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
  THERAPIST_ATTACHMENT_ARTICLE_VERSION: /'THERAPIST_ATTACHMENT_ARTICLE_VERSION',\s*'([^']+)'/.exec(
    main,
  )?.[1],
  'readme.txt Stable tag': /^Stable tag:\s*(\S+)/m.exec(readme)?.[1],
};
for (const [where, value] of Object.entries(found)) {
  if (value !== version) {
    fail(
      `${where} is ${value ?? 'missing'} but package.json says ${version}: update wordpress/${slug}/.`,
    );
  }
}

let script;
try {
  script = readFileSync(dropIn, 'utf8');
} catch {
  fail(
    `${relative(root, dropIn)} is missing: run \`npm run build\` first (or \`npm run build:wordpress\`).`,
  );
}
// WordPress 6.1 loads it as a classic script, which cannot hold module syntax.
if (/^\s*(import|export)\b/m.test(script)) {
  fail(
    `${relative(root, dropIn)} contains import/export: the plugin needs the self-contained IIFE build.`,
  );
}

rmSync(assetsDir, {recursive: true, force: true});
mkdirSync(assetsDir, {recursive: true});
copyFileSync(dropIn, join(assetsDir, `${slug}.hydrate.js`));
copyFileSync(`${dropIn}.map`, join(assetsDir, `${slug}.hydrate.js.map`));
const formFile = join(root, 'dist', `${slug}.form.js`);
copyFileSync(formFile, join(assetsDir, `${slug}.form.js`));
copyFileSync(`${formFile}.map`, join(assetsDir, `${slug}.form.js.map`));

// Everything in the plugin folder but dotfiles (.gitignore) goes into the zip.
const mtime = new Date('2000-01-01T00:00:00Z');
const fileAttrs = {mtime, os: 3, attrs: 0o100644 << 16};
const dirAttrs = {mtime, os: 3, attrs: (0o40755 << 16) | 0x10};
function tree(dir) {
  const node = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    node[name] = statSync(path).isDirectory()
      ? [tree(path), dirAttrs]
      : [readFileSync(path), fileAttrs];
  }
  return node;
}
const zip = zipSync({[slug]: [tree(pluginDir), dirAttrs]}, {level: 9, mtime});
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, zip);

const files = [];
(function list(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) list(path);
    else files.push(relative(join(pluginDir, '..'), path).split(sep).join('/'));
  }
})(pluginDir);
console.log(
  `build-wordpress: ${relative(root, out)} (${(zip.length / 1024).toFixed(1)} KiB, ${files.length} files, version ${version})`,
);
for (const file of files) console.log(`  ${file}`);
