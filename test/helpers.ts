import {fixture, html} from '@open-wc/testing';
import {article, plainText} from '../src/content/article.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import '../src/define.js';

export {article, plainText};

/** Renders one element with the given attributes (set as text, the way HTML sets them). */
export async function render(
  attributes: Record<string, string> = {},
): Promise<TherapistAttachmentArticle> {
  const el = await fixture<TherapistAttachmentArticle>(
    html`<therapist-attachment-article></therapist-attachment-article>`,
  );
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element): ShadowRoot => {
  if (!el.shadowRoot) throw new Error('no open shadow root');
  return el.shadowRoot;
};

export const part = <T extends Element = HTMLElement>(el: Element, name: string): T => {
  const found = shadow(el).querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
};

export const parts = (el: Element, name: string): HTMLElement[] => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** What a reader sees in an element: its text with white space folded. */
export const seen = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Folds white space like a browser does, for comparing against the source. */
export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Collects console.warn calls while `fn` runs. */
export async function captureWarnings(fn: () => unknown): Promise<string[]> {
  const calls: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => calls.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return calls;
}

/**
 * The article as captured on the original page, split into blocks: one block per non-empty
 * line, page chrome included. Lines holding only a no-break space separate paragraphs.
 */
export function seedBlocks(seed: string): string[] {
  return seed
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+$/u, ''))
    .filter((line) => line.trim() !== '');
}

/** An explicit idle point: `el` has finished updating and two frames have passed. */
export async function idle(el?: {updateComplete: Promise<unknown>}): Promise<void> {
  await el?.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/**
 * Counts the requests made through window.fetch (the only way the form sends anything) until
 * `stop()`, which restores fetch and returns their URLs: "nothing sent" without waiting for a
 * request that might still arrive at the server.
 */
export function watchFetch(): {stop: () => string[]} {
  const realFetch = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  };
  return {
    stop: () => {
      window.fetch = realFetch;
      return urls;
    },
  };
}
