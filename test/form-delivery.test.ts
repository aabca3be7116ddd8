import {expect} from '@open-wc/testing';
import {FIELDS} from '../src/contact-form.js';
import {FormFailedEvent, FormSentEvent} from '../src/form-events.js';
import {idle, shadow, watchFetch} from './helpers.js';
import {
  button,
  errorOf,
  field,
  fill,
  formStrings,
  newRun,
  note,
  received,
  renderForm,
  seenText,
  status,
  submitAndWait,
  values,
  visitor,
} from './form-helpers.js';

interface Case {
  name: string;
  action: (run: string) => string;
  attributes?: Record<string, string>;
  before?: () => () => void;
  outcome: 'sent' | FailedReason;
  /** What the endpoint must have received: an exact count, or a lowest count. */
  delivered: number | {atLeast: number};
}
type FailedReason = 'invalid' | 'http' | 'network' | 'timeout' | 'offline';

/** Pretends the browser is offline (navigator.onLine === false) until the returned undo. */
const offline = () => {
  Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
  return () => {
    delete (navigator as {onLine?: boolean}).onLine;
  };
};

const cases: Case[] = [
  {name: '200', action: (run) => `/__contact/ok?run=${run}`, outcome: 'sent', delivered: 1},
  {
    name: '422 with field errors',
    action: (run) => `/__contact/invalid?run=${run}`,
    outcome: 'invalid',
    delivered: 1,
  },
  {name: '500', action: (run) => `/__contact/error?run=${run}`, outcome: 'http', delivered: 1},
  {
    name: 'hangs past the timeout',
    action: (run) => `/__contact/hang?run=${run}`,
    attributes: {'form-timeout': '600'},
    outcome: 'timeout',
    delivered: 1,
  },
  {
    name: 'drops the connection',
    action: (run) => `/__contact/drop?run=${run}`,
    outcome: 'network',
    // The server had the whole message before it hung up; a browser may resend a request
    // whose reused connection was closed, which is what submissionId is for.
    delivered: {atLeast: 1},
  },
  {
    name: 'unreachable',
    // Port 9 (discard) on the loopback interface: refused, and never leaves the machine.
    action: () => 'https://127.0.0.1:9/',
    outcome: 'network',
    delivered: 0,
  },
  {
    name: 'offline',
    action: (run) => `/__contact/ok?run=${run}`,
    before: offline,
    outcome: 'offline',
    delivered: 0,
  },
];

describe('sending: what the visitor sees and what the endpoint receives', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.outcome === 'sent' ? 'sent' : `fails (${c.outcome})`}, text kept`, async () => {
      const run = newRun();
      const el = await renderForm({'form-action': c.action(run), ...c.attributes});
      fill(el);
      const undo = c.before?.();
      let event: FormSentEvent | FormFailedEvent;
      try {
        event = await submitAndWait(el);
      } finally {
        undo?.();
      }
      const got = await received(run);
      const ids = [...new Set(got.map((r) => r.submissionId))];

      if (c.outcome === 'sent') {
        expect(event).to.be.instanceOf(FormSentEvent);
        expect(seenText(status(el))).to.equal(formStrings.sent);
        expect(shadow(el).activeElement).to.equal(status(el));
        expect(button(el).getClientRects().length, 'the button is gone').to.equal(0);
      } else {
        expect(event).to.be.instanceOf(FormFailedEvent);
        expect((event as FormFailedEvent).detail.reason).to.equal(c.outcome);
        expect(values(el), 'every field keeps its text').to.deep.equal(visitor);
        if (c.outcome === 'invalid') {
          expect(seenText(errorOf(el, 'email'))).to.equal('This address bounced. Please check it.');
          expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
          expect(shadow(el).activeElement).to.equal(field(el, 'email'));
          expect(seenText(button(el))).to.equal(formStrings.send);
        } else {
          expect(seenText(status(el))).to.equal(formStrings.failed);
          expect(shadow(el).activeElement).to.equal(status(el));
          expect(seenText(button(el))).to.equal(formStrings.retry);
          expect(button(el).disabled).to.equal(false);
        }
      }
      if (typeof c.delivered === 'number') expect(got.length).to.equal(c.delivered);
      else expect(got.length).to.be.at.least(c.delivered.atLeast);
      expect(ids.length, 'one submission id').to.be.at.most(1);
      if (got.length) expect(ids[0]).to.equal(event.detail.submissionId);
      await note({
        case: c.name,
        outcome: c.outcome === 'sent' ? 'sent' : (event as FormFailedEvent).detail.reason,
        delivered: got.length,
        submissionIds: ids.length,
        textKept: JSON.stringify(values(el)) === JSON.stringify(visitor),
      });
    });
  }
});

describe('the request', () => {
  it('is JSON by default, with Accept: application/json and the fields by name', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    const event = (await submitAndWait(el)) as FormSentEvent;
    const [message] = await received(run);
    expect(message.contentType).to.equal('application/json');
    expect(message.accept).to.equal('application/json');
    expect(message.fields).to.deep.equal({...visitor, submissionId: event.detail.submissionId});
    expect(event.detail.status).to.equal(200);
  });

  it('is application/x-www-form-urlencoded with form-encoding="urlencoded"', async () => {
    const run = newRun();
    const el = await renderForm({
      'form-action': `/__contact/ok?run=${run}`,
      'form-encoding': 'urlencoded',
    });
    fill(el);
    const event = (await submitAndWait(el)) as FormSentEvent;
    const [message] = await received(run);
    expect(message.contentType).to.match(/^application\/x-www-form-urlencoded/);
    expect(message.fields).to.deep.equal({...visitor, submissionId: event.detail.submissionId});
  });

  it('leaves the optional phone empty when it was left empty', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el, {...visitor, phone: ''});
    await submitAndWait(el);
    expect((await received(run))[0]!.fields.phone).to.equal('');
  });
});

describe('exactly once', () => {
  it('double clicks, Enter repeats and requestSubmit while sending send one message', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    const fetches = watchFetch();
    const done = submitAndWait(el); // the first click
    button(el).click();
    button(el).click();
    field(el, 'name').form!.requestSubmit();
    field(el, 'name').form!.requestSubmit();
    const event = await done;
    await idle(el);
    expect(fetches.stop().length, 'one request started').to.equal(1);
    const got = await received(run);
    expect(got.length).to.equal(1);
    await note({
      case: 'double submit (3 clicks, 2 requestSubmit)',
      outcome: event instanceof FormSentEvent ? 'sent' : 'failed',
      delivered: got.length,
      submissionIds: new Set(got.map((r) => r.submissionId)).size,
      textKept: true,
    });
  });

  it('a retry of unchanged fields carries the same submissionId; changed fields a new one', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/error?run=${run}`});
    fill(el);
    const first = await submitAndWait(el);
    const retry = await submitAndWait(el);
    expect(retry.detail.submissionId).to.equal(first.detail.submissionId);
    fill(el, {message: `${visitor.message} (edited)`});
    const changed = await submitAndWait(el);
    expect(changed.detail.submissionId).not.to.equal(first.detail.submissionId);
    const got = await received(run);
    expect(got.map((r) => r.submissionId)).to.deep.equal([
      first.detail.submissionId,
      first.detail.submissionId,
      changed.detail.submissionId,
    ]);
  });

  it('a timed-out message retried to a working endpoint keeps its id, so it can be deduplicated', async () => {
    const run = newRun();
    const el = await renderForm({
      'form-action': `/__contact/hang?run=${run}`,
      'form-timeout': '500',
    });
    fill(el);
    const lost = await submitAndWait(el);
    expect((lost as FormFailedEvent).detail.reason).to.equal('timeout');
    el.setAttribute('form-action', `/__contact/ok?run=${run}`);
    await el.updateComplete;
    expect(values(el)).to.deep.equal(visitor);
    const sent = await submitAndWait(el);
    expect(sent).to.be.instanceOf(FormSentEvent);
    const got = await received(run);
    expect(got.map((r) => r.path)).to.deep.equal(['hang', 'ok']);
    expect(new Set(got.map((r) => r.submissionId)).size).to.equal(1);
    await note({
      case: 'timeout, then retry to a working endpoint',
      outcome: 'sent',
      delivered: got.length,
      submissionIds: 1,
      textKept: true,
    });
  });
});

/** `/__contact/answer`: the endpoint answers this status with this body (raw text). */
const answer = (run: string, status: number, body: string, extra = '') =>
  `/__contact/answer?run=${run}&status=${status}&body=${encodeURIComponent(body)}${extra}`;

/** Collects uncaught errors (a failed render is one) until the returned stop. */
const uncaught = () => {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    return errors;
  };
};

const marked = (el: Element) =>
  FIELDS.filter((name) => field(el, name).getAttribute('aria-invalid') === 'true');

describe('a 422 answer whose errors are not all text', () => {
  // None of these leaves a usable field error: the ordinary failure (http), nothing marked.
  const useless: [string, string][] = [
    ['a number', '{"errors": {"email": 42}}'],
    ['an object', '{"errors": {"email": {"message": "Bad address"}}}'],
    ['an array', '{"errors": {"email": ["Bad address"]}}'],
    ['null', '{"errors": {"email": null}}'],
    ['true', '{"errors": {"email": true}}'],
    ['empty text', '{"errors": {"email": ""}}'],
    ['only spaces', '{"errors": {"email": "  \\n "}}'],
    [
      'every known field, none of them text',
      '{"errors": {"name": 1, "email": {}, "phone": [], "message": null}}',
    ],
    ['unknown keys only', '{"errors": {"other": "x", "toString": "y", "constructor": "z"}}'],
    ['a __proto__ key', '{"errors": {"__proto__": {"email": "Bad address"}}}'],
    ['errors: null', '{"errors": null}'],
    ['errors as text', '{"errors": "Bad address"}'],
    ['errors as an array', '{"errors": ["Bad address"]}'],
    ['errors as a number', '{"errors": 5}'],
    ['a JSON null', 'null'],
    ['a JSON array', '[{"email": "Bad address"}]'],
    ['a JSON string', '"email"'],
    ['no errors key', '{"message": "Unprocessable"}'],
    ['not JSON', '<h1>422 Unprocessable</h1>'],
    ['an empty body', ''],
  ];
  for (const [what, body] of useless) {
    it(`${what}: fails as http, marks nothing, never shows [object Object]`, async () => {
      const run = newRun();
      const el = await renderForm({'form-action': answer(run, 422, body)});
      fill(el);
      const stop = uncaught();
      const event = (await submitAndWait(el)) as FormFailedEvent;
      expect(stop()).to.deep.equal([]);
      expect(event).to.be.instanceOf(FormFailedEvent);
      expect(event.detail).to.include({reason: 'http', status: 422});
      expect(marked(el)).to.deep.equal([]);
      for (const name of FIELDS) expect(seenText(errorOf(el, name)), name).to.equal('');
      expect(seenText(shadow(el).querySelector('form')!)).not.to.include('[object');
      expect(seenText(status(el))).to.equal(formStrings.failed);
      expect(shadow(el).activeElement).to.equal(status(el));
      expect(seenText(button(el))).to.equal(formStrings.retry);
      expect(values(el)).to.deep.equal(visitor);
      expect((await received(run)).length).to.equal(1);
    });
  }

  it('text errors are shown, field by field, and the others ignored', async () => {
    const run = newRun();
    const body = JSON.stringify({
      errors: {email: {message: 'x'}, phone: 12, message: 'Please say a little more.', other: 'x'},
    });
    const el = await renderForm({'form-action': answer(run, 422, body)});
    fill(el);
    const stop = uncaught();
    const event = (await submitAndWait(el)) as FormFailedEvent;
    expect(stop()).to.deep.equal([]);
    expect(event.detail).to.include({reason: 'invalid', status: 422});
    expect(marked(el)).to.deep.equal(['message']);
    expect(seenText(errorOf(el, 'message'))).to.equal('Please say a little more.');
    expect(seenText(errorOf(el, 'email'))).to.equal('');
    expect(seenText(errorOf(el, 'phone'))).to.equal('');
    expect(shadow(el).activeElement).to.equal(field(el, 'message'));
    expect(seenText(status(el))).to.equal('');
    expect(values(el)).to.deep.equal(visitor);
  });

  it('markup in an error is shown as text', async () => {
    const run = newRun();
    const markup = '<b>Nope</b> <img src=x onerror=alert(1)>';
    const body = JSON.stringify({errors: {name: markup, email: ['<i>x</i>']}});
    const el = await renderForm({'form-action': answer(run, 422, body)});
    fill(el);
    const event = (await submitAndWait(el)) as FormFailedEvent;
    expect(event.detail.reason).to.equal('invalid');
    expect(seenText(errorOf(el, 'name'))).to.equal(markup);
    expect(errorOf(el, 'name').children.length).to.equal(0);
    expect(shadow(el).querySelector('b, i, img')).to.equal(null);
    expect(marked(el)).to.deep.equal(['name']);
  });

  it("several errors: all shown, and focus goes to the first in the form's order", async () => {
    const run = newRun();
    const body = JSON.stringify({errors: {message: 'Too short.', name: 'Who are you?'}});
    const el = await renderForm({'form-action': answer(run, 422, body)});
    fill(el);
    await submitAndWait(el);
    expect(marked(el)).to.deep.equal(['name', 'message']);
    expect(shadow(el).activeElement).to.equal(field(el, 'name'));
  });

  it('a 422 whose body never finishes fails once the timeout passes', async () => {
    const run = newRun();
    const body = JSON.stringify({errors: {email: 'Bad address'}});
    const el = await renderForm({
      'form-action': answer(run, 422, body, '&hang=body'),
      'form-timeout': '600',
    });
    fill(el);
    const event = (await submitAndWait(el)) as FormFailedEvent;
    expect(event.detail).to.include({reason: 'http', status: 422});
    expect(marked(el)).to.deep.equal([]);
    expect(seenText(status(el))).to.equal(formStrings.failed);
  });
});

describe('the timeout', () => {
  /** Removes AbortSignal.timeout (as in Safari before 16) until the returned undo. */
  const withoutAbortSignalTimeout = () => {
    const own = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout');
    expect(own, 'AbortSignal.timeout is there to remove').not.to.equal(undefined);
    delete (AbortSignal as {timeout?: unknown}).timeout;
    expect('timeout' in AbortSignal).to.equal(false);
    return () => Object.defineProperty(AbortSignal, 'timeout', own!);
  };

  it('without AbortSignal.timeout, a message is still sent', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    const undo = withoutAbortSignalTimeout();
    let event: FormSentEvent | FormFailedEvent;
    try {
      event = await submitAndWait(el);
    } finally {
      undo();
    }
    expect(event).to.be.instanceOf(FormSentEvent);
    expect((await received(run)).length).to.equal(1);
  });

  it('without AbortSignal.timeout, an endpoint that hangs fails as a timeout', async () => {
    const run = newRun();
    const el = await renderForm({
      'form-action': `/__contact/hang?run=${run}`,
      'form-timeout': '600',
    });
    fill(el);
    const undo = withoutAbortSignalTimeout();
    const started = performance.now();
    let event: FormSentEvent | FormFailedEvent;
    try {
      event = await submitAndWait(el);
    } finally {
      undo();
    }
    const took = performance.now() - started;
    expect(event).to.be.instanceOf(FormFailedEvent);
    expect((event as FormFailedEvent).detail.reason).to.equal('timeout');
    expect(took, 'not before the timeout').to.be.at.least(550);
    expect(seenText(status(el))).to.equal(formStrings.failed);
    expect(shadow(el).activeElement).to.equal(status(el));
    expect(values(el)).to.deep.equal(visitor);
    const got = await received(run);
    expect(got.length).to.equal(1);
    await note({
      case: 'hangs past the timeout, no AbortSignal.timeout (Safari < 16)',
      outcome: (event as FormFailedEvent).detail.reason,
      delivered: got.length,
      submissionIds: new Set(got.map((r) => r.submissionId)).size,
      textKept: JSON.stringify(values(el)) === JSON.stringify(visitor),
    });
  });

  it('a message sent in time is not failed later by its timer', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`, 'form-timeout': '300'});
    fill(el);
    let failed = 0;
    el.addEventListener('therapist-article-form-failed', () => failed++);
    expect(await submitAndWait(el)).to.be.instanceOf(FormSentEvent);
    // the element's form-timeout timer, set before it sent, is due before this one
    await new Promise((r) => setTimeout(r, 300));
    await idle(el);
    expect(failed).to.equal(0);
    expect(seenText(status(el))).to.equal(formStrings.sent);
  });

  for (const name of ['AbortError', 'TimeoutError']) {
    it(`a site's own delivery rejected with a ${name} is a network failure, not a timeout`, async () => {
      const el = await renderForm();
      fill(el);
      el.addEventListener('therapist-article-form-submit', (e) =>
        e.respondWith(Promise.reject(new DOMException('', name))),
      );
      const event = (await submitAndWait(el)) as FormFailedEvent;
      expect(event.detail.reason).to.equal('network');
    });
  }
});

describe('a 202 answer: received, to be delivered later', () => {
  it('says the message was received and kept, not that it was sent; the fields are done', async () => {
    const run = newRun();
    const body = '{"sent": false, "kept": true}';
    const el = await renderForm({'form-action': answer(run, 202, body)});
    fill(el);
    const event = await submitAndWait(el);
    expect(event.type).to.equal('therapist-article-form-sent');
    expect((event as FormSentEvent).detail.status).to.equal(202);
    expect(seenText(status(el))).to.equal(formStrings.received);
    expect(seenText(status(el))).to.not.equal(formStrings.sent);
    expect(shadow(el).activeElement).to.equal(status(el));
    expect(button(el).hidden, 'nothing more to send').to.equal(true);
    expect(await received(run)).to.have.length(1);
  });
});
