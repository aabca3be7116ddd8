import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import fc from 'fast-check';
import {safeUrl} from '../src/safe-url.js';
import {FIELD_DESCRIPTORS, type FieldDescriptor} from '../src/content/form-fields.js';
import {captureWarnings, idle, part, parts, render, shadow, watchFetch} from './helpers.js';
import {
  button,
  errorOf,
  field,
  fill,
  form,
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

const FIELDS = ['name', 'email', 'phone', 'message'];
const hasForm = (el: Element) => shadow(el).querySelector('form') !== null;

describe('form-action turns the form on', () => {
  it('without it, the link call-to-action stays as it is', async () => {
    const el = await render();
    expect(hasForm(el)).to.equal(false);
    expect(part(el, 'cta-button').localName).to.equal('a');
  });

  it('with it, the form follows the closing paragraph, in place of the link', async () => {
    const el = await renderForm();
    const cta = part(el, 'cta');
    expect(cta.querySelector('[part~="cta-text"]')!.nextElementSibling).to.equal(form(el));
    expect(parts(el, 'cta-button')).to.have.length(0);
    expect(shadow(el).querySelector('slot')).to.equal(null);
  });

  for (const good of [
    '/__contact/ok',
    '__contact/ok',
    '?contact=1',
    'https://forms.example.com/f/abc',
    'HTTPS://FORMS.EXAMPLE.COM/x',
    `${location.origin}/__contact/ok`,
    '/__contact/ok\n',
    '\n\t /__contact/ok ',
  ]) {
    it(`accepts ${good} (https:, or this page's own origin)`, async () => {
      const warnings = await captureWarnings(async () => {
        const el = await renderForm({'form-action': good});
        expect(hasForm(el)).to.equal(true);
      });
      expect(warnings).to.deep.equal([]);
    });
  }

  for (const bad of [
    'http://example.com/contact',
    'javascript:alert(1)',
    'data:text/html,x',
    'mailto:hello@example.com',
    'tel:988',
    '#contact',
    'https://user:secret@example.com/',
    'ftp://example.com/',
    'https://',
    '//evil.example:80/',
  ]) {
    it(`refuses ${JSON.stringify(bad)}: one warning, and the link stays`, async () => {
      let el!: TherapistAttachmentArticle;
      const warnings = await captureWarnings(async () => {
        el = await renderForm({'form-action': bad});
      });
      expect(hasForm(el)).to.equal(false);
      expect(part(el, 'cta-button').getAttribute('href')).to.equal('#contact');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('form-action');
    });
  }

  for (const space of ['\u00a0', '\u3000', '\ufeff']) {
    for (const target of ['//evil.example/x', '\\\\evil.example/x', 'https://evil.example/x']) {
      const given = `${space}${target}`;
      it(`${JSON.stringify(given)}: the message goes to this origin, or there is no form`, async () => {
        let el!: TherapistAttachmentArticle;
        await captureWarnings(async () => {
          el = await renderForm({'form-action': given});
        });
        if (!hasForm(el)) return;
        const urls: string[] = [];
        const original = window.fetch;
        window.fetch = (input: RequestInfo | URL) => {
          urls.push(String(input instanceof Request ? input.url : input));
          return Promise.resolve(new Response('{}', {status: 200}));
        };
        try {
          fill(el);
          await submitAndWait(el);
        } finally {
          window.fetch = original;
        }
        expect(urls).to.have.length(1);
        expect(new URL(urls[0]!, location.href).origin).to.equal(location.origin);
      });
    }
  }

  it('any value: refused, or https:, or this origin (property-based)', () => {
    const value = fc.oneof(
      fc.webUrl({withQueryParameters: true, withFragments: true}),
      fc.string({unit: 'binary', maxLength: 40}),
      fc
        .tuple(
          fc.constantFrom('', ' ', '\t', '//', '/\\', '\\\\', 'http:', 'https:', 'HTTP://'),
          fc.constantFrom('', 'localhost', location.host, 'evil.example', '127.0.0.1:9'),
          fc.string({maxLength: 12}),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(value, (raw) => {
        const url = safeUrl(raw, document.baseURI, true);
        if (url === null) return;
        const parsed = new URL(url);
        expect(parsed.protocol === 'https:' || parsed.origin === location.origin, url).to.equal(
          true,
        );
        expect(parsed.username + parsed.password).to.equal('');
      }),
      {numRuns: 500},
    );
  });

  it('goes back to the link when the attribute is removed', async () => {
    const el = await renderForm();
    el.removeAttribute('form-action');
    await el.updateComplete;
    expect(hasForm(el)).to.equal(false);
    expect(part(el, 'cta-button').localName).to.equal('a');
  });
});

describe('fields', () => {
  it('have visible labels, autocomplete tokens, and say in text which are required', async () => {
    const el = await renderForm();
    const seen = FIELDS.map((name) => {
      const input = field(el, name);
      const label = shadow(el).querySelector(`label[for="${input.id}"]`)!;
      return [input.localName, input.getAttribute('autocomplete'), input.required, seenText(label)];
    });
    expect(seen).to.deep.equal([
      ['input', 'name', true, 'Name (required)'],
      ['input', 'email', true, 'Email (required)'],
      ['input', 'tel', false, 'Phone (optional)'],
      ['textarea', null, true, 'Message (required)'],
    ]);
    expect(field(el, 'email').type).to.equal('email');
    expect(field(el, 'phone').type).to.equal('tel');
    for (const label of shadow(el).querySelectorAll('label')) {
      expect(label.getClientRects().length).to.be.greaterThan(0);
    }
  });

  it('show a privacy line and a crisis line with tel: and sms: links by default', async () => {
    const el = await renderForm();
    const notes = parts(el, 'form-note');
    expect(notes.map(seenText)).to.deep.equal([
      formStrings.privacy,
      'In an emergency, call 988 or text 988 (Suicide & Crisis Lifeline), or call 911.',
    ]);
    const links = [...notes[1]!.querySelectorAll('a')].map((a) => [seenText(a), a.href]);
    expect(links).to.deep.equal([
      ['call 988', 'tel:988'],
      ['text 988', 'sms:988'],
      ['call 911', 'tel:911'],
    ]);
    // Before the fields, so they are read before anything is written.
    expect(notes[1]!.compareDocumentPosition(field(el, 'name'))).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('no-privacy-note and no-crisis-line hide them', async () => {
    const el = await renderForm({'no-privacy-note': '', 'no-crisis-line': ''});
    expect(parts(el, 'form-note')).to.have.length(0);
    el.noCrisisLine = false;
    await el.updateComplete;
    expect(parts(el, 'form-note').map(seenText)[0]).to.include('988');
  });

  it('a honeypot field that people and assistive technology never meet', async () => {
    const el = await renderForm();
    const trap = field(el, '_gotcha');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    const box = trap.closest('[aria-hidden="true"]')!.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
  });
});

describe('strings', () => {
  const spanish = {
    lang: 'es',
    name: 'Nombre',
    required: '(obligatorio)',
    send: 'Enviar',
    crisis: 'En una emergencia, [llame al 988](tel:988) o [escriba](https://evil.example).',
  };

  it('every visible string can be replaced by the strings property', async () => {
    const el = await renderForm();
    el.strings = spanish;
    await el.updateComplete;
    expect(form(el).getAttribute('lang')).to.equal('es');
    expect(seenText(shadow(el).querySelector('label')!)).to.equal('Nombre (obligatorio)');
    expect(seenText(button(el))).to.equal('Enviar');
    // Untouched keys keep their English default.
    expect(seenText(shadow(el).querySelector('label[for="email"]')!)).to.equal(
      'Email (obligatorio)',
    );
    // Only tel: and sms: links are made; anything else stays text.
    const crisis = parts(el, 'form-note')[1]!;
    expect([...crisis.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:988',
    ]);
    expect(seenText(crisis)).to.include('[escriba](https://evil.example)');
  });

  it('and by the form-strings attribute, as JSON', async () => {
    const el = await renderForm({'form-strings': JSON.stringify(spanish)});
    expect(seenText(button(el))).to.equal('Enviar');
  });

  it('shows markup in strings as text', async () => {
    const el = await renderForm({'form-strings': '{"send": "<img src=x onerror=alert(1)>"}'});
    expect(seenText(button(el))).to.equal('<img src=x onerror=alert(1)>');
    expect(shadow(el).querySelector('img')).to.equal(null);
  });

  for (const bad of ['{not json', '"just a string"', '[1,2]', '42']) {
    it(`keeps the defaults with one warning for form-strings=${bad}`, async () => {
      let el!: TherapistAttachmentArticle;
      const warnings = await captureWarnings(async () => {
        el = await renderForm({'form-strings': bad});
      });
      expect(seenText(button(el))).to.equal(formStrings.send);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('form-strings');
    });
  }
});

describe('form-encoding and form-timeout', () => {
  for (const [name, bad] of [
    ['form-encoding', 'xml'],
    ['form-timeout', '-5'],
    ['form-timeout', 'soon'],
    ['form-timeout', '0'],
  ] as const) {
    it(`${name}="${bad}" falls back with one warning`, async () => {
      const warnings = await captureWarnings(() => renderForm({[name]: bad}));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(name);
    });
  }
});

describe('validation', () => {
  it('an empty submit marks the required fields, explains each, focuses the first', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    let submits = 0;
    el.addEventListener('therapist-article-form-submit', () => submits++);
    button(el).click();
    await el.updateComplete;
    await el.updateComplete;
    const invalid = FIELDS.filter((n) => field(el, n).getAttribute('aria-invalid') === 'true');
    expect(invalid).to.deep.equal(['name', 'email', 'message']);
    expect(seenText(errorOf(el, 'name'))).to.equal(formStrings.nameError);
    expect(seenText(errorOf(el, 'email'))).to.equal(formStrings.emailError);
    expect(seenText(errorOf(el, 'message'))).to.equal(formStrings.messageError);
    expect(shadow(el).activeElement).to.equal(field(el, 'name'));
    expect(submits).to.equal(0);
    expect(await received(run)).to.deep.equal([]);
  });

  it('a bad email alone: only the email is marked and focused', async () => {
    const el = await renderForm();
    fill(el, {...visitor, email: 'ana@'});
    button(el).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'name').hasAttribute('aria-invalid')).to.equal(false);
    expect(shadow(el).activeElement).to.equal(field(el, 'email'));
    expect(values(el)).to.deep.equal({...visitor, email: 'ana@'});
  });

  it('a message of only spaces is not a message', async () => {
    const el = await renderForm();
    fill(el, {...visitor, message: '   \n  '});
    button(el).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(field(el, 'message').getAttribute('aria-invalid')).to.equal('true');
  });

  it('typing in a marked field clears its message', async () => {
    const el = await renderForm();
    button(el).click();
    await el.updateComplete;
    fill(el, {name: 'Ana'});
    await el.updateComplete;
    expect(field(el, 'name').hasAttribute('aria-invalid')).to.equal(false);
    expect(seenText(errorOf(el, 'name'))).to.equal('');
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('limits and patterns (from the field descriptors)', () => {
  const descriptor = (name: string): FieldDescriptor =>
    FIELD_DESCRIPTORS.find((f) => f.name === name)!;
  const message = descriptor('message');
  const phone = descriptor('phone');
  /** The limit as the English strings show it, grouped by thousands ("5,000"). */
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  const tooLong = (n: number) => formStrings.tooLong.replace('{max}', grouped(n));
  /** `count` code points, emoji among them: each is one code point but two UTF-16 units. */
  const text = (count: number) => {
    const emoji = '🙂🌱💬'.repeat(100); // 300 code points
    return `${emoji}${'a'.repeat(count - [...emoji].length)}`;
  };

  /** Clicks send, as a visitor would, and waits for the form's answer; counts submit events. */
  const submitInvalid = async (el: TherapistAttachmentArticle) => {
    let submits = 0;
    el.addEventListener('therapist-article-form-submit', () => submits++);
    button(el).click();
    await el.updateComplete;
    await el.updateComplete;
    return () => submits;
  };
  const marked = (el: Element) =>
    FIELDS.filter((n) => field(el, n).getAttribute('aria-invalid') === 'true');

  it('the descriptors are what these tests expect', () => {
    expect(message.maxLength).to.be.greaterThan(1000);
    expect([...text(message.maxLength + 1)].length).to.equal(message.maxLength + 1);
    expect(text(message.maxLength).length).to.be.greaterThan(message.maxLength);
    expect(phone.pattern).to.be.a('string');
    const matches = (value: string) => new RegExp(`^(?:${phone.pattern})$`, 'v').test(value);
    expect(matches('abc')).to.equal(false);
    expect(matches(visitor.phone)).to.equal(true);
    expect(phone.required).to.equal(false);
  });

  it('a message one code point over: the tooLong text with the grouped limit; nothing sent', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    const long = text(message.maxLength + 1);
    fill(el, {...visitor, message: long});
    const fetches = watchFetch();
    const submits = await submitInvalid(el);
    expect(seenText(errorOf(el, 'message'))).to.equal(tooLong(message.maxLength));
    expect(seenText(errorOf(el, 'message'))).to.include(grouped(message.maxLength));
    expect(marked(el)).to.deep.equal(['message']);
    expect(shadow(el).activeElement).to.equal(field(el, 'message'));
    expect(field(el, 'message').value, 'refused, never cut').to.equal(long);
    expect(submits()).to.equal(0);
    await idle(el);
    expect(fetches.stop(), 'no request started').to.deep.equal([]);
    expect(await received(run)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a message of exactly the limit (emoji counting as one each) is sent as typed', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    const exact = text(message.maxLength);
    fill(el, {...visitor, message: exact});
    const event = await submitAndWait(el);
    expect(event.type).to.equal('therapist-article-form-sent');
    expect(marked(el)).to.deep.equal([]);
    const [got] = await received(run);
    expect(got!.fields.message).to.equal(exact);
    expect([...got!.fields.message!].length).to.equal(message.maxLength);
  });

  it('every field refuses one code point over its own limit', async () => {
    const el = await renderForm();
    const errors: Record<string, string> = {};
    for (const {name, maxLength} of FIELD_DESCRIPTORS) {
      const value =
        name === 'email'
          ? `${'a'.repeat(maxLength + 1 - '@example.com'.length)}@example.com`
          : name === 'phone'
            ? '5'.repeat(maxLength + 1)
            : `🙂${'a'.repeat(maxLength)}`;
      expect([...value].length, name).to.equal(maxLength + 1);
      fill(el, {...visitor, [name]: value});
      await submitInvalid(el);
      errors[name] = seenText(errorOf(el, name));
      expect(marked(el), name).to.deep.equal([name]);
      expect(shadow(el).activeElement, name).to.equal(field(el, name));
      fill(el, visitor);
      await el.updateComplete;
    }
    expect(errors).to.deep.equal(
      Object.fromEntries(FIELD_DESCRIPTORS.map((f) => [f.name, tooLong(f.maxLength)])),
    );
  });

  it('a phone that does not match the pattern: the phone error, marked and focused', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el, {...visitor, phone: 'abc'});
    const submits = await submitInvalid(el);
    expect(seenText(errorOf(el, 'phone'))).to.equal(formStrings.phoneError);
    expect(marked(el)).to.deep.equal(['phone']);
    expect(shadow(el).activeElement).to.equal(field(el, 'phone'));
    expect(values(el)).to.deep.equal({...visitor, phone: 'abc'});
    expect(submits()).to.equal(0);
    expect(await received(run)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('an empty phone is fine: nothing marked, the message is sent', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el, {...visitor, phone: ''});
    const event = await submitAndWait(el);
    expect(event.type).to.equal('therapist-article-form-sent');
    expect(field(el, 'phone').hasAttribute('aria-invalid')).to.equal(false);
    expect((await received(run)).length).to.equal(1);
  });

  it('several invalid fields: each explained, aria-invalid on each, focus on the first', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el, {...visitor, phone: 'abc', message: text(message.maxLength + 1)});
    const submits = await submitInvalid(el);
    expect(marked(el)).to.deep.equal(['phone', 'message']);
    expect(seenText(errorOf(el, 'phone'))).to.equal(formStrings.phoneError);
    expect(seenText(errorOf(el, 'message'))).to.equal(tooLong(message.maxLength));
    expect(shadow(el).activeElement).to.equal(field(el, 'phone'));
    for (const name of ['phone', 'message']) {
      expect(field(el, name).getAttribute('aria-describedby')).to.equal(errorOf(el, name).id);
    }
    expect(submits()).to.equal(0);
    expect(await received(run)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Fixing them sends the message.
    fill(el, {phone: '', message: text(message.maxLength)});
    await el.updateComplete;
    expect(marked(el)).to.deep.equal([]);
    expect(await submitAndWait(el)).to.have.property('type', 'therapist-article-form-sent');
    expect((await received(run)).length).to.equal(1);
  });
});

describe('states', () => {
  it('sending: button disabled and aria-busy, status says so; then sent', async () => {
    const el = await renderForm();
    fill(el);
    const done = submitAndWait(el);
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
    expect(button(el).getAttribute('aria-busy')).to.equal('true');
    expect(seenText(status(el))).to.equal(formStrings.sending);
    await done;
    expect(seenText(status(el))).to.equal(formStrings.sent);
  });

  it('the status is a polite live region that is there before anything is announced', async () => {
    const el = await renderForm();
    expect(status(el).getAttribute('role')).to.equal('status');
    expect(seenText(status(el))).to.equal('');
  });

  it('a filled honeypot pretends success and sends nothing', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/ok?run=${run}`});
    fill(el);
    field(el, '_gotcha').value = 'http://spam.example';
    let events = 0;
    for (const type of ['submit', 'sent', 'failed']) {
      el.addEventListener(`therapist-article-form-${type}`, () => events++);
    }
    const fetches = watchFetch();
    button(el).click();
    await idle(el);
    expect(fetches.stop(), 'no request started').to.deep.equal([]);
    expect(seenText(status(el))).to.equal(formStrings.sent);
    expect(events).to.equal(0);
    expect(await received(run)).to.deep.equal([]);
  });
});

describe('keyboard only', () => {
  it('a visitor can fill in and send the form with the keyboard alone', async () => {
    const run = newRun();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button>before</button>
        <therapist-attachment-article
          form-action="/__contact/ok?run=${run}"
        ></therapist-attachment-article>
      </div>`,
    );
    const el = wrapper.querySelector('therapist-attachment-article')!;
    await el.updateComplete;
    wrapper.querySelector('button')!.focus();
    const focused = () => shadow(el).activeElement;
    const typed = {name: 'Sam Keys', email: 'sam@example.com', phone: '555 0100', message: 'Hi'};
    // The crisis line's three links come first.
    for (let i = 0; i < 3; i++) await sendKeys({press: 'Tab'});
    expect(focused()!.getAttribute('href')).to.equal('tel:911');
    for (const name of FIELDS) {
      await sendKeys({press: 'Tab'});
      expect(focused()).to.equal(field(el, name));
      expect(getComputedStyle(focused()!).outlineStyle).to.equal('solid');
      // ASCII only: WebKit's WebDriver drops a space after a non-ASCII letter.
      await sendKeys({type: typed[name as keyof typeof typed]});
    }
    await sendKeys({press: 'Tab'});
    expect(focused(), 'the honeypot is skipped').to.equal(button(el));
    const sent = new Promise((r) => el.addEventListener('therapist-article-form-sent', r));
    await sendKeys({press: 'Enter'});
    await sent;
    await el.updateComplete;
    expect(focused()).to.equal(status(el));
    const [message] = await received(run);
    expect(message!.fields).to.deep.include(typed);
  });
});

describe('layout', () => {
  it('targets are at least 24 px high', async () => {
    const el = await renderForm();
    for (const target of [...FIELDS.map((n) => field(el, n)), button(el)]) {
      expect(target.getBoundingClientRect().height).to.be.at.least(24);
    }
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    const size = (await executeServerCommand('set-viewport-size', {width: 320, height: 640})) as {
      width: number;
    };
    try {
      const el = await renderForm();
      const box = form(el);
      expect(box.scrollWidth).to.be.at.most(box.clientWidth);
      for (const name of FIELDS) {
        expect(field(el, name).getBoundingClientRect().right).to.be.at.most(size.width);
      }
    } finally {
      await executeServerCommand('set-viewport-size', {width: 800, height: 600});
    }
  });
});

describe('after failure', () => {
  it('the retry button sends the same text again', async () => {
    const run = newRun();
    const el = await renderForm({'form-action': `/__contact/error?run=${run}`});
    fill(el);
    await submitAndWait(el);
    expect(seenText(button(el))).to.equal(formStrings.retry);
    el.setAttribute('form-action', `/__contact/ok?run=${run}`);
    await el.updateComplete;
    await submitAndWait(el);
    const got = await received(run);
    expect(got.map((r) => r.fields.message)).to.deep.equal([visitor.message, visitor.message]);
  });
});
