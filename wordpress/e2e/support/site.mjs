// A throw-away WordPress on 127.0.0.1 with the plugin installed and the test pages published.
//
// startSite() copies WordPress from WP_CORE_DIR (set by the runner for each version; else the
// first of WP_VERSIONS, default Debian's /usr/share/wordpress: see wordpress-builds.mjs) into a
// temporary folder, starts a private MariaDB, writes wp-config.php, installs WordPress and the
// plugin zip through WordPress's own upgrader (../install.php), points wp_mail at a mail catcher
// (mail-catcher.mjs), serves the site with `php -S` and ../router.php, and publishes the pages
// of ../content.php.
// useSite() does the same from a test file's before() and stops it in after().
//
// `node wordpress/e2e/support/site.mjs` starts one and leaves it running until Ctrl-C, for a
// look by hand (admin / admin-password, author / author-password).
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir, userInfo} from 'node:os';
import {dirname, join} from 'node:path';
import {after, before, it} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {ensurePackages} from '../../../scripts/wordpress-debian.mjs';
import {mailMuPlugin, startMailCatcher} from './mail-catcher.mjs';
import {freePort, run, socketAccepts, start, stop, waitFor, whenInterrupted} from './processes.mjs';
import {selectedVersions, wordpressDir, wordpressVersion} from './wordpress-builds.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const slug = 'therapist-attachment-article';
/** The element's script as the plugin ships and enqueues it: the drop-in with hydration. */
export const SCRIPT_FILE = `${slug}.hydrate.js`;
// WP_PLUGIN_ZIP: another build of the plugin (e.g. one of an earlier commit).
export const zipPath = process.env.WP_PLUGIN_ZIP || join(root, 'dist', `${slug}-wordpress.zip`);
const e2eDir = join(root, 'wordpress', 'e2e');
export const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree', // the `wordpress` package ships no theme
  'php-cli',
  'php-mysql',
  'mariadb-server-core',
  'mariadb-client', // mariadb-install-db needs its my_print_defaults
  'chromium',
];

const salt = () => randomBytes(32).toString('hex');
const php = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const KEYS = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((k) => [
  `${k}_KEY`,
  `${k}_SALT`,
]);

const wpConfig = ({url, debugLog}) => `<?php
require __DIR__ . '/wp-config-db.php';
${KEYS.map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', ${php(url)} );
define( 'WP_SITEURL', ${php(url)} );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${php(debugLog)} );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;

/**
 * Starts a site. Returns {url, origin, wpDir, version, install, content, mail, debugLog,
 * readDebugLog(), stop()}: `install` and `content` are the JSON reports of install.php and
 * content.php (`content.pages.<key>.link` for each page), `mail` the catcher
 * ({port, messages}). The temporary folder goes with stop().
 */
export async function startSite({coreDir = process.env.WP_CORE_DIR} = {}) {
  ensurePackages(PACKAGES);
  // Alone (`node --test wordpress/e2e/x.test.mjs`): the first of WP_VERSIONS, default Debian's.
  coreDir ||= wordpressDir(selectedVersions()[0]);
  if (!existsSync(zipPath)) {
    throw new Error(`${zipPath} is missing: run \`npm run build:wordpress\` first.`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'taa-wordpress-'));
  const children = [];
  let mail;
  const forget = whenInterrupted(() => rmSync(tmp, {recursive: true, force: true}));
  const stopAll = async () => {
    await Promise.all(children.map((child) => stop(child)));
    await mail?.close();
    rmSync(tmp, {recursive: true, force: true});
    forget();
  };
  try {
    const wpDir = join(tmp, 'wordpress');
    const dataDir = join(tmp, 'mysql');
    const socket = join(tmp, 'mysqld.sock');
    const debugLog = join(tmp, 'debug.log');
    const dbUser = userInfo().username;

    // Debian's package links into /usr/share/php and /usr/share/javascript: copy the files.
    run('cp', ['-aL', coreDir, wpDir]);

    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--user=${dbUser}`,
      '--skip-test-db',
      '--auth-root-authentication-method=socket',
    ]);
    const mariadb = start('mariadbd', [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--pid-file=${join(tmp, 'mysqld.pid')}`,
      '--skip-networking',
      `--user=${dbUser}`,
      '--innodb-flush-log-at-trx-commit=0',
      '--skip-innodb-doublewrite',
    ]);
    children.push(mariadb);
    await waitFor('MariaDB', () => {
      if (mariadb.exitCode !== null) throw new Error(`mariadbd exited:\n${mariadb.output()}`);
      return socketAccepts(socket);
    });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Debian's wp-config.php reads /etc/wordpress; the copy gets its own (install.php reads the
    // database part alone).
    writeFileSync(
      join(wpDir, 'wp-config-db.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', ${php(dbUser)} );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
`,
    );
    writeFileSync(join(wpDir, 'wp-config.php'), wpConfig({url, debugLog}));

    // WordPress and the plugin, through WordPress's own upgrader.
    const zipCopy = join(tmp, `${slug}-wordpress.zip`);
    writeFileSync(zipCopy, readFileSync(zipPath));
    const install = JSON.parse(run('php', [join(e2eDir, 'install.php'), wpDir, zipCopy]));
    install.pluginVersion = /^\s*\*\s*Version:\s*(\S+)/m.exec(
      readFileSync(join(wpDir, 'wp-content', 'plugins', slug, `${slug}.php`), 'utf8'),
    )?.[1];

    mail = await startMailCatcher();
    const muPlugins = join(wpDir, 'wp-content', 'mu-plugins');
    mkdirSync(muPlugins, {recursive: true});
    writeFileSync(join(muPlugins, 'taa-e2e-mail.php'), mailMuPlugin(mail.port));

    const server = start(
      'php',
      ['-S', `127.0.0.1:${port}`, '-t', wpDir, join(e2eDir, 'router.php')],
      {
        env: {...process.env, PHP_CLI_SERVER_WORKERS: '4'},
      },
    );
    children.push(server);
    await waitFor('the web server', async () => {
      if (server.exitCode !== null) throw new Error(`php -S exited:\n${server.output()}`);
      return (await fetch(`${url}/wp-login.php`)).ok;
    });

    const content = JSON.parse(run('php', [join(e2eDir, 'content.php'), wpDir]));
    return {
      url,
      origin: new URL(url).origin,
      wpDir,
      version: wordpressVersion(wpDir),
      install,
      content,
      mail,
      debugLog,
      readDebugLog: () => (existsSync(debugLog) ? readFileSync(debugLog, 'utf8') : ''),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * For a test file: starts a site in before() and stops it in after(). Returns an object that
 * holds the site's fields (see startSite) once before() has run:
 *
 *   const site = useSite();
 *   it('…', async () => { await fetch(site.url); assert.equal(site.mail.messages.length, 0); });
 */
export function useSite(options) {
  const site = {};
  before(async () => Object.assign(site, await startSite(options)), {timeout: 120_000});
  after(() => site.stop?.());
  return site;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const site = await startSite();
  console.log(
    `WordPress ${site.version} at ${site.url} (admin / admin-password, author / author-password); ` +
      `mail caught on port ${site.mail.port}. Ctrl-C ends it.`,
  );
  for (const [key, {link}] of Object.entries(site.content.pages)) console.log(`  ${key}: ${link}`);
}

/** Checks of PHP's log over the whole file; call at the end of a file that uses the site. */
export function itLoggedNoProblems(site) {
  it('PHP logged no notice, warning or error from the plugin', (t) => {
    const lines = site.readDebugLog().split('\n');
    assert.deepEqual(
      lines.filter((line) => line.includes(slug)),
      [],
    );
    const others = new Set(
      lines
        .filter((line) => /PHP (Notice|Warning|Deprecated|Fatal)/.test(line))
        .map((line) => line.replace(/^\[[^\]]*\] /, '').slice(0, 160)),
    );
    if (others.size) t.diagnostic(`${others.size} distinct messages from WordPress itself`);
  });
  it('wp_mail() never failed (the test mu-plugin logs failures)', () => {
    assert.deepEqual(
      site
        .readDebugLog()
        .split('\n')
        .filter((line) => line.includes('taa-e2e:')),
      [],
    );
  });
}
