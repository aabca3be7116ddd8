// A visitor writes through the contact form on a page with the bare shortcode (no set-up):
// WordPress refuses an address the browser accepted (422, shown on the Email field), then sends
// the corrected message to the site's admin. WordPress's mail goes by SMTP to the mail catcher
// (support/mail-catcher.mjs), which must hold it exactly once with the right To, Reply-To and
// body; a retry of the same submission sends nothing more. Then, through fetch() from the page
// as the element sends it: the form-encoded body, the honeypot and the rate limit (429).
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {assertArticle, assertScriptOnce} from './support/article.mjs';
import {itLoadedCleanly, screenshotPath, useVisitor} from './support/browser.mjs';
import {CONTACT_PATH, postFromPage} from './support/contact.mjs';
import {itLoggedNoProblems, useSite} from './support/site.mjs';

const jo = {
  name: 'Jo Visitor',
  email: 'jo@example.org',
  phone: '+1 (555) 123-4567',
  message: 'Hello Emily,\n\nI would like to book a first session. Café ☕ <3',
};
const other = {
  name: 'Sam',
  email: 'sam@example.net',
  message: 'Sent form-encoded.',
  submissionId: 'e2e-urlencoded-0001',
  _gotcha: '',
};
const ok = {status: 200, retryAfter: null, body: {sent: true}};

describe('The contact form with no set-up', () => {
  const site = useSite();
  const visitor = useVisitor(site);
  const seen = {};
  let page, messages, sent;
  // In the element's shadow root: the field labelled `label`, the button named `name`, and
  // what `selector` matches.
  const field = (label) =>
    page.locator(`therapist-attachment-article >>> ::-p-aria([name="${label}"][role="textbox"])`);
  const button = (name) =>
    page.locator(`therapist-attachment-article >>> ::-p-aria([name="${name}"][role="button"])`);
  const inArticle = (selector) => `therapist-attachment-article >>> ${selector}`;
  const events = () => page.evaluate(() => window.taaEvents);
  const waitForEvent = (type, timeout) =>
    page.waitForFunction((t) => window.taaEvents.some((e) => e.type === t), {timeout}, type);

  before(async () => {
    ({page} = visitor);
    ({messages} = site.mail);
    Object.assign(seen, await visitor.visit('contact'));
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
  });

  it('the page loads', () => assert.equal(seen.status, 200));
  it("the element posts to the plugin's route, as a path on this site", () => {
    assert.deepEqual(seen.articles[0]?.attributes, {
      'form-action': CONTACT_PATH,
      'form-encoding': 'urlencoded',
    });
  });
  it('shows the article with the form', () => {
    assertArticle(seen.articles[0], {level: 2, theme: null, form: true});
  });
  it('has the script once, in the footer', () => assertScriptOnce(seen.scripts, site));

  // Like a person: type into the labelled fields, press the button. The browser takes
  // jo@localhost as an email address; WordPress's is_email() does not.
  it("WordPress's refusal (422) reaches the element as a field error", async () => {
    await field('Name (required)').fill(jo.name);
    await field('Email (required)').fill('jo@localhost');
    await field('Phone (optional)').fill(jo.phone);
    await field('Message (required)').fill(jo.message);
    await button('Send message').click();
    await waitForEvent('failed', 10_000);
    const refused = (await events()).find((e) => e.type === 'failed');
    assert.deepEqual([refused?.reason, refused?.status], ['invalid', 422]);
  });
  it('the email field shows the error and is marked invalid', async () => {
    assert.deepEqual(
      await page.$eval(inArticle('#email'), (input) => [
        input.getAttribute('aria-invalid'),
        input.getRootNode().getElementById('email-error').textContent.trim(),
        input.matches(':focus'),
      ]),
      ['true', 'Please enter an email address, like name@example.com.', true],
    );
  });
  it('nothing was mailed', () => assert.equal(messages.length, 0));

  it('the corrected message is sent (HTTP 200), with a UUID as its submission id', async () => {
    await field('Email (required)').fill(jo.email);
    await button('Send message').click();
    await waitForEvent('sent', 15_000);
    sent = (await events()).find((e) => e.type === 'sent');
    assert.equal(sent?.status, 200, 'the message is sent (HTTP 200)');
    assert.match(
      sent?.submissionId,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      'with a UUID as its submission id',
    );
  });
  it('the visitor sees that it was sent', async () => {
    const status = await page.waitForSelector(inArticle('[part~="form-status"]'));
    assert.equal(
      (await status.evaluate((el) => el.textContent)).trim(),
      'Thank you, your message was sent. We’ll reply to the email address you gave.',
    );
    await status.scrollIntoView();
    await page.screenshot({path: screenshotPath(site, 'contact-sent')});
  });

  describe('The mail', () => {
    it('exactly one mail arrived', () => assert.equal(messages.length, 1));
    it('it went to the admin address only (SMTP envelope)', () => {
      assert.deepEqual(messages[0]?.to, [site.content.admin_email]);
    });
    it('To, Reply-To, Subject and type', () => {
      const {headers} = messages[0];
      assert.deepEqual(
        [
          headers.to,
          headers['reply-to'],
          headers.subject,
          headers['content-type'],
          headers.cc ?? null,
          headers.bcc ?? null,
        ],
        [
          [site.content.admin_email],
          [jo.email],
          [`[${site.content.site_title}] Message from ${jo.name}`],
          ['text/plain; charset=UTF-8'],
          null,
          null,
        ],
      );
    });
    it('the body holds what the visitor wrote, as plain text', () => {
      assert.equal(
        messages[0]?.body.split('\n-- \n')[0],
        `Name: ${jo.name}\nEmail: ${jo.email}\nPhone: ${jo.phone}\n\nMessage:\n${jo.message}\n`,
      );
    });
    it('and names the page it came from', () => {
      assert.ok(messages[0]?.body.includes(`article on ${site.content.pages.contact.link}\n`));
    });
  });

  describe('The route, through fetch() from the page', () => {
    it('a retry of the same submission is answered as sent, and sends nothing more', async () => {
      assert.deepEqual(
        await postFromPage(page, {...jo, submissionId: sent?.submissionId, _gotcha: ''}),
        ok,
        'a retry of the same submission is answered as sent',
      );
      assert.equal(messages.length, 1, 'and sends nothing more: still one mail');
    });
    it('a form-encoded message is sent, and arrives, replying to its sender', async () => {
      assert.deepEqual(await postFromPage(page, other, 'urlencoded'), ok);
      assert.deepEqual(
        [
          messages.length,
          messages[1]?.headers['reply-to'],
          messages[1]?.body.includes('Sent form-encoded.'),
        ],
        [2, ['sam@example.net'], true],
        'and arrives, replying to its sender',
      );
    });
    it('a filled honeypot is answered as sent, but nothing is mailed', async () => {
      assert.deepEqual(
        await postFromPage(page, {
          ...other,
          submissionId: 'e2e-honeypot-0001',
          _gotcha: 'https://spam.example',
        }),
        ok,
      );
      assert.equal(messages.length, 2, 'but nothing is mailed');
    });
    it('five messages from one address pass, the sixth gets 429 with Retry-After', async () => {
      const more = [];
      for (let i = 3; i <= 5; i++) {
        more.push((await postFromPage(page, {...other, submissionId: `e2e-limit-000${i}`})).status);
      }
      const limited = await postFromPage(page, {...other, submissionId: 'e2e-limit-0006'});
      assert.deepEqual(
        [...more, limited.status, limited.body.code],
        [200, 200, 200, 429, 'therapist_attachment_article_rate_limited'],
      );
      assert.ok(
        Number(limited.retryAfter) > 0 && Number(limited.retryAfter) <= 600,
        `with Retry-After (at most 10 minutes): ${limited.retryAfter}`,
      );
      assert.equal(messages.length, 5, 'five mails in all');
    });
  });

  itLoadedCleanly(visitor);
  itLoggedNoProblems(site);
});
