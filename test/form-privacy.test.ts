import {expect} from '@open-wc/testing';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {idle, shadow} from './helpers.js';
import {button, fill, newRun, renderForm, submitAndWait, visitor} from './form-helpers.js';

/**
 * Every resource the page has fetched so far, but the favicon, which WebKit's MiniBrowser
 * itself asks for now and then.
 */
const resources = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => url !== `${location.origin}/favicon.ico`);

describe('privacy', () => {
  it('requests nothing but the form-action, and only on submit', async () => {
    const calls: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    const before = resources().length;
    try {
      const run = newRun();
      const action = `/__contact/ok?run=${run}`;
      const el = await renderForm({'form-action': action, theme: 'auto'});
      fill(el);
      await idle(el);
      expect(calls, 'nothing before submit').to.deep.equal([]);
      // The form's own code (loaded on demand, from where the element's code comes), once.
      const code = resources()
        .slice(before)
        .filter((url) => !url.startsWith(`${location.origin}/__contact/`));
      for (const url of code) expect(url.startsWith(`${location.origin}/src/`), url).to.equal(true);
      const sent = before + code.length;
      await submitAndWait(el);
      // The unreachable case is the only other origin, and it stays on this machine.
      el.setAttribute('form-action', 'https://127.0.0.1:9/');
      await el.updateComplete;
      fill(el, {message: 'second'});
      await submitAndWait(el);
      await idle(el);
      expect(calls).to.deep.equal([`${location.origin}${action}`, 'https://127.0.0.1:9/']);
      const fetched = resources().slice(sent);
      for (const url of fetched) {
        expect(
          url.startsWith(`${location.origin}/__contact/`) || url.startsWith('https://127.0.0.1:9/'),
          url,
        ).to.equal(true);
      }
    } finally {
      window.fetch = realFetch;
    }
  });

  it('stores nothing: no cookie, no localStorage, no sessionStorage', async () => {
    const cookies = document.cookie;
    const stored = [localStorage.length, sessionStorage.length];
    const el = await renderForm({'form-action': `/__contact/error?run=${newRun()}`});
    fill(el);
    await submitAndWait(el);
    expect(document.cookie).to.equal(cookies);
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(stored);
  });

  it('logs nothing of the message to the console, in any outcome', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    for (const m of methods) {
      console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    }
    try {
      for (const path of ['ok', 'invalid', 'error', 'drop']) {
        const el = await renderForm({'form-action': `/__contact/${path}?run=${newRun()}`});
        fill(el);
        await submitAndWait(el);
      }
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
    for (const line of logged) {
      for (const value of Object.values(visitor)) expect(line).not.to.include(value);
    }
  });

  it('puts no inline style attribute and no <style> element in its shadow root', async () => {
    const el = await renderForm();
    fill(el);
    button(el).click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
  });
});

describe('axe in every state', () => {
  const check = (el: TherapistAttachmentArticle) => expect(el).to.be.accessible();

  it('empty', async () => {
    await check(await renderForm());
  });

  it('invalid', async () => {
    const el = await renderForm();
    button(el).click();
    await el.updateComplete;
    await check(el);
  });

  it('sending', async () => {
    const el = await renderForm({
      'form-action': `/__contact/hang?run=${newRun()}`,
      'form-timeout': '3000',
    });
    fill(el);
    const done = submitAndWait(el);
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
    await check(el);
    await done;
  });

  it('sent', async () => {
    const el = await renderForm({theme: 'light'});
    fill(el);
    await submitAndWait(el);
    await check(el);
  });

  it('failed (dark theme)', async () => {
    const el = await renderForm({'form-action': `/__contact/error?run=${newRun()}`, theme: 'dark'});
    fill(el);
    await submitAndWait(el);
    await check(el);
  });

  it('server field errors (422)', async () => {
    const el = await renderForm({'form-action': `/__contact/invalid?run=${newRun()}`});
    fill(el);
    await submitAndWait(el);
    await check(el);
  });
});
