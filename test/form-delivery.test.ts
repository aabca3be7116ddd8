import {expect} from '@open-wc/testing';
import {FormFailedEvent, FormSentEvent} from '../src/contact-form.js';
import {shadow} from './helpers.js';
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
    const done = submitAndWait(el); // the first click
    button(el).click();
    button(el).click();
    field(el, 'name').form!.requestSubmit();
    field(el, 'name').form!.requestSubmit();
    const event = await done;
    await new Promise((r) => setTimeout(r, 200));
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
