// Debian packages for the WordPress tests: checked with dpkg, installed with apt-get when
// missing and running as root (as CI does), so a fresh machine needs no manual step.
import {spawnSync} from 'node:child_process';

/** Names of the packages in `names` that are not installed. */
export function missingPackages(names) {
  const result = spawnSync(
    'dpkg-query',
    ['-W', '-f', '${Package} ${db:Status-Status}\n', ...names],
    {
      encoding: 'utf8',
    },
  );
  const installed = new Set(
    (result.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/** Installs what is missing of `names`, or throws with the command to run. */
export function ensurePackages(names, log = console.log) {
  const missing = missingPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them with: sudo ${command}`,
    );
  }
  log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const run = spawnSync('apt-get', args, {stdio: ['ignore', 'ignore', 'inherit'], env});
    if (run.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${run.status})`);
  }
}
