// Every visitor's message reaches the practice exactly once, and only the practice, on a real
// WordPress: endpoints chosen by users without unfiltered_html (a synced pattern, a commenter's
// shortcode, a post whose authorship an Administrator took over) never reach the page; the
// allow-list is by address, not host; parallel posts of one submission send one mail; with mail
// broken, the message is kept encrypted (not in a database dump), shown to administrators, and
// delivered once when mail works again; the form posted without JavaScript delivers once, with
// nothing in any URL; the settings' test message sends; Site Health reports a broken mailer.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {execFile} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {request} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {launchBrowser, localContext} from './support/browser.mjs';
import {CONTACT_PATH, postContact} from './support/contact.mjs';
import {run} from './support/processes.mjs';
import {root, slug, useSite} from './support/site.mjs';

const helper = join(root, 'wordpress', 'e2e', 'delivery.php');
const until = async (test, ms = 5000) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

/** The `form-action` of every article on a page, as the server sent it. */
async function formActions(link) {
  const html = await (await fetch(link)).text();
  return [...html.matchAll(/<therapist-attachment-article\b[^>]*>/g)].map(
    ([tag]) => /\bform-action="([^"]*)"/.exec(tag)?.[1] ?? null,
  );
}

describe('Delivery on WordPress: only the practice, exactly once, even when mail is broken', () => {
  const site = useSite();
  const step = (name, arg = '') => JSON.parse(run('php', [helper, site.wpDir, name, arg]));
  // For steps that send mail: the mail catcher runs in this process and must go on answering.
  const mailingStep = (name, arg = '') =>
    new Promise((resolve, reject) =>
      execFile('php', [helper, site.wpDir, name, arg], (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      ),
    );
  const mails = () => site.mail.messages.length;

  before(() => {
    // The test site's own switches: shortcodes in comments (as some sites run them), and a
    // mail server that refuses connections (as on shared hosting without SMTP).
    writeFileSync(
      join(site.wpDir, 'wp-content', 'mu-plugins', 'taa-e2e-delivery.php'),
      `<?php
add_filter( 'comment_text', 'do_shortcode', 11 );
// Requests of the tests may say which visitor's address they stand for.
add_filter(
	'therapist_attachment_article_contact_client_ip',
	static function ( $ip ) {
		return isset( $_SERVER['HTTP_X_TEST_IP'] ) ? $_SERVER['HTTP_X_TEST_IP'] : $ip;
	}
);
add_action(
	'phpmailer_init',
	static function ( $phpmailer ) {
		if ( get_option( 'taa_e2e_break_mail' ) ) {
			$phpmailer->Port = 9; // Nothing listens there: the connection is refused.
		}
	},
	20
);
`,
    );
  });

  describe('where messages go is decided when content is saved', () => {
    it('an Author’s synced pattern, inserted by an Administrator, posts to the site', async () => {
      const {stored, link} = step('pattern');
      assert.doesNotMatch(stored, /formAction|evil/, 'removed when the Author saved');
      // The pattern now holds the endpoint in the database (as if saved before this rule):
      // judged by its own author, it still posts to the site's route.
      assert.deepEqual(await formActions(link), [CONTACT_PATH]);
    });

    it('a commenter’s shortcode posts to the site', async () => {
      const {stored, rawStored, link} = await mailingStep('comment');
      assert.doesNotMatch(stored, /form_action/, 'removed from the comment as it was saved');
      assert.match(rawStored, /form_action/, 'this one reached the database unfiltered');
      const actions = await formActions(link);
      assert.equal(actions.length, 2, 'both comments show the article');
      assert.deepEqual(actions, [CONTACT_PATH, CONTACT_PATH]);
    });

    it('an Author’s post whose authorship an Administrator took over posts to the site', async () => {
      const {stored, author, link} = step('reassign');
      assert.equal(author, 'admin');
      assert.doesNotMatch(stored, /formAction/);
      assert.deepEqual(await formActions(link), [CONTACT_PATH]);
    });

    it('an allowed address is honoured, a sibling path on the same host is not', async () => {
      const {allowed, sibling} = step('allow');
      assert.match(allowed.stored, /formspree\.io\/f\/abc123/);
      assert.deepEqual(await formActions(allowed.link), ['https://formspree.io/f/abc123']);
      assert.doesNotMatch(sibling.stored, /formAction/);
      assert.deepEqual(await formActions(sibling.link), [CONTACT_PATH]);
    });
  });

  describe('exactly once', () => {
    it('one submission posted 4 times in parallel, 3 trials: one mail each', async () => {
      for (let trial = 0; trial < 3; trial++) {
        const before = mails();
        const body = {
          name: 'Parallel Visitor',
          email: `parallel${trial}@example.org`,
          message: `Trial ${trial}`,
          submissionId: randomUUID(),
        };
        const headers = {'X-Test-IP': `198.51.100.${trial + 1}`};
        const answers = await Promise.all(
          [0, 1, 2, 3].map(() => postContact(site, body, {headers})),
        );
        const statuses = answers.map((a) => a.status).sort();
        assert.ok(statuses.includes(200), `one was sent: ${statuses}`);
        assert.ok(
          statuses.every((s) => s === 200 || s === 409),
          `the others: sent already or being sent: ${statuses}`,
        );
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(mails(), before + 1, `trial ${trial}: ${statuses}`);
        // And the same id with another text is refused.
        const other = await postContact(site, {...body, message: 'Something else'}, {headers});
        assert.equal(other.status, 409);
        assert.equal(mails(), before + 1);
      }
    });

    it('7 different messages from one address at once: the limit of 5 holds exactly', async () => {
      const before = mails();
      const answers = await Promise.all(
        [1, 2, 3, 4, 5, 6, 7].map((n) =>
          postContact(
            site,
            {
              name: 'Flood',
              email: 'flood@example.org',
              message: `Flood ${n}`,
              submissionId: randomUUID(),
            },
            {headers: {'X-Test-IP': '203.0.113.9'}},
          ),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      await until(() => mails() >= before + 5);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(mails(), before + 5);
    });
  });

  describe('without JavaScript, the form posts to the site', () => {
    const typed = 'Hello, I typed this 100% & <b>no</b> JS\nSecond line';
    const fields = {
      name: 'No Script',
      email: 'noscript@example.org',
      phone: '',
      message: typed,
    };
    let page;
    before(() => {
      page = site.content.pages.contact.link;
    });
    /**
     * The form, posted as a browser does: a navigation, urlencoded, no submissionId. Through
     * node:http, since fetch() writes its own Sec-Fetch-Mode (cors). Returns {status, headers, text}.
     */
    const navigate = (body, headers = {}) =>
      new Promise((resolve, reject) => {
        const data = new URLSearchParams({...body, _gotcha: ''}).toString();
        const req = request(
          `${site.url}${CONTACT_PATH}`,
          {
            method: 'POST',
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': Buffer.byteLength(data),
              Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
              'Sec-Fetch-Mode': 'navigate',
              'Sec-Fetch-Site': 'same-origin',
              'Sec-Fetch-Dest': 'document',
              Origin: site.origin,
              Referer: page,
              ...headers,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({status: res.statusCode, headers: res.headers, text}));
          },
        );
        req.on('error', reject);
        req.end(data);
      });

    it('is delivered once exactly as typed, with nothing in any URL, and nothing on reload', async () => {
      const before = mails();
      const response = await navigate(fields);
      assert.equal(response.status, 303);
      const location = new URL(response.headers.location, site.url);
      assert.equal(location.searchParams.get('taa-contact'), 'sent');
      for (const secret of ['No Script', 'noscript', 'typed', 'Second'])
        assert.ok(
          !location.href.includes(secret) && !location.href.includes(encodeURIComponent(secret)),
          location.href,
        );
      assert.equal(
        location.origin + location.pathname,
        new URL(page).origin + new URL(page).pathname,
      );
      await until(() => mails() > before);
      assert.equal(mails(), before + 1);
      assert.ok(site.mail.messages.at(-1).body.includes(typed), 'exactly as typed');
      // The page it comes back to says so, above the article (outside its shadow root).
      const html = await (await fetch(location)).text();
      const at = html.indexOf('therapist-attachment-article-result');
      assert.ok(at > 0, 'the page shows the result');
      assert.match(
        html.slice(at - 10, at + 300),
        /<p id="therapist-attachment-article-result" class="therapist-attachment-article-result" role="status">Thank you, your message was sent\./,
      );
      // Reload: a GET, nothing sent. Back and Send again: the same message, nothing sent.
      await fetch(location);
      assert.equal((await navigate(fields)).status, 303);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(mails(), before + 1);
    });

    it('in a browser with JavaScript off, the pre-rendered form sends once, exactly as typed, and the page says so', async () => {
      const browser = await launchBrowser();
      try {
        const {context, requests} = await localContext(browser, site, {javaScriptEnabled: false});
        const tab = await context.newPage();
        await tab.goto(page);
        const secret = `Written without JavaScript ${randomUUID()}`;
        const typedFields = {name: 'Off Script', email: 'offscript@example.org', message: secret};
        for (const [name, value] of Object.entries(typedFields)) {
          await tab.type(`therapist-attachment-article >>> [name="${name}"]`, value);
        }
        const before = mails();
        await Promise.all([
          tab.waitForNavigation(),
          tab.click('therapist-attachment-article >>> [part~="form-button"]'),
        ]);
        const landed = new URL(tab.url());
        assert.equal(
          landed.origin + landed.pathname,
          new URL(page).origin + new URL(page).pathname,
        );
        assert.equal(landed.searchParams.get('taa-contact'), 'sent');
        assert.match(
          await tab.$eval('#therapist-attachment-article-result', (n) => n.textContent),
          /Thank you, your message was sent\./,
        );
        await until(() => mails() > before);
        assert.equal(mails(), before + 1);
        assert.ok(site.mail.messages.at(-1).body.includes(secret), 'exactly as typed');
        // No word of it in any address the browser asked for.
        for (const url of requests) {
          for (const word of ['Off', 'offscript', 'Written', secret.slice(-12)]) {
            assert.ok(!url.includes(word), url);
          }
        }
        await tab.reload();
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(mails(), before + 1, 'nothing more on reload');
        await context.close();
      } finally {
        await browser.close();
      }
    });

    it('from another site’s page: refused with a page that says so', async () => {
      const before = mails();
      const response = await navigate(
        {...fields, message: 'cross'},
        {
          'Sec-Fetch-Site': 'cross-site',
          Origin: 'https://evil.example',
          Referer: 'https://evil.example/',
        },
      );
      assert.equal(response.status, 403);
      assert.match(response.headers['content-type'], /^text\/html/);
      assert.match(response.text, /Your message was not sent/);
      assert.equal(mails(), before);
    });
  });

  describe('when mail is broken', () => {
    const secret = `Kept message ${randomUUID()}`;
    it('the visitor is told the truth and the message is kept, unreadable in a database dump', async () => {
      step('mail', 'break');
      const before = mails();
      const answer = await postContact(site, {
        name: 'Kept Visitor',
        email: 'kept@example.org',
        message: secret,
        submissionId: randomUUID(),
      });
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      assert.equal(answer.body.kept, true);
      assert.match(answer.body.message, /received/);
      assert.equal(mails(), before);
      const socket = join(site.wpDir, '..', 'mysqld.sock');
      const dump = run('mariadb-dump', [
        `--socket=${socket}`,
        '--skip-extended-insert',
        'wordpress',
      ]);
      assert.match(dump, /taa_kept_[0-9a-f]{32}/, 'the dump holds the kept message');
      for (const text of [secret, 'Kept Visitor', 'kept@example.org'])
        assert.ok(!dump.includes(text), `"${text}" is not readable in the dump`);
    });

    it('administrators see a notice and the message on their screen; a retry is scheduled', () => {
      const {html, scheduled} = step('admin-screen');
      assert.match(html, /1 message from the article’s contact form could not be emailed/);
      assert.ok(html.includes(secret), 'the message, readable by administrators');
      assert.match(html, /Send again/);
      assert.ok(scheduled > 0, 'WP-Cron will retry');
    });

    it('Site Health reports the broken mailer', () => {
      const health = step('health');
      assert.equal(health.status, 'critical');
      assert.match(health.text, /cannot send email/);
    });

    it('once mail works again, WP-Cron delivers it once and forgets it', async () => {
      step('mail', 'fix');
      const before = mails();
      assert.equal((await mailingStep('retry')).kept, 0);
      await until(() => mails() > before);
      assert.equal(mails(), before + 1);
      assert.ok(site.mail.messages.at(-1).body.includes(secret));
      assert.equal((await mailingStep('retry')).kept, 0);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(mails(), before + 1, 'once');
      const rows = step('rows').rows.map((row) => row.option_name);
      assert.ok(!rows.some((name) => name.startsWith('taa_kept_')), rows.join(', '));
    });
  });

  describe('the settings screen', () => {
    let browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    it('“Send a test message” sends one to the recipient', async () => {
      const {context} = await localContext(browser, site);
      const page = await context.newPage();
      await page.goto(`${site.url}/wp-login.php`);
      await page.locator('#user_login').fill('admin');
      await page.locator('#user_pass').fill('admin-password');
      await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
      await page.goto(`${site.url}/wp-admin/options-general.php?page=${slug}`);
      const before = mails();
      await Promise.all([
        page.waitForNavigation(),
        page.click('input[value="Send a test message"]'),
      ]);
      const notice = await page.$eval('.notice-success', (n) => n.textContent);
      assert.match(notice, /test message was handed to the mail server/);
      await until(() => mails() > before);
      assert.equal(mails(), before + 1);
      assert.match(site.mail.messages.at(-1).body, /This is a test message/);
      await context.close();
    });
  });

  it('PHP logged no notice, warning or error from the plugin', () => {
    const lines = site
      .readDebugLog()
      .split('\n')
      .filter((line) => line.includes(slug) && /PHP (Notice|Warning|Deprecated|Fatal)/.test(line));
    assert.deepEqual(lines, []);
  });
});
