import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {fillPrerender, type PrerenderParts} from '../src/prerender.js';
import {article, fold, plainText} from './helpers.js';
import {newRun, received, visitor} from './form-helpers.js';

// The pre-rendered element (the parts the build makes, filled as every snippet and the
// WordPress plugin fill them) in a frame whose scripts are off: `sandbox` without
// `allow-scripts` is JavaScript disabled, in every engine. What a visitor can do there is what
// they can do when the script is blocked, fails or has not arrived.

const tag = 'therapist-attachment-article';
let parts: PrerenderParts;
before(async () => {
  ({parts} = (await executeServerCommand<{parts: PrerenderParts}, undefined>(
    'configurator-data',
  ))!);
});

let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

const loaded = (f: HTMLIFrameElement) =>
  new Promise((resolve) => f.addEventListener('load', resolve, {once: true}));

/** The pre-rendered element in a frame without scripts; resolves with its shadow root. */
async function noScript(attributes: Record<string, string>): Promise<ShadowRoot> {
  frame = document.createElement('iframe');
  frame.sandbox.add('allow-forms', 'allow-same-origin');
  frame.srcdoc = `<!doctype html><html lang="en"><meta charset="utf-8"><body><${tag}>${fillPrerender(
    parts,
    attributes,
  )}</${tag}>`;
  const ready = loaded(frame);
  document.body.append(frame);
  await ready;
  const root = frame.contentDocument!.querySelector(tag)!.shadowRoot!;
  expect(root, 'the declarative shadow root').to.not.equal(null);
  expect(frame.contentWindow!.customElements.get(tag), 'no script ran').to.equal(undefined);
  return root;
}

const typeInto = (root: ShadowRoot, fields: Record<string, string>) => {
  for (const [name, value] of Object.entries(fields)) {
    root.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
  }
};

/** Every URL the test server was asked for: none may carry a word of the message. */
const urls = async () =>
  (await executeServerCommand<string[], {urls: boolean}>('contact-endpoint', {urls: true}))!;

describe('without JavaScript', () => {
  it('the form posts the message to its endpoint, exactly as typed, and never into a URL', async () => {
    const run = newRun();
    const message = {...visitor, message: `${visitor.message} secret-${run}`};
    const root = await noScript({
      'form-action': `/__contact/ok?run=${run}`,
      'form-encoding': 'urlencoded',
    });
    const form = root.querySelector('form')!;
    expect(form.method).to.equal('post');
    expect(form.noValidate, 'the browser checks the fields').to.equal(false);
    typeInto(root, message);
    const answered = loaded(frame!);
    root.querySelector<HTMLButtonElement>('[part~="form-button"]')!.click();
    await answered;
    const got = await received(run);
    expect(got).to.have.length(1);
    expect(got[0]!.contentType).to.equal('application/x-www-form-urlencoded');
    expect(got[0]!.submissionId, 'no token in the markup').to.equal(undefined);
    // A form post writes line breaks as CRLF (HTML's form encoding): the same lines.
    const fields = {...got[0]!.fields, message: got[0]!.fields.message!.replace(/\r\n/g, '\n')};
    expect(fields).to.deep.equal({...message, _gotcha: ''});
    const words = ['secret', 'Ana', 'availability', 'example.com'];
    for (const url of [...(await urls()), frame!.contentWindow!.location.href]) {
      for (const word of words) expect(url, url).to.not.include(word);
    }
  });

  it('the browser checks the fields first: an empty form is not sent', async () => {
    const run = newRun();
    const root = await noScript({
      'form-action': `/__contact/ok?run=${run}`,
      'form-encoding': 'urlencoded',
    });
    const form = root.querySelector('form')!;
    expect(form.checkValidity()).to.equal(false);
    expect(root.querySelector('[name="message"]')!.hasAttribute('required')).to.equal(true);
  });

  it('a form for a JSON-only endpoint cannot send: its Send is disabled, and a line offers the link', async () => {
    const link = {'cta-href': '/contact-us', 'cta-target': '_self', 'cta-label': 'Book a call'};
    const root = await noScript({'form-action': '/__contact/ok', ...link});
    const form = root.querySelector('form')!;
    const send = root.querySelector<HTMLButtonElement>('[part~="form-button"]')!;
    expect(form.method, 'never a GET, whatever happens').to.equal('post');
    expect(send.disabled).to.equal(true);
    // Implicit submission (Enter in a field) never submits through a disabled default button.
    typeInto(root, visitor);
    const note = [...root.querySelectorAll('[part~="form-note"]')].at(-1)!;
    expect(fold(note.textContent!)).to.match(/needs JavaScript/);
    const a = root.querySelector<HTMLAnchorElement>('a[part~="cta-button"]')!;
    expect(a.getAttribute('href')).to.equal('/contact-us');
    expect(fold(a.textContent!)).to.equal('Book a call');
    expect(a.checkVisibility() && note.checkVisibility()).to.equal(true);
  });

  it('the teaser opens in place, and then shows the call-to-action', async () => {
    const root = await noScript({'cta-href': '/contact', layout: 'teaser'});
    const shown = () =>
      [...root.querySelectorAll<HTMLElement>('[part="paragraph"]')].filter((p) =>
        p.checkVisibility(),
      ).length;
    const cta = root.querySelector<HTMLElement>('[part~="cta-button"]')!;
    expect(shown()).to.equal(3);
    expect(cta.checkVisibility(), 'the call-to-action waits for the rest').to.equal(false);
    const summary = root.querySelector<HTMLElement>('[part~="read-more"]')!;
    const details = summary.parentElement as HTMLDetailsElement;
    // No listener of ours can run in the frame (WebKit runs none there): its own frames pass.
    summary.click();
    expect(details.open).to.equal(true);
    await new Promise((r) => frame!.contentWindow!.requestAnimationFrame(r));
    expect(shown()).to.equal(article.paragraphs.length);
    expect(cta.checkVisibility()).to.equal(true);
    const texts = [...root.querySelectorAll('[part="paragraph"]')].map((p) => fold(p.textContent!));
    expect(texts.slice(0, article.paragraphs.length)).to.deep.equal(
      article.paragraphs.map((p) => fold(plainText(p))),
    );
  });
});
