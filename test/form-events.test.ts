import {expect, oneEvent} from '@open-wc/testing';
import {FormFailedEvent, FormSentEvent, FormSubmitEvent} from '../src/form-events.js';
import {captureWarnings, idle, render, shadow, watchFetch} from './helpers.js';
import {
  button,
  fill,
  formStrings,
  newRun,
  received,
  renderForm,
  seenText,
  status,
  submitAndWait,
  values,
  visitor,
} from './form-helpers.js';

describe('therapist-article-form-submit', () => {
  it('carries the fields and the submission id, bubbles out of the shadow root', async () => {
    const el = await renderForm();
    fill(el);
    const seen = oneEvent(document, 'therapist-article-form-submit');
    const outcome = submitAndWait(el);
    const event = (await seen) as unknown as FormSubmitEvent;
    expect(event).to.be.instanceOf(FormSubmitEvent);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.fields).to.deep.equal(visitor);
    expect(event.detail.submissionId).to.match(/^[0-9a-f-]{20,}$/);
    const sent = (await outcome) as FormSentEvent;
    expect(sent.detail.submissionId).to.equal(event.detail.submissionId);
  });

  it('preventDefault(): the site delivers, the element sends nothing and keeps the text', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    el.addEventListener('therapist-article-form-submit', (e) => e.preventDefault());
    const fetches = watchFetch();
    button(el).click();
    await idle(el);
    expect(fetches.stop(), 'no request started').to.deep.equal([]);
    expect(await received(run)).to.deep.equal([]);
    expect(values(el)).to.deep.equal(visitor);
    expect(button(el).disabled).to.equal(false);
  });

  it('respondWith(promise): sending until it settles, then sent — no request', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    let deliver!: (value: unknown) => void;
    el.addEventListener('therapist-article-form-submit', (e) =>
      e.respondWith(new Promise((resolve) => (deliver = resolve))),
    );
    const outcome = submitAndWait(el);
    await el.updateComplete;
    expect(seenText(status(el))).to.equal(formStrings.sending);
    deliver({id: 'wix-123'});
    const event = await outcome;
    expect(event).to.be.instanceOf(FormSentEvent);
    expect(seenText(status(el))).to.equal(formStrings.sent);
    expect(await received(run)).to.deep.equal([]);
  });

  it('respondWith(a rejected promise) or (a failed Response): failed, text kept', async () => {
    const el = await renderForm();
    fill(el);
    let answer: Promise<unknown> = Promise.reject(new Error('Wix said no'));
    el.addEventListener('therapist-article-form-submit', (e) => e.respondWith(answer));
    const first = (await submitAndWait(el)) as FormFailedEvent;
    expect(first.detail.reason).to.equal('network');
    answer = Promise.resolve(new Response('', {status: 503}));
    const second = (await submitAndWait(el)) as FormFailedEvent;
    expect(second.detail).to.deep.equal({
      submissionId: first.detail.submissionId,
      reason: 'http',
      status: 503,
    });
    expect(values(el)).to.deep.equal(visitor);
  });

  it('listeners may add fields (Netlify’s form-name)', async () => {
    const run = newRun();
    const el = await renderForm({
      'form-action': `/__contact/ok?run=${run}`,
      'form-encoding': 'urlencoded',
    });
    fill(el);
    el.addEventListener('therapist-article-form-submit', (e) => {
      e.detail.fields['form-name'] = 'contact';
    });
    await submitAndWait(el);
    expect((await received(run))[0]!.fields['form-name']).to.equal('contact');
  });
});

describe('therapist-article-form-sent and -failed', () => {
  it('are typed, bubble and cross the shadow boundary; failed never carries the text', async () => {
    const el = await renderForm({'form-action': `/__contact/error?run=${newRun()}`});
    fill(el);
    const failed = oneEvent(document, 'therapist-article-form-failed');
    await submitAndWait(el);
    const event = (await failed) as FormFailedEvent;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    expect(Object.keys(event.detail).sort()).to.deep.equal(['reason', 'status', 'submissionId']);
    expect(JSON.stringify(event.detail)).not.to.include('availability');
    expect(event.detail.status).to.equal(500);
  });

  it('are not fired without a submit', async () => {
    let count = 0;
    for (const type of ['submit', 'sent', 'failed']) {
      document.addEventListener(`therapist-article-form-${type}`, () => count++);
    }
    const el = await renderForm();
    fill(el);
    el.formTimeout = 1000;
    await el.updateComplete;
    expect(count).to.equal(0);
    expect(shadow(el).querySelector('form')).to.not.equal(null);
  });
});

describe('form-listener: your own delivery, without form-action', () => {
  it('shows the form; respondWith delivers and nothing is fetched', async () => {
    const el = await render();
    expect(shadow(el).querySelector('form'), 'without form-listener: the link').to.equal(null);
    const fetches = watchFetch();
    let delivered: unknown;
    el.addEventListener('therapist-article-form-submit', (e) => {
      delivered = e.detail.fields;
      e.respondWith(Promise.resolve({ok: true}));
    });
    el.setAttribute('form-listener', '');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="cta-button"]'), 'the link gives way').to.equal(null);
    fill(el);
    const outcome = await submitAndWait(el);
    expect(outcome).to.be.instanceOf(FormSentEvent);
    expect(delivered).to.deep.equal(visitor);
    expect(fetches.stop()).to.deep.equal([]);
  });

  it('the formListener property does the same', async () => {
    const el = await render();
    el.formListener = true;
    await el.updateComplete;
    expect(shadow(el).querySelector('form')).to.not.equal(null);
    expect(shadow(el).querySelector('[part~="cta-button"]')).to.equal(null);
  });

  it('a listener that does not take the message: failed, one warning, nothing sent, text kept', async () => {
    const el = await render({'form-listener': ''});
    el.addEventListener('therapist-article-form-submit', () => {});
    fill(el);
    const fetches = watchFetch();
    let outcome!: FormSentEvent | FormFailedEvent;
    const warnings = await captureWarnings(async () => (outcome = await submitAndWait(el)));
    expect(fetches.stop()).to.deep.equal([]);
    expect((outcome as FormFailedEvent).detail.reason).to.equal('network');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/nothing was sent.*respondWith/);
    expect(values(el)).to.deep.equal(visitor);
  });

  it('adding listeners alone leaves the link, a submit listener included', async () => {
    const el = await render();
    el.addEventListener('therapist-article-form-submit', () => {});
    el.addEventListener('therapist-article-cta-click', () => {});
    el.addEventListener('therapist-article-form-sent', () => {});
    await idle(el);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).querySelector('[part~="cta-button"]')).to.not.equal(null);
  });
});
