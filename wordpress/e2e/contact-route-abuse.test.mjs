// The contact route, driven as an abuser would, on a real WordPress: each request below is
// answered with a refusal and sends no mail (the mail catcher holds nothing new), while a real
// visitor's message still arrives once, exactly as typed. Then an Author's post that sets
// form_action: the visitor's form still posts to the site's own route.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {launchBrowser, localContext} from './support/browser.mjs';
import {CONTACT_PATH, postContact} from './support/contact.mjs';
import {run} from './support/processes.mjs';
import {itLoggedNoProblems, root, useSite} from './support/site.mjs';

const message = () => ({
  name: 'Spam Sender',
  email: 'spam@example.org',
  message: 'Buy now',
  submissionId: randomUUID(),
});
const until = async (test, ms = 3000) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe('The contact route, driven by another website or a script', () => {
  const site = useSite();
  let mails;
  before(() => {
    mails = () => site.mail.messages.length;
  });

  /** Runs `send` and checks the answer's status and that no mail left. */
  async function refused(send, status) {
    const before = mails();
    const answer = await send();
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    // wp_mail() returns only after the catcher kept a message (it records it before its 250
    // reply), so a mail sent for this request is already counted when WordPress answers.
    assert.equal(mails(), before, 'no mail may be sent');
  }

  it('an <img> GET with ?_method=POST and the fields in the query string: refused', () =>
    refused(async () => {
      const query = new URLSearchParams({_method: 'POST', ...message()});
      const response = await fetch(`${site.url}${CONTACT_PATH}&${query}`);
      return {status: response.status, body: await response.text()};
    }, 405));

  it('a POST whose fields are only in the query string: nothing is read from it', () =>
    refused(async () => {
      const query = new URLSearchParams(message());
      const response = await fetch(`${site.url}${CONTACT_PATH}&${query}`, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: site.origin},
        body: '',
      });
      return {status: response.status, body: await response.text()};
    }, 400));

  it('an X-HTTP-Method-Override header: refused', () =>
    refused(
      () => postContact(site, message(), {headers: {'X-HTTP-Method-Override': 'POST'}}),
      405,
    ));

  it('an auto-submitting form on another website (urlencoded, cross-site Origin): 403', () =>
    refused(
      () =>
        postContact(site, message(), {
          encoding: 'urlencoded',
          origin: 'https://busy-site.example',
          headers: {'Sec-Fetch-Site': 'cross-site'},
        }),
      403,
    ));

  it('a JSON POST from another origin: 403', () =>
    refused(() => postContact(site, message(), {origin: 'https://evil.example'}), 403));

  it('Sec-Fetch-Site: cross-site without an Origin: 403', () =>
    refused(
      () => postContact(site, message(), {origin: null, headers: {'Sec-Fetch-Site': 'cross-site'}}),
      403,
    ));

  it('Origin: null (a sandboxed frame): 403', () =>
    refused(() => postContact(site, message(), {origin: 'null'}), 403));

  it('a message without a submissionId: 400', () =>
    refused(() => postContact(site, {...message(), submissionId: undefined}), 400));

  it('a text/plain body (a form with enctype=text/plain): refused', () =>
    refused(
      () =>
        postContact(site, 'name=a&email=a@example.org&message=x', {
          headers: {'Content-Type': 'text/plain'},
        }),
      415,
    ));

  it('a real visitor’s message arrives once, exactly as typed', async () => {
    const typed = "I'm 100%better since we were <18 and >30\r\n\tTabs, %20, <b>bold</b> & 😀\n:)";
    const before = mails();
    const answer = await postContact(site, {...message(), message: typed});
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await until(() => mails() > before);
    assert.equal(mails(), before + 1);
    const mail = site.mail.messages.at(-1);
    // Only the carriage return goes: a control character other than newline and tab.
    assert.ok(
      mail.body.includes(typed.replace('\r', '')),
      `the body holds the text as typed:\n${mail.body}`,
    );
  });

  describe('an Author’s post that sends messages elsewhere', () => {
    let browser;
    let link;
    before(async () => {
      link = JSON.parse(
        run('php', [join(root, 'wordpress', 'e2e', 'author-endpoint.php'), site.wpDir]),
      ).link;
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    it('shows a form that posts to the site’s own route, not the Author’s endpoint', async () => {
      const {context, requests} = await localContext(browser, site);
      const page = await context.newPage();
      await page.goto(link);
      const action = await page.evaluate(() =>
        document.querySelector('therapist-attachment-article').getAttribute('form-action'),
      );
      assert.equal(action, CONTACT_PATH);
      assert.ok(!requests.some((url) => url.includes('collector.example')));
      await context.close();
    });
  });

  itLoggedNoProblems(site);
});
