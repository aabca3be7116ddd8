// The copies of WordPress the end-to-end suite runs on: Debian's package (6.1, the oldest the
// plugin claims) and the newest this machine can reach, 6.6-RC3 from the npm package
// @wp-playground/wordpress-builds (never a dependency: `npm pack`ed into a cache on first use).
// That package splits each release into a zip (the PHP, a few scripts) and a folder of static
// assets (package/public/wp-*/: the block editor's scripts, styles, the theme's fonts); the
// cached copy holds both, so it is a whole WordPress to copy like Debian's.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {unzipSync} from 'fflate';
import {run} from './processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const cacheDir = join(root, 'node_modules', '.cache', 'wordpress-builds');
const PACKAGE = '@wp-playground/wordpress-builds@0.9.19';
const TARBALL = 'wp-playground-wordpress-builds-0.9.19.tgz';

/** WP_VERSIONS names → where each copy comes from. */
export const BUILDS = {
  6.1: {dir: '/usr/share/wordpress'},
  6.6: {build: 'wp-beta'}, // 6.6-RC3
  6.5: {build: 'wp-6.5'}, // 6.5.5, should the beta ever fail
};
export const DEFAULT_VERSIONS = '6.1,6.6';

/** The versions asked for in WP_VERSIONS (default both), e.g. `WP_VERSIONS=6.1`. */
export function selectedVersions(value = process.env.WP_VERSIONS || DEFAULT_VERSIONS) {
  const names = value.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !BUILDS[name]);
  if (unknown.length) {
    throw new Error(
      `WP_VERSIONS: unknown ${unknown.join(', ')}; known: ${Object.keys(BUILDS).join(', ')}`,
    );
  }
  return names;
}

/** `$wp_version` of the WordPress in `dir`, from its wp-includes/version.php. */
export function wordpressVersion(dir) {
  const source = readFileSync(join(dir, 'wp-includes', 'version.php'), 'utf8');
  return /\$wp_version\s*=\s*'([^']+)'/.exec(source)?.[1] ?? 'unknown';
}

/**
 * The folder of a whole WordPress for `name` (a key of BUILDS), unpacked into the cache the
 * first time and reused afterwards.
 */
export function wordpressDir(name, log = console.log) {
  const {dir, build} = BUILDS[name] ?? {};
  if (dir) return dir;
  if (!build) throw new Error(`No WordPress build named ${name}`);
  const target = join(cacheDir, build);
  if (existsSync(join(target, '.complete'))) return target;

  mkdirSync(cacheDir, {recursive: true});
  const tarball = join(cacheDir, TARBALL);
  if (!existsSync(tarball)) {
    log(`Fetching ${PACKAGE} (about 160 MB, once) into ${cacheDir}`);
    run('npm', ['pack', PACKAGE, '--silent', '--pack-destination', cacheDir], {timeout: 900_000});
  }
  const tmp = mkdtempSync(join(cacheDir, 'unpack-'));
  try {
    run('tar', [
      '-xzf',
      tarball,
      '-C',
      tmp,
      `package/src/wordpress/${build}.zip`,
      `package/public/${build}`,
    ]);
    rmSync(target, {recursive: true, force: true});
    const files = unzipSync(readFileSync(join(tmp, 'package', 'src', 'wordpress', `${build}.zip`)));
    for (const [path, data] of Object.entries(files)) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(target, path)), {recursive: true});
      writeFileSync(join(target, path), data);
    }
    cpSync(join(tmp, 'package', 'public', build), target, {recursive: true});
    // site.mjs writes its own; the build's sample would be used by nothing.
    rmSync(join(target, 'wp-config.php'), {force: true});
    writeFileSync(join(target, '.complete'), `${wordpressVersion(target)}\n`);
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
  return target;
}
