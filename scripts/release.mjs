#!/usr/bin/env node
// One version everywhere, and the release's files made and checked before a tag is pushed.
//
//   node scripts/release.mjs check [--allow-unreleased]     (npm run release:check)
//   node scripts/release.mjs dry [--no-build] [--no-wordpress] [--allow-unreleased]
//                                                           (npm run release:dry)
//
// `check`, after `npm run build`: package.json's version is the one in package-lock.json, the
// plugin's header and constant, readme.txt's stable tag, changelog and upgrade notice,
// CHANGELOG.md's newest section, every jsDelivr address in the README and docs, and the
// configurator's build; every integrity hash printed in the README and carried by the
// configurator is the built file's own; nothing is left under "Unreleased" (CI passes
// --allow-unreleased between releases: the entries are then only counted); on a tag
// (GITHUB_REF_TYPE=tag) the tag is v<version>.
//
// `dry`: `npm run build` (unless --no-build), then writes exactly the release's files to
// release/ (scripts/release-files.mjs) and checks them: each equals the built file and the
// configurator's download, each .sri is the file's own sha384, the website zip holds the three
// scripts, their hashes and the read-me, the plugin zip carries the same scripts and version;
// the npm tarball's contents, `publint --strict` and are-the-types-wrong on that tarball; and
// the plugin zip installing on a real WordPress with the end-to-end suite's own install test
// (wordpress/e2e/install.test.mjs on Debian's 6.1; --no-wordpress when the caller runs the
// whole suite on release/'s zip, as .ci/run does).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {
  PLUGIN_ZIP,
  RELEASE_FILES,
  SCRIPTS,
  WEBSITE_README,
  WEBSITE_ZIP,
  places,
  root,
  tag,
} from './release-files.mjs';

const [command = 'check', ...flags] = process.argv.slice(2);
const flag = (name) => flags.includes(`--${name}`);
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const problems = [];
const problem = (text) => problems.push(text);
const started = Date.now();
const step = (text) =>
  console.log(`release: ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const SRI = /sha384-[A-Za-z0-9+/]{64}/g;

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, {cwd: root, encoding: 'utf8', stdio: 'pipe', ...options});
}

/** Lines with text between `from` (a heading's regex) and the next heading of that level. */
function section(text, from, next) {
  const start = text.search(from);
  if (start < 0) return undefined;
  const rest = text.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => next.test(line));
  return rest.slice(0, end < 0 ? undefined : end).filter((line) => line.trim() !== '');
}

function check() {
  const {version, configurator, repository} = places();
  const v = version.replace(/\./g, '\\.');
  if (!/^\d+\.\d+\.\d+$/.test(version)) problem(`package.json's version ${version} is not x.y.z`);
  if (!/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(repository))
    problem(`package.json's repository.url (${repository}) is not a GitHub repository`);
  if (!/^https:\/\//.test(configurator ?? ''))
    problem("package.json's homepage (the hosted configurator) is missing");

  const lock = JSON.parse(read('package-lock.json'));
  if (lock.version !== version || lock.packages?.['']?.version !== version)
    problem(`package-lock.json says ${lock.version}: run npm install`);

  // CHANGELOG.md: "## [Unreleased]" (empty at a release), then "## [x.y.z] — YYYY-MM-DD".
  const changelog = read('CHANGELOG.md');
  const versions = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] — (\d{4}-\d{2}-\d{2})$/gm)];
  if (versions[0]?.[1] !== version)
    problem(`CHANGELOG.md's newest section is ${versions[0]?.[1] ?? 'missing'}, not ${version}`);
  const unreleased = section(changelog, /^## \[Unreleased\]$/m, /^## /) ?? [];
  const entries = unreleased.filter((line) => /^- /.test(line)).length;
  if (unreleased.length && !flag('allow-unreleased'))
    problem(
      `CHANGELOG.md has ${entries} entries under [Unreleased]: move them under a new version before tagging`,
    );
  else if (unreleased.length)
    console.log(`release: CHANGELOG.md has ${entries} entries under [Unreleased] (allowed)`);

  // The plugin: header, constant, readme.txt.
  const plugin = `wordpress/${tag}`;
  const main = read(`${plugin}/${tag}.php`);
  const readme = read(`${plugin}/readme.txt`);
  const found = {
    'the plugin header’s Version': /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
    THERAPIST_ATTACHMENT_ARTICLE_VERSION:
      /'THERAPIST_ATTACHMENT_ARTICLE_VERSION',\s*'([^']+)'/.exec(main)?.[1],
    'readme.txt’s Stable tag': /^Stable tag:\s*(\S+)/m.exec(readme)?.[1],
    'readme.txt’s newest changelog entry': /== Changelog ==\s*\n= (?!Unreleased)([^=\n]+?) =/.exec(
      readme.replace(/= Unreleased =\n(?:\*.*\n)*\n?/, ''),
    )?.[1],
    'readme.txt’s newest upgrade notice': /== Upgrade Notice ==\s*\n= ([^=\n]+?) =/.exec(
      readme,
    )?.[1],
  };
  for (const [where, value] of Object.entries(found))
    if (value !== version) problem(`${where} is ${value ?? 'missing'}, not ${version}`);
  const readmeUnreleased = section(readme, /^= Unreleased =$/m, /^=/) ?? [];
  if (readmeUnreleased.length && !flag('allow-unreleased'))
    problem(`readme.txt has entries under "= Unreleased =": move them under = ${version} =`);

  // The built files: dist/ and the configurator.
  const sri = {};
  for (const file of SCRIPTS) {
    const built = path.join(root, 'dist', file);
    if (!fs.existsSync(built)) {
      problem(`dist/${file} is missing: run npm run build first`);
      continue;
    }
    sri[file] = sha384(fs.readFileSync(built));
    if (read(`dist/${file}.sri`).trim() !== sri[file]) problem(`dist/${file}.sri is not its hash`);
  }
  const hashes = new Set(Object.values(sri));

  // Every jsDelivr address names this version; every hash printed is one of the built files'.
  const docs = [
    'README.md',
    ...fs
      .readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  for (const file of docs) {
    const text = read(file);
    for (const [, other] of text.matchAll(new RegExp(`${tag}@(\\d[\\w.-]*)`, 'g')))
      if (other !== version) problem(`${file} loads ${tag}@${other}, not @${version}`);
    for (const [hash] of text.matchAll(SRI))
      if (!hashes.has(hash)) problem(`${file} prints ${hash}, which is no built file's hash`);
  }
  const readmeMain = read('README.md');
  if (sri[`${tag}.js`] && !readmeMain.includes(`integrity="${sri[`${tag}.js`]}"`))
    problem("README.md's CDN snippet does not carry the drop-in's hash: run npm run build");
  for (const [what, url] of [
    ['the hosted configurator', configurator],
    ['the release page', `${repository}/releases`],
  ])
    if (url && !readmeMain.includes(url)) problem(`README.md does not name ${what} (${url})`);

  // The configurator's build carries the version and hashes as data (configurator-data.mjs).
  const assets = path.join(root, 'dist/site/assets');
  if (fs.existsSync(assets)) {
    const bundle = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(assets, f), 'utf8'))
      .join('\n');
    if (!new RegExp(`version:["'\\x60]${v}["'\\x60]`).test(bundle))
      problem(`the configurator (dist/site/) does not carry version ${version}: run npm run build`);
    const carried = [...bundle.matchAll(SRI)].map(([hash]) => hash);
    if (!carried.includes(sri[`${tag}.js`]))
      problem("the configurator does not carry the drop-in's hash: run npm run build");
    for (const hash of carried)
      if (!hashes.has(hash))
        problem(`the configurator carries ${hash}, which is no built file's hash`);
  } else problem('dist/site/ is missing: run npm run build first');

  // The drop-in and the hydrate file pin the form file's hash.
  for (const file of [`${tag}.js`, `${tag}.hydrate.js`]) {
    if (!sri[file]) continue;
    const pinned = read(`dist/${file}`).match(SRI) ?? [];
    if (pinned.length !== 1 || pinned[0] !== sri[`${tag}.form.js`])
      problem(
        `dist/${file} pins ${pinned.join(', ') || 'no hash'}, not the form file's ${sri[`${tag}.form.js`]}`,
      );
  }

  if (process.env.GITHUB_REF_TYPE === 'tag' && process.env.GITHUB_REF_NAME !== `v${version}`)
    problem(`the tag ${process.env.GITHUB_REF_NAME} is not v${version}`);
  return {version, sri};
}

function finish(what) {
  if (problems.length) {
    console.error(`release: ${what} failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}

/** The packed npm tarball's file list; the tarball itself in `dir`. */
function pack(dir) {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir]));
  return {tarball: path.join(dir, packed.filename), files: packed.files.map((f) => f.path), packed};
}

async function dry() {
  if (!flag('no-build')) {
    step('npm run build');
    execFileSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'});
  }
  const {version, sri} = check();
  finish('the version check');
  step(`version ${version} agrees everywhere`);

  // The files, from the configurator's folder (what it offers for download) into release/.
  const out = path.join(root, 'release');
  fs.rmSync(out, {recursive: true, force: true});
  fs.mkdirSync(out);
  for (const file of RELEASE_FILES) {
    const offered = path.join(root, 'dist/site', file);
    if (!fs.existsSync(offered)) {
      problem(`the configurator does not offer ${file} (dist/site/${file})`);
      continue;
    }
    fs.copyFileSync(offered, path.join(out, file));
  }
  finish('making release/');
  const bytes = (file) => fs.readFileSync(path.join(out, file));
  for (const file of SCRIPTS) {
    if (!bytes(file).equals(fs.readFileSync(path.join(root, 'dist', file))))
      problem(`release/${file} is not dist/${file}`);
    if (
      bytes(`${file}.sri`).toString().trim() !== sha384(bytes(file)) ||
      sri[file] !== sha384(bytes(file))
    )
      problem(`release/${file}.sri is not the file's hash`);
  }
  if (!bytes(PLUGIN_ZIP).equals(fs.readFileSync(path.join(root, 'dist', PLUGIN_ZIP))))
    problem(`release/${PLUGIN_ZIP} is not dist/${PLUGIN_ZIP}`);

  const website = unzipSync(bytes(WEBSITE_ZIP));
  assert.deepEqual(
    Object.keys(website).sort(),
    [WEBSITE_README, ...SCRIPTS.flatMap((f) => [f, `${f}.sri`])].sort(),
    `${WEBSITE_ZIP} holds the three scripts, their hashes and ${WEBSITE_README}`,
  );
  for (const file of SCRIPTS.flatMap((f) => [f, `${f}.sri`]))
    if (!Buffer.from(website[file]).equals(bytes(file)))
      problem(`${WEBSITE_ZIP}'s ${file} differs`);
  if (!Buffer.from(website[WEBSITE_README]).toString().includes(`${tag} ${version}`))
    problem(`${WEBSITE_ZIP}'s ${WEBSITE_README} does not name version ${version}`);

  const plugin = unzipSync(bytes(PLUGIN_ZIP));
  for (const file of [`${tag}.hydrate.js`, `${tag}.form.js`]) {
    const inside = plugin[`${tag}/assets/${file}`];
    if (!inside || !Buffer.from(inside).equals(bytes(file)))
      problem(`${PLUGIN_ZIP}'s assets/${file} is not the release's ${file}`);
  }
  const header = Buffer.from(plugin[`${tag}/${tag}.php`] ?? []).toString();
  if (!new RegExp(`Version:\\s+${version.replace(/\./g, '\\.')}\\n`).test(header))
    problem(`${PLUGIN_ZIP}'s plugin header is not version ${version}`);
  finish('the release files');
  step(
    `release/: ${RELEASE_FILES.map((f) => `${f} (${(bytes(f).length / 1024).toFixed(1)} KiB)`).join(', ')}`,
  );

  // The npm package, as published.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-release-'));
  try {
    const {tarball, files, packed} = pack(temp);
    if (packed.version !== version) problem(`npm pack made version ${packed.version}`);
    const needed = [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'dist/npm/index.js',
      'dist/npm/index.d.ts',
      'dist/npm/define.js',
      'dist/npm/define.d.ts',
      ...SCRIPTS.flatMap((f) => [`dist/${f}`, `dist/${f}.sri`]),
      ...extraPackageFiles(),
    ];
    for (const file of needed) if (!files.includes(file)) problem(`the npm package lacks ${file}`);
    const stray = files.filter(
      (f) =>
        /^(src|test|demo|scripts|wordpress|site|bench|release|node_modules)\//.test(f) ||
        /\.zip$/.test(f),
    );
    if (stray.length) problem(`the npm package holds ${stray.join(', ')}`);
    for (const file of SCRIPTS) {
      const inTarball = run('tar', ['-xOzf', tarball, `package/dist/${file}`], {
        encoding: 'buffer',
      });
      if (sha384(inTarball) !== sri[file])
        problem(`the npm package's dist/${file} is not the release's`);
    }
    finish('the npm package');
    step(`npm pack: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB packed`);

    step('publint --strict');
    try {
      console.log(run('npx', ['--no-install', 'publint', '--strict', '--pack', 'npm']).trim());
    } catch (error) {
      problem(`publint --strict: ${error.stdout}${error.stderr}`);
    }
    step('are-the-types-wrong');
    try {
      // ESM only: no CommonJS entry is offered, so node10 and node16-from-CJS are not asked for.
      const report = JSON.parse(
        run('npx', ['--no-install', 'attw', '--profile', 'esm-only', '--format', 'json', tarball]),
      );
      const entries = Object.keys(report.analysis.entrypoints);
      const kept = report.analysis.problems.filter(
        (p) => !['node10', 'node16-cjs'].includes(p.resolutionKind),
      );
      if (kept.length) problem(`are-the-types-wrong: ${JSON.stringify(kept)}`);
      else
        console.log(
          `are-the-types-wrong: no problem in ${entries.length} entry points (${entries.join(', ')})`,
        );
    } catch (error) {
      problem(`are-the-types-wrong: ${error.stdout}${error.stderr}`);
    }
    finish('the npm package checks');
  } finally {
    fs.rmSync(temp, {recursive: true, force: true});
  }

  if (!flag('no-wordpress')) {
    step('the plugin zip on a real WordPress (wordpress/e2e/zip.test.mjs, install.test.mjs)');
    execFileSync(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        'wordpress/e2e/zip.test.mjs',
        'wordpress/e2e/install.test.mjs',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          WP_PLUGIN_ZIP: path.join(out, PLUGIN_ZIP),
          WP_VERSIONS: process.env.WP_VERSIONS ?? '6.1',
        },
      },
    );
  }
  step(`release/ is ready for v${version}`);
}

/** Files the package must carry besides the element (the framework types and editor data). */
function extraPackageFiles() {
  const pkg = JSON.parse(read('package.json'));
  return Object.values(pkg.exports ?? {})
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))
    .map((file) => file.replace(/^\.\//, ''))
    .filter((file) => !file.includes('*'));
}

if (command === 'check') {
  const {version} = check();
  finish('release:check');
  console.log(`release: version ${version} agrees everywhere, and every hash is the built file's`);
} else if (command === 'dry') {
  await dry();
} else {
  console.error(
    `usage: node scripts/release.mjs check|dry [--no-build] [--no-wordpress] [--allow-unreleased]`,
  );
  process.exit(2);
}
