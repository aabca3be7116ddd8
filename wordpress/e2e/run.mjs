#!/usr/bin/env node
// `npm run test:wordpress` (after `npm run build:wordpress`): the end-to-end suite
// (wordpress/e2e/*.test.mjs, `node --test`, one file at a time) once per WordPress version.
//
// WP_VERSIONS picks the versions (default "6.1,6.6": Debian's 6.1.9 and 6.6-RC3 from
// @wp-playground/wordpress-builds, cached in node_modules/.cache/wordpress-builds/; see
// support/wordpress-builds.mjs), e.g. `WP_VERSIONS=6.1 npm run test:wordpress` for a quick run.
// Each run prints node --test's own `# pass N` / `# fail N` (which .ci/run adds up), and a
// closing line per version. Exits 1 when any run failed.
import {spawn} from 'node:child_process';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensurePackages} from '../../scripts/wordpress-debian.mjs';
import {PACKAGES} from './support/site.mjs';
import {selectedVersions, wordpressDir, wordpressVersion} from './support/wordpress-builds.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// The spec reporter colours its lines: ESC [ … m.
const stripColours = (line) =>
  line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** Runs the suite on the WordPress in `coreDir`, passing its output through; counts results. */
function runSuite(coreDir) {
  const reporter = process.stdout.isTTY ? ['--test-reporter=spec'] : ['--test-reporter=tap'];
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporter, here], {
    env: {...process.env, WP_CORE_DIR: coreDir},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const counts = {pass: 0, fail: 0};
  let rest = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) {
      const match = /^(?:# |ℹ )(pass|fail) (\d+)$/.exec(stripColours(line));
      if (match) counts[match[1]] += Number(match[2]);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({...counts, code})));
}

ensurePackages(PACKAGES);
const summary = [];
for (const name of selectedVersions()) {
  const coreDir = wordpressDir(name);
  const version = wordpressVersion(coreDir);
  console.log(`\n== WordPress ${version} (${coreDir}) ==\n`);
  const started = Date.now();
  const result = await runSuite(coreDir);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push({version, seconds, ...result});
}

console.log('');
for (const {version, seconds, pass, fail, code} of summary) {
  const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`;
  console.log(`WordPress ${version}: pass ${pass}, fail ${fail} in ${seconds} s: ${verdict}`);
}
process.exit(summary.every((run) => run.code === 0) ? 0 : 1);
