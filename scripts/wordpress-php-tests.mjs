#!/usr/bin/env node
// `npm run test:php`: the plugin's PHP unit tests (wordpress/tests/), run by Debian's PHPUnit
// against the WordPress of Debian's `wordpress` package (WP_CORE_DIR to use another copy).
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensurePackages} from './wordpress-debian.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  ensurePackages(['php-cli', 'php-xml', 'php-mbstring', 'phpunit', 'wordpress']);
} catch (error) {
  console.error(`test:php: ${error.message}`);
  process.exit(1);
}
const run = spawnSync(
  'phpunit',
  ['-c', join(root, 'wordpress', 'tests', 'phpunit.xml.dist'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
