// Checks that the Debian browsers for the engines in BROWSERS (default: all three) are
// installed, installs the missing ones when running as root with apt-get, and otherwise
// names the one command to run. See shared/browsers.md.
import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';

const needs = {
  chromium: [['/usr/bin/chromium', 'chromium']],
  firefox: [['/usr/bin/firefox-esr', 'firefox-esr']],
  webkit: [
    ['/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
    ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', 'webkit2gtk-driver'],
    ...(process.env.DISPLAY ? [] : [['Xvfb', 'xvfb']]),
  ],
};

const onPath = (cmd) =>
  (process.env.PATH || '').split(':').some((dir) => dir && existsSync(`${dir}/${cmd}`));
const present = (file) => (file.startsWith('/') ? existsSync(file) : onPath(file));

const engines = (process.env.BROWSERS || 'chromium,firefox,webkit')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const unknown = engines.filter((e) => !(e in needs));
if (unknown.length) {
  console.error(
    `BROWSERS: unknown "${unknown.join(',')}"; use a comma list of chromium,firefox,webkit`,
  );
  process.exit(1);
}

const missing = () => engines.flatMap((e) => needs[e]).filter(([file]) => !present(file));
const packages = (list) => [...new Set(list.map(([, pkg]) => pkg))];

let todo = missing();
if (todo.length === 0) process.exit(0);

const pkgs = packages(todo);
console.error(`Missing browser files: ${todo.map(([f]) => f).join(', ')}`);
if (process.getuid?.() === 0 && onPath('apt-get')) {
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
    });
  console.error(`Installing ${pkgs.join(' ')} with apt-get ...`);
  const ok =
    run(['update']).status === 0 &&
    run(['install', '-y', '--no-install-recommends', ...pkgs]).status === 0;
  todo = missing();
  if (ok && todo.length === 0) process.exit(0);
  console.error(`apt-get could not provide: ${todo.map(([f]) => f).join(', ')}`);
}
console.error(`Install the browsers with:\n  sudo apt-get install -y ${pkgs.join(' ')}`);
process.exit(1);
