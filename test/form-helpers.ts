import {oneEvent} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {FormFailedEvent, FormSentEvent} from '../src/form-events.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {render, shadow} from './helpers.js';

export {formStrings} from '../src/content/form-strings.js';
export {seen as seenText} from './helpers.js';

/** What a visitor might write, with characters that break naive encoders. */
export const visitor = {
  name: 'Ana María O’Neil',
  email: 'ana@example.com',
  phone: '+1 (555) 010-0199',
  message: 'Hello — I’d like to ask about availability.\nThursdays? 50% & "sliding scale" <ok>',
};
export type Fields = typeof visitor;

/** A token that keeps this test's messages apart from those of other engines and tests. */
export const newRun = () => `r${Math.random().toString(36).slice(2)}`;

export interface Received {
  path: string;
  run: string;
  submissionId: string;
  contentType: string;
  accept: string;
  fields: Record<string, string>;
}

/** Every message the test endpoint received for this run. */
export const received = async (run: string): Promise<Received[]> =>
  (await executeServerCommand<Received[], {run: string}>('contact-endpoint', {run})) ?? [];

/** One row of the fault matrix, written to test-results/ when the run ends. */
export const note = (row: Record<string, unknown>) =>
  executeServerCommand('contact-endpoint', {note: row});

export async function renderForm(
  attributes: Record<string, string> = {},
): Promise<TherapistAttachmentArticle> {
  return render({'form-action': '/__contact/ok', ...attributes});
}

export const q = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

export const form = (el: Element) => q<HTMLFormElement>(el, 'form');
export const field = (el: Element, name: string) => q<HTMLInputElement>(el, `[name="${name}"]`);
export const button = (el: Element) => q<HTMLButtonElement>(el, '[part~="form-button"]');
export const status = (el: Element) => q(el, '[role="status"]');
export const errorOf = (el: Element, name: string) =>
  shadow(el).getElementById(field(el, name).getAttribute('aria-describedby')!)!;

/** Types the visitor's words into the fields, as input events (the way typing does). */
export function fill(el: Element, fields: Partial<Fields> = visitor) {
  for (const [name, value] of Object.entries(fields)) {
    const input = field(el, name);
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  }
}

/** What each field holds now. */
export const values = (el: Element): Fields =>
  Object.fromEntries(Object.keys(visitor).map((name) => [name, field(el, name).value])) as Fields;

/** Submits through the button, and resolves with the sent or failed event. */
export async function submitAndWait(
  el: TherapistAttachmentArticle,
): Promise<FormSentEvent | FormFailedEvent> {
  const outcome = Promise.race([
    oneEvent(el, 'therapist-article-form-sent'),
    oneEvent(el, 'therapist-article-form-failed'),
  ]) as Promise<FormSentEvent | FormFailedEvent>;
  button(el).click();
  const event = await outcome;
  await el.updateComplete;
  return event;
}

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
