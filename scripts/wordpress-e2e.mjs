#!/usr/bin/env node
// `npm run test:wordpress` (after `npm run build:wordpress`): the plugin in a real WordPress.
//
// Starts WordPress from Debian's packages on 127.0.0.1 (a private MariaDB and PHP's built-in
// server, in a temporary folder), installs the plugin zip through WordPress's own upgrader,
// publishes pages with the shortcode and the block (saved by an Administrator and by an Author,
// whose content WordPress filters; wordpress/e2e/*.php), lets the Author place and set up the
// block in the block editor, then checks each page in Chromium: the article renders inside the
// element's shadow root with the given settings, its script is on the page exactly once, and no
// request leaves the machine. A visitor then writes through the contact form: WordPress's mail
// goes by SMTP to a mail catcher here (set up by a test-only mu-plugin written into the
// temporary site, never part of the zip), which must receive the message exactly once.
// Ends with `N passed, N failed`; exits 1 on failure.
//
// Environment: WP_CORE_DIR (default /usr/share/wordpress), CHROMIUM (default /usr/bin/chromium),
// WP_E2E_KEEP=1 keeps the site running until Ctrl-C, for a look by hand.
import {spawn, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createConnection, createServer} from 'node:net';
import {tmpdir, userInfo} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {unzipSync} from 'fflate';
import {chromium} from 'playwright-core';
import {ensurePackages} from './wordpress-debian.mjs';
import {chromiumArgs} from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const slug = 'therapist-attachment-article';
const zipPath = join(root, 'dist', `${slug}-wordpress.zip`);
const e2eDir = join(root, 'wordpress', 'e2e');
const coreDir = process.env.WP_CORE_DIR ?? '/usr/share/wordpress';
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshotDir = join(root, 'test-results', 'wordpress');
const TITLE = 'Is it "Normal" to be Attached to your Therapist?';
// The plugin's contact route as the element's form-action: a path on the site (the test site
// keeps WordPress's default plain permalinks, hence `?rest_route=`).
const CONTACT_PATH = '/index.php?rest_route=/therapist-attachment-article/v1/contact';
const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree', // the `wordpress` package ships no theme
  'php-cli',
  'php-mysql',
  'mariadb-server-core',
  'mariadb-client', // mariadb-install-db needs its my_print_defaults
  'chromium',
];

// ---------------------------------------------------------------------------------------------
// Results and timings

const results = [];
function check(name, ok, detail = '') {
  results.push({name, ok: Boolean(ok)});
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${ok || !detail ? '' : `\n      ${detail}`}`);
}
const sortKeys = (object) =>
  Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
function checkEqual(name, actual, expected) {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  check(name, ok, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const started = Date.now();
let phaseStart = started;
const timings = [];
function phase(name) {
  const now = Date.now();
  timings.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
}

// ---------------------------------------------------------------------------------------------
// Processes: only the ones started here are stopped. Each gets its own process group, so that
// stopping it reaches the workers it forks too (`php -S` with PHP_CLI_SERVER_WORKERS).

const children = [];
/** Servers of this process (the mail catcher), closed at the end. */
const servers = [];
function start(command, args, options) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  child.output = () => output;
  children.push(child);
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function stop(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL'); // whatever of the group is left
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    signalGroup(child, 'SIGTERM');
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', ...options});
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

async function waitFor(what, test, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await test().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const socketAccepts = (path) =>
  new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });

// ---------------------------------------------------------------------------------------------
// Mail: a minimal SMTP server on 127.0.0.1 that keeps every message it is given

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as PHPMailer writes long or non-ASCII headers. */
function decodeWords(value) {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, charset, encoding, text) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replaceAll('_', ' ')
                .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}

/** A message as received: envelope, headers (lower-case names, decoded) and body. */
function parseMessage({from, to, data}) {
  const split = data.indexOf('\r\n\r\n');
  const head = split === -1 ? data : data.slice(0, split);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(decodeWords(line.slice(colon + 1).trim()));
  }
  const body = split === -1 ? '' : data.slice(split + 4).replaceAll('\r\n', '\n');
  return {from, to, headers, body};
}

function startMailCatcher() {
  const messages = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let lines = null; // the message's lines, during DATA
    let envelope = {from: null, to: []};
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 127.0.0.1 test mail catcher');
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let end; (end = buffer.indexOf('\r\n')) !== -1;) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (lines) {
          if (line === '.') {
            messages.push(parseMessage({...envelope, data: lines.join('\r\n')}));
            [lines, envelope] = [null, {from: null, to: []}];
            reply('250 2.0.0 Kept');
          } else {
            lines.push(line.startsWith('.') ? line.slice(1) : line); // dot-stuffing
          }
          continue;
        }
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        switch (line.slice(0, 4).toUpperCase()) {
          case 'EHLO':
          case 'HELO':
            reply('250 127.0.0.1');
            break;
          case 'MAIL':
            envelope = {from: address, to: []};
            reply('250 2.1.0 OK');
            break;
          case 'RCPT':
            envelope.to.push(address);
            reply('250 2.1.5 OK');
            break;
          case 'DATA':
            lines = [];
            reply('354 End data with <CR><LF>.<CR><LF>');
            break;
          case 'RSET':
            envelope = {from: null, to: []};
            reply('250 2.0.0 OK');
            break;
          case 'NOOP':
            reply('250 2.0.0 OK');
            break;
          case 'QUIT':
            reply('221 2.0.0 Bye');
            socket.end();
            break;
          default:
            reply('502 5.5.2 Not implemented');
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve({port: server.address().port, messages});
    });
  });
}

/** Test-only mu-plugin: WordPress's mail goes to the catcher. Never part of the plugin's zip. */
const mailMuPlugin = (port) => `<?php
/**
 * Written by scripts/wordpress-e2e.mjs into its temporary WordPress; not part of the plugin.
 * WordPress's mail (wp_mail(), PHPMailer) goes by SMTP to the test's mail catcher.
 */
add_action(
	'phpmailer_init',
	static function ( $phpmailer ) {
		$phpmailer->isSMTP();
		$phpmailer->Host        = '127.0.0.1';
		$phpmailer->Port        = ${port};
		$phpmailer->SMTPAuth    = false;
		$phpmailer->SMTPAutoTLS = false;
		$phpmailer->Timeout     = 10;
	}
);
add_action(
	'wp_mail_failed',
	static function ( $error ) {
		error_log( 'taa-e2e: wp_mail failed: ' . $error->get_error_message() );
	}
);
`;

// ---------------------------------------------------------------------------------------------
// The site

async function startSite(tmp) {
  const wpDir = join(tmp, 'wordpress');
  const dataDir = join(tmp, 'mysql');
  const socket = join(tmp, 'mysqld.sock');
  const dbUser = userInfo().username;

  // The package links into /usr/share/php and /usr/share/javascript: copy the files themselves.
  run('cp', ['-aL', coreDir, wpDir]);
  phase('copy WordPress');

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
  await waitFor('MariaDB', () => {
    if (mariadb.exitCode !== null) throw new Error(`mariadbd exited:\n${mariadb.output()}`);
    return socketAccepts(socket);
  });
  phase('start MariaDB');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const salt = () => randomBytes(32).toString('hex');
  const php = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  // The package's wp-config.php reads /etc/wordpress; the copy gets its own.
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
  writeFileSync(
    join(wpDir, 'wp-config.php'),
    `<?php
require __DIR__ . '/wp-config-db.php';
${[
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
]
  .map((key) => `define( '${key}', '${salt()}' );`)
  .join('\n')}
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
define( 'WP_DEBUG_LOG', ${php(join(tmp, 'debug.log'))} );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );

  // Install WordPress and the plugin, through WordPress's own upgrader.
  const zipCopy = join(tmp, `${slug}-wordpress.zip`);
  writeFileSync(zipCopy, readFileSync(zipPath));
  const install = JSON.parse(run('php', [join(e2eDir, 'install.php'), wpDir, zipCopy]));
  phase('install WordPress and the plugin');

  const mail = await startMailCatcher();
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
  await waitFor('the web server', async () => {
    if (server.exitCode !== null) throw new Error(`php -S exited:\n${server.output()}`);
    return (await fetch(`${url}/wp-login.php`)).ok;
  });

  const content = JSON.parse(run('php', [join(e2eDir, 'content.php'), wpDir]));
  phase('publish pages');
  return {url, install, content, mail, debugLog: join(tmp, 'debug.log'), wpDir};
}

// ---------------------------------------------------------------------------------------------
// In the browser

/** What a visitor's browser shows for every <therapist-attachment-article> on the page. */
function readArticles() {
  return [...document.querySelectorAll('therapist-attachment-article')].map((el) => {
    const root = el.shadowRoot;
    const title = root?.querySelector('[part~="title"]');
    const link = root?.querySelector('slot[name="cta"] a[part~="cta-button"]');
    const label = link?.cloneNode(true);
    label?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    const article = root?.querySelector('[part~="article"]');
    const form = root?.querySelector('form[part~="form"]');
    return {
      attributes: Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)])),
      shadow: Boolean(root),
      title: title ? {tag: title.tagName.toLowerCase(), text: title.textContent.trim()} : null,
      link: link
        ? {
            href: link.getAttribute('href'),
            label: label.textContent.trim(),
            target: link.getAttribute('target'),
            rel: link.getAttribute('rel'),
          }
        : null,
      form: form
        ? {
            fields: [...form.querySelectorAll('input, textarea')].map((f) => f.name),
            button: form.querySelector('[part~="form-button"]')?.textContent.trim(),
          }
        : null,
      background: article ? getComputedStyle(article).backgroundColor : null,
      paragraphs: root ? root.querySelectorAll('[part~="paragraph"]').length : 0,
      // Light-DOM content that no slot takes has no box once the shadow root is there.
      fallbackShown: el.firstElementChild
        ? el.firstElementChild.getClientRects().length > 0
        : false,
    };
  });
}

function readScripts() {
  const scripts = [...document.querySelectorAll('script[src*="therapist-attachment-article.js"]')];
  const articles = [...document.querySelectorAll('therapist-attachment-article')];
  return scripts.map((script) => ({
    src: script.getAttribute('src'),
    type: script.getAttribute('type'),
    // In the footer: after every element on the page.
    afterArticles: articles.every(
      (el) => el.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING,
    ),
    inHead: document.head.contains(script),
  }));
}

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

async function checkPages(site) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const origin = new URL(site.url).origin;
  const external = new Set();
  const requests = [];
  const problems = [];
  try {
    const context = await browser.newContext({viewport: {width: 1000, height: 800}});
    // Record every request; those for another host are answered here, never sent.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
      external.add(url);
      return route.abort('blockedbyclient');
    });
    const scriptResponses = [];
    context.on('response', (response) => {
      if (response.url().includes(`/${slug}/assets/${slug}.js`)) {
        scriptResponses.push({url: response.url(), status: response.status()});
      }
    });

    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs every non-2xx answer; the contact route's 422 and 429 are asked for and
      // checked by checkContactForm().
      const refusal =
        /status of (422|429)\b/.test(message.text()) &&
        message.location().url?.includes(CONTACT_PATH.slice(1));
      if (!refusal) problems.push(`console error: ${message.text()}`);
    });

    async function visit(key, description) {
      const entry = typeof key === 'string' ? site.content.pages[key] : key;
      console.log(`\n${description}  (${entry.link})`);
      const response = await page.goto(entry.link, {waitUntil: 'load'});
      check('the page loads', response?.status() === 200, `HTTP ${response?.status()}`);
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('therapist-attachment-article')].every((el) =>
              el.shadowRoot?.querySelector('[part~="title"]'),
            ),
          undefined,
          {timeout: 10_000},
        )
        .catch(() => {});
      return {
        articles: await page.evaluate(readArticles),
        scripts: await page.evaluate(readScripts),
      };
    }

    function checkScriptOnce(scripts) {
      checkEqual('its script is on the page exactly once', scripts.length, 1);
      const [script] = scripts;
      if (!script) return;
      const src = new URL(script.src, site.url);
      checkEqual(
        'the script comes from the plugin on this site, versioned',
        `${src.origin}${src.pathname}?${src.searchParams}`,
        `${origin}/wp-content/plugins/${slug}/assets/${slug}.js?ver=${site.install.pluginVersion}`,
      );
      check(
        'it is a classic script in the footer',
        !script.inHead && script.afterArticles && script.type !== 'module',
        JSON.stringify(script),
      );
    }

    function checkArticle(article, expected) {
      check(
        'the element upgrades and renders the article in its shadow root',
        article.shadow && article.paragraphs > 5,
      );
      checkEqual('title', article.title?.text, TITLE);
      checkEqual('heading level', article.title?.tag, `h${expected.level}`);
      if (expected.form) {
        checkEqual(
          'the contact form takes the place of the button',
          [article.link, article.form?.fields, article.form?.button],
          [null, ['name', 'email', 'phone', 'message', '_gotcha'], 'Send message'],
        );
      } else {
        checkEqual('no contact form', article.form, null);
        checkEqual('call-to-action link', article.link?.href, expected.href);
        checkEqual('call-to-action label', article.link?.label, expected.label);
        checkEqual('call-to-action target', article.link?.target, expected.target);
        if (expected.target === '_blank')
          checkEqual('a new tab gets rel', article.link?.rel, 'noopener noreferrer');
      }
      checkEqual('theme attribute', article.attributes.theme ?? null, expected.theme);
      check(
        expected.theme
          ? 'the theme gives the article its own background'
          : 'without a theme it blends in (transparent)',
        expected.theme ? article.background !== TRANSPARENT : article.background === TRANSPARENT,
        `background ${article.background}`,
      );
      check('the fallback text is not shown once upgraded', !article.fallbackShown);
    }

    // (a) The shortcode, saved by the Administrator.
    let seen = await visit('shortcode', 'Shortcode page');
    checkEqual('one article on the page', seen.articles.length, 1);
    checkArticle(seen.articles[0], {
      level: 3,
      href: '/contact',
      label: 'Book a consult',
      target: '_self',
      theme: 'dark',
    });
    checkEqual('the element carries exactly the given settings', seen.articles[0].attributes, {
      'heading-level': '3',
      'cta-href': '/contact',
      'cta-label': 'Book a consult',
      theme: 'dark',
    });
    checkScriptOnce(seen.scripts);
    await page.screenshot({path: join(screenshotDir, 'shortcode.png')});

    // The same shortcode three times and a block on one page: one script.
    seen = await visit('repeated', 'Page with the shortcode three times and the block');
    checkEqual('four articles on the page', seen.articles.length, 4);
    seen.articles
      .slice(0, 3)
      .forEach((article, i) =>
        checkEqual(
          `shortcode ${i + 1} renders with its settings`,
          [article.title?.tag, article.attributes.theme],
          ['h3', 'dark'],
        ),
      );
    checkEqual(
      'the block renders with its settings',
      [seen.articles[3]?.title?.tag, seen.articles[3]?.attributes.theme],
      ['h2', 'light'],
    );
    checkEqual(
      'the shortcodes (form="off") show the button, the block (form by default) the form',
      seen.articles.map((article) => [Boolean(article.link), Boolean(article.form)]),
      [
        [true, false],
        [true, false],
        [true, false],
        [false, true],
      ],
    );
    checkScriptOnce(seen.scripts);

    // (b) The block, saved by the Administrator.
    seen = await visit('admin_block', 'Block saved by the Administrator');
    checkEqual('one article on the page', seen.articles.length, 1);
    checkArticle(seen.articles[0], {
      level: 4,
      href: 'https://example.com/book?x=1&y=2',
      label: 'Schedule a session',
      target: '_blank',
      theme: 'light',
    });
    check(
      'the block carries its class names (align wide)',
      /\bwp-block-therapist-attachment-article-article\b/.test(seen.articles[0].attributes.class) &&
        /\balignwide\b/.test(seen.articles[0].attributes.class),
      seen.articles[0].attributes.class,
    );
    checkScriptOnce(seen.scripts);
    await page.screenshot({path: join(screenshotDir, 'admin-block.png')});

    // (c) The block, saved by the Author, whose pasted <script> and custom tag WordPress strips.
    const authorBlock = site.content.pages.author_block;
    console.log('\nWhat the Author saved, as stored');
    checkEqual('the Author lacks unfiltered_html', site.content.author_unfiltered_html, false);
    checkEqual(
      "WordPress's KSES filter is on for the Author's content",
      site.content.author_kses_active,
      true,
    );
    checkEqual(
      'the Author may not publish pages (so the Author saves posts)',
      site.content.author_page_attempt,
      403,
    );
    checkEqual('the Author publishes the post', authorBlock.status, 201);
    check(
      'the block survives in the stored post',
      authorBlock.stored.includes(`<!-- wp:${slug}/article {`),
      authorBlock.stored,
    );
    check(
      'the pasted <script> is stripped',
      !/<script/i.test(authorBlock.stored),
      authorBlock.stored,
    );
    check(
      'the pasted <therapist-attachment-article> tag is stripped',
      !/<therapist-attachment-article/i.test(authorBlock.stored),
      authorBlock.stored,
    );

    seen = await visit('author_block', 'Block saved by the Author');
    checkEqual('one article on the page (the pasted tag is gone)', seen.articles.length, 1);
    checkArticle(seen.articles[0], {
      level: 3,
      href: 'mailto:hello@example.com?subject=Consultation',
      label: 'Email Emily',
      target: '_top',
      theme: 'auto',
    });
    checkEqual(
      'the pasted script did not run',
      await page.evaluate(() => window.taaPastedScriptRan ?? false),
      false,
    );
    checkScriptOnce(seen.scripts);

    seen = await visit('author_shortcode', 'Shortcode saved by the Author');
    checkEqual('one article on the page', seen.articles.length, 1);
    checkArticle(seen.articles[0], {
      level: 2,
      href: 'tel:+15551234567',
      label: 'Call us',
      target: '_self',
      theme: null,
    });
    checkScriptOnce(seen.scripts);

    // Hostile values fall back to the defaults: the element's, and the plugin's contact form.
    seen = await visit('hostile', 'Shortcode with hostile values');
    checkEqual(
      'the element gets no attribute but the contact form on this site',
      seen.articles[0]?.attributes,
      {'form-action': CONTACT_PATH},
    );
    checkArticle(seen.articles[0], {level: 2, theme: null, form: true});
    checkScriptOnce(seen.scripts);

    // A form posting to a form service instead (not sent to here: other hosts are blocked).
    seen = await visit('custom_action', 'Contact form to a form service');
    checkEqual('the element gets the given endpoint and encoding', seen.articles[0]?.attributes, {
      'form-action': 'https://forms.example.com/f/abc123',
      'form-encoding': 'urlencoded',
    });
    checkArticle(seen.articles[0], {level: 2, theme: null, form: true});

    // The contact form with no set-up: a visitor writes, the site's admin receives it.
    await checkContactForm({page, site, visit, checkArticle, checkScriptOnce});

    // The block editor: the Author logs in, places the block and sets it up in the sidebar.
    const written = await writeInEditor(browser, site, origin);
    seen = await visit(written, 'Block placed in the editor by the Author');
    checkEqual('one article on the page', seen.articles.length, 1);
    checkArticle(seen.articles[0], {
      level: 5,
      href: '/book',
      label: 'Book now',
      target: '_blank',
      theme: 'dark',
    });
    checkScriptOnce(seen.scripts);

    // Pages that do not use the article do not load it.
    seen = await visit('plain', 'Page without the article');
    checkEqual('no article', seen.articles.length, 0);
    checkEqual('no script of the plugin', seen.scripts.length, 0);
    const front = await page.goto(site.url, {waitUntil: 'load'});
    checkEqual(
      'the front page does not load it either',
      [front?.status(), (await page.evaluate(readScripts)).length],
      [200, 0],
    );

    // Before the script runs (or without JavaScript), the element shows the title as text.
    const noScript = await browser.newContext({javaScriptEnabled: false});
    await noScript.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    const plainPage = await noScript.newPage();
    await plainPage.goto(site.content.pages.shortcode.link);
    checkEqual(
      'without JavaScript the title shows as plain text',
      await plainPage.evaluate(() =>
        document.querySelector('therapist-attachment-article')?.innerText.trim(),
      ),
      TITLE,
    );
    await noScript.close();

    console.log('\nThe whole run');
    checkEqual(
      'the script was served with HTTP 200',
      [...new Set(scriptResponses.map((r) => r.status))],
      [200],
    );
    checkEqual('no errors, dialogs or failed scripts in the pages', problems, []);
    const pluginExternal = [...external].filter((u) => u.includes(slug));
    checkEqual('the plugin made no request to another host', pluginExternal, []);
    return {requests: requests.length, external: [...external]};
  } finally {
    await browser.close();
  }
}

/**
 * A visitor writes through the contact form on a page with the bare shortcode: WordPress refuses
 * an address the browser accepted (422, shown on the field), then sends the corrected message to
 * the site's admin; the mail catcher must hold it exactly once, and a retry of the same
 * submission must not send it again. Then, through fetch() from the page: the form-encoded body,
 * the honeypot and the rate limit.
 */
async function checkContactForm({page, site, visit, checkArticle, checkScriptOnce}) {
  const {messages} = site.mail;
  const seen = await visit('contact', 'Contact form with no set-up (the bare shortcode)');
  checkEqual(
    "the element posts to the plugin's route, as a path on this site",
    seen.articles[0]?.attributes,
    {'form-action': CONTACT_PATH},
  );
  checkArticle(seen.articles[0], {level: 2, theme: null, form: true});
  checkScriptOnce(seen.scripts);

  const visitor = {
    name: 'Jo Visitor',
    email: 'jo@example.org',
    phone: '+1 (555) 123-4567',
    message: 'Hello Emily,\n\nI would like to book a first session. Café ☕ <3',
  };
  await page.evaluate(() => {
    window.taaEvents = [];
    for (const type of ['submit', 'sent', 'failed']) {
      document.addEventListener(`therapist-article-form-${type}`, (event) =>
        window.taaEvents.push({
          type,
          submissionId: event.detail.submissionId,
          ...event.detail,
          fields: undefined,
        }),
      );
    }
  });
  const events = () => page.evaluate(() => window.taaEvents);
  const article = page.locator('therapist-attachment-article');
  const send = article.getByRole('button', {name: 'Send message'});

  // Like a person: type into the labelled fields, press the button. The browser takes
  // jo@localhost as an email address; WordPress's is_email() does not.
  await article.getByLabel('Name').fill(visitor.name);
  await article.getByLabel('Email').fill('jo@localhost');
  await article.getByLabel('Phone').fill(visitor.phone);
  await article.getByLabel('Message').fill(visitor.message);
  await send.click();
  await page.waitForFunction(() => window.taaEvents.some((e) => e.type === 'failed'), undefined, {
    timeout: 10_000,
  });
  const refused = (await events()).find((e) => e.type === 'failed');
  checkEqual(
    "WordPress's refusal (422) reaches the element as a field error",
    [refused?.reason, refused?.status],
    ['invalid', 422],
  );
  checkEqual(
    'the email field shows the error and is marked invalid',
    await article
      .locator('#email')
      .evaluate((input) => [
        input.getAttribute('aria-invalid'),
        input.getRootNode().getElementById('email-error').textContent.trim(),
        input.matches(':focus'),
      ]),
    ['true', 'Please enter an email address, like name@example.com.', true],
  );
  checkEqual('nothing was mailed', messages.length, 0);

  await article.getByLabel('Email').fill(visitor.email);
  await send.click();
  await page.waitForFunction(() => window.taaEvents.some((e) => e.type === 'sent'), undefined, {
    timeout: 15_000,
  });
  const sent = (await events()).find((e) => e.type === 'sent');
  checkEqual('the message is sent (HTTP 200)', sent?.status, 200);
  check(
    'with a UUID as its submission id',
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(
      sent?.submissionId,
    ),
    sent?.submissionId,
  );
  const status = article.locator('[part~="form-status"]');
  checkEqual(
    'the visitor sees that it was sent',
    (await status.textContent()).trim(),
    'Thank you, your message was sent. We’ll reply to the email address you gave.',
  );
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({path: join(screenshotDir, 'contact-sent.png')});

  checkEqual('exactly one mail arrived', messages.length, 1);
  const [mail] = messages;
  const admin = site.content.admin_email;
  checkEqual('it went to the admin address only (SMTP envelope)', mail?.to, [admin]);
  checkEqual(
    'To, Reply-To, Subject and type',
    mail && [
      mail.headers.to,
      mail.headers['reply-to'],
      mail.headers.subject,
      mail.headers['content-type'],
      mail.headers.cc ?? null,
      mail.headers.bcc ?? null,
    ],
    [
      [admin],
      [visitor.email],
      [`[${site.content.site_title}] Message from ${visitor.name}`],
      ['text/plain; charset=UTF-8'],
      null,
      null,
    ],
  );
  checkEqual(
    'the body holds what the visitor wrote, as plain text',
    mail?.body.split('\n-- \n')[0],
    `Name: ${visitor.name}\nEmail: ${visitor.email}\nPhone: ${visitor.phone}\n\nMessage:\n${visitor.message}\n`,
  );
  check(
    'and names the page it came from',
    mail?.body.includes(`article on ${site.content.pages.contact.link}\n`),
    mail?.body,
  );

  // The rest through fetch() from the page, as the element would send it.
  const post = (body, encoding = 'json') =>
    page.evaluate(
      async ({action, body, encoding}) => {
        const response = await fetch(action, {
          method: 'POST',
          headers: {
            'Content-Type':
              encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: encoding === 'json' ? JSON.stringify(body) : new URLSearchParams(body),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get('Retry-After'),
          body: await response.json(),
        };
      },
      {action: CONTACT_PATH, body, encoding},
    );
  const ok = {status: 200, retryAfter: null, body: {sent: true}};

  checkEqual(
    'a retry of the same submission is answered as sent',
    await post({...visitor, submissionId: sent?.submissionId, _gotcha: ''}),
    ok,
  );
  checkEqual('and sends nothing more: still one mail', messages.length, 1);

  const other = {
    name: 'Sam',
    email: 'sam@example.net',
    message: 'Sent form-encoded.',
    submissionId: 'e2e-urlencoded-0001',
    _gotcha: '',
  };
  checkEqual('a form-encoded message is sent', await post(other, 'urlencoded'), ok);
  checkEqual(
    'and arrives, replying to its sender',
    [
      messages.length,
      messages[1]?.headers['reply-to'],
      messages[1]?.body.includes('Sent form-encoded.'),
    ],
    [2, ['sam@example.net'], true],
  );

  checkEqual(
    'a filled honeypot is answered as sent',
    await post({...other, submissionId: 'e2e-honeypot-0001', _gotcha: 'https://spam.example'}),
    ok,
  );
  checkEqual('but nothing is mailed', messages.length, 2);

  const more = [];
  for (let i = 3; i <= 5; i++) {
    more.push((await post({...other, submissionId: `e2e-limit-000${i}`})).status);
  }
  const limited = await post({...other, submissionId: 'e2e-limit-0006'});
  checkEqual(
    'five messages from one address pass, the sixth gets 429',
    [...more, limited.status, limited.body.code],
    [200, 200, 200, 429, 'therapist_attachment_article_rate_limited'],
  );
  check(
    'with Retry-After (at most 10 minutes)',
    Number(limited.retryAfter) > 0 && Number(limited.retryAfter) <= 600,
    limited.retryAfter,
  );
  checkEqual('five mails in all', messages.length, 5);
}

/**
 * Logs in as the Author, adds the block in the block editor, sets every setting through its
 * sidebar controls, and publishes. Returns {link} of the published post.
 */
async function writeInEditor(browser, site, origin) {
  console.log('\nThe block editor, as the Author');
  const context = await browser.newContext({viewport: {width: 1400, height: 1000}});
  const external = new Set();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
    external.add(url.length > 120 ? `${url.slice(0, 120)}…` : url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${site.url}/wp-login.php`);
    await page.fill('#user_login', 'author');
    await page.fill('#user_pass', 'author-password');
    await Promise.all([page.waitForURL('**/wp-admin/**'), page.click('#wp-submit')]);

    await page.goto(`${site.url}/wp-admin/post-new.php`);
    const name = `${slug}/article`;
    await page.waitForFunction((n) => window.wp?.blocks?.getBlockType(n), name, {timeout: 30_000});
    const type = await page.evaluate((n) => {
      const t = window.wp.blocks.getBlockType(n);
      return {title: t.title, attributes: Object.keys(t.attributes).sort()};
    }, name);
    checkEqual('the editor knows the block', type.title, 'Therapist Attachment Article');
    check(
      'with the attributes of block.json',
      [
        'ctaHref',
        'ctaLabel',
        'ctaTarget',
        'headingLevel',
        'theme',
        'showForm',
        'formAction',
        'formEncoding',
      ].every((a) => type.attributes.includes(a)),
      type.attributes.join(),
    );

    // Add the block and show its settings, as the inserter would.
    await page.evaluate((n) => {
      const {dispatch} = window.wp.data;
      dispatch('core/edit-post').toggleFeature?.('welcomeGuide');
      const block = window.wp.blocks.createBlock(n);
      dispatch('core/block-editor').insertBlocks(block);
      dispatch('core/block-editor').selectBlock(block.clientId);
      dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      dispatch('core/editor').editPost({title: 'Placed in the editor by the Author'});
    }, name);
    const guide = page.locator('.edit-post-welcome-guide');
    if (await guide.isVisible().catch(() => false)) await page.keyboard.press('Escape');

    const sidebar = page.locator('.interface-complementary-area');
    const card = page.locator(`[data-type="${name}"]`);
    // The contact form is on for a new block, and the button's settings are hidden.
    const toggle = sidebar.getByLabel('Show a contact form');
    checkEqual(
      'a new block has the contact form on, sending to the admin',
      [
        await toggle.isChecked(),
        await sidebar.getByLabel('Button link').count(),
        (await card.innerText()).includes('Contact form → the site’s admin email address'),
      ],
      [true, 0, true],
    );
    await page.screenshot({path: join(screenshotDir, 'editor-form.png')});
    await toggle.uncheck();
    await sidebar.getByLabel('Button link').fill('/book');
    await sidebar.getByLabel('Button text').fill('Book now');
    await sidebar.getByLabel('Open the link in').selectOption('_blank');
    await sidebar.getByLabel('Look').selectOption('dark');
    await sidebar.getByLabel('Heading level of the title').selectOption('5');
    await page.screenshot({path: join(screenshotDir, 'editor.png')});
    check(
      'the editor shows the block as a card with its settings',
      (await card.innerText()).includes('“Book now” → /book'),
      await card.innerText(),
    );

    const saved = await page.evaluate(async () => {
      const {dispatch, select} = window.wp.data;
      dispatch('core/editor').editPost({status: 'publish'});
      await dispatch('core/editor').savePost();
      const editor = select('core/editor');
      return {
        published: editor.isCurrentPostPublished(),
        content: editor.getCurrentPostAttribute('content'),
        link: editor.getPermalink(),
      };
    });
    check('the Author publishes the post from the editor', saved.published, JSON.stringify(saved));
    const comment = /<!-- wp:therapist-attachment-article\/article (\{.*?\}) \/-->/.exec(
      saved.content,
    );
    checkEqual(
      'the post holds only the block comment with its settings',
      comment && [saved.content.trim() === comment[0], sortKeys(JSON.parse(comment[1]))],
      [
        true,
        sortKeys({
          ctaHref: '/book',
          ctaLabel: 'Book now',
          ctaTarget: '_blank',
          theme: 'dark',
          headingLevel: 5,
          showForm: false,
        }),
      ],
    );
    checkEqual('no script error in the editor', errors, []);
    if (external.size) {
      console.log(
        `  The editor (WordPress's admin, not the plugin) asked for other hosts, blocked:\n    ${[...external].join('\n    ')}`,
      );
    }
    return {link: saved.link};
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

let tmp;
let onInterrupt;
// Ctrl-C: stop what was started and remove the temporary folder before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (onInterrupt) return onInterrupt();
    Promise.all(children.map((child) => stop(child, 3000))).then(() => {
      if (tmp) rmSync(tmp, {recursive: true, force: true});
      process.exit(130);
    });
  });
}

async function main() {
  ensurePackages(PACKAGES);
  if (!existsSync(zipPath)) {
    throw new Error(`${zipPath} is missing: run \`npm run build:wordpress\` first.`);
  }
  phase('packages');

  // The zip WordPress will receive: one top folder, named after the plugin.
  console.log('The zip');
  const entries = Object.keys(unzipSync(readFileSync(zipPath)));
  check(
    `everything is inside ${slug}/`,
    entries.every((e) => e.startsWith(`${slug}/`) && !e.includes('..')),
    entries.join(', '),
  );
  for (const file of [
    'therapist-attachment-article.php',
    'readme.txt',
    'block/block.json',
    'block/index.js',
    'includes/contact.php',
    `assets/${slug}.js`,
  ]) {
    check(`it holds ${file}`, entries.includes(`${slug}/${file}`));
  }
  checkEqual(
    'and no test code (the mail catcher and its mu-plugin belong to this test only)',
    entries.filter((e) => /(^|\/)(e2e|tests?|mu-plugins)\/|taa-e2e/.test(e)),
    [],
  );

  mkdirSync(screenshotDir, {recursive: true});
  tmp = mkdtempSync(join(tmpdir(), 'taa-wordpress-'));
  let site;
  try {
    site = await startSite(tmp);
    const {install} = site;
    install.pluginVersion = /^\s*\*\s*Version:\s*(\S+)/m.exec(
      readFileSync(join(site.wpDir, 'wp-content', 'plugins', slug, `${slug}.php`), 'utf8'),
    )?.[1];
    console.log(
      `\nWordPress ${install.wp_version}, PHP ${install.php_version}, theme ${install.theme}, plugin ${install.pluginVersion}`,
    );
    checkEqual(
      'WordPress installs the zip (Upload Plugin)',
      [install.install, install.skin_errors],
      [true, []],
    );
    checkEqual('the plugin activates', install.activated, true);
    checkEqual('the Author account exists', typeof install.author_id, 'number');
    for (const [key, entry] of Object.entries(site.content.pages)) {
      if (entry.status !== 201) check(`page "${key}" is published`, false, JSON.stringify(entry));
    }

    const seen = await checkPages(site);
    phase('browser checks');

    const log = existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8') : '';
    const pluginLines = log.split('\n').filter((line) => line.includes(slug));
    checkEqual('PHP logged no notice, warning or error from the plugin', pluginLines, []);
    checkEqual(
      'wp_mail() never failed (the test mu-plugin logs failures)',
      log.split('\n').filter((line) => line.includes('taa-e2e:')),
      [],
    );

    console.log(`\nRequests: ${seen.requests} in all.`);
    console.log(
      seen.external.length === 0
        ? 'No request left 127.0.0.1.'
        : `Requests for other hosts (blocked; from WordPress or its theme, not the plugin):\n  ${seen.external.join('\n  ')}`,
    );
    const otherNotices = [
      ...new Set(
        log
          .split('\n')
          .filter((line) => /PHP (Notice|Warning|Deprecated|Fatal)/.test(line))
          .map((line) => line.replace(/^\[[^\]]*\] /, '')),
      ),
    ];
    if (otherNotices.length) {
      console.log(
        `PHP's log holds ${otherNotices.length} distinct messages from WordPress itself (none from the plugin):`,
      );
      for (const line of otherNotices) console.log(`  ${line.slice(0, 160)}`);
    }

    if (process.env.WP_E2E_KEEP) {
      console.log(
        `\nWP_E2E_KEEP: the site stays up at ${site.url} (admin / admin-password, author / author-password). Ctrl-C ends it.`,
      );
      await new Promise((resolve) => (onInterrupt = resolve));
    }
  } finally {
    await Promise.all(children.map((child) => stop(child)));
    for (const server of servers) server.close();
    rmSync(tmp, {recursive: true, force: true});
    phase('clean up');
  }
}

let fatal;
try {
  await main();
} catch (error) {
  fatal = error;
  console.error(`\n${error.stack ?? error}`);
  results.push({name: 'the run completes', ok: false});
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(
  `\nTimings: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || fatal ? 1 : 0);
