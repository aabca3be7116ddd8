// The classic drop-in's contact form file, therapist-attachment-article.form.js, from the
// drop-in's side (vite.form.config.ts builds the file itself). An IIFE cannot split its code,
// so the drop-in adds that script, found next to its own file: a CDN, the WordPress plugin and a
// self-hosted copy all find it with no configuration. The file brings no Lit of its own: it
// takes the Lit functions it uses from the registry below and puts the form's code there. It is
// always loaded with its own Subresource Integrity hash, pinned at build time, and
// `crossorigin`: even a wrong address cannot run another file.
import {adoptStyles, css, html, nothing} from 'lit';
import type {ContactForm, contactForm, formStyles} from './contact-form.js';

/** The form's code: src/contact-form.ts, however it came. */
export interface FormModule {
  ContactForm: typeof ContactForm;
  contactForm: typeof contactForm;
  formStyles: typeof formStyles;
}

/**
 * What the drop-in shares with its form file, on `globalThis` under
 * `Symbol.for('therapist-attachment-article')`: the Lit functions the file uses one way, the
 * form's code the other. The renderer for pre-rendered markup (scripts/ssr.mjs) puts the form's
 * code there before the element loads, so that it has it at once.
 */
export interface FormRegistry {
  html: typeof html;
  nothing: typeof nothing;
  css: typeof css;
  adoptStyles: typeof adoptStyles;
  form?: FormModule;
}

const registryKey = Symbol.for('therapist-attachment-article');
const shared = globalThis as unknown as Record<symbol, FormRegistry | undefined>;

/** The registry, if anything made it (the drop-in, or the renderer for pre-rendered markup). */
export const registry = () => shared[registryKey];

/**
 * The form file's pinned hash, written by vite.config.ts in the drop-in's build only; the other
 * builds define it as `undefined` (vite.npm.config.ts, scripts/ssr.mjs) or leave it out (the
 * tests, the dev server), so that code for the drop-in alone drops out of them.
 */
declare const __FORM_INTEGRITY__: string | undefined;

const FILE = 'therapist-attachment-article.form.js';

// Where the drop-in came from, captured while it runs (later, document.currentScript is another
// script or null; it is always null for a module, so a drop-in loaded with type="module" is
// found by its name). Read through Document.prototype's own getters: markup on the page
// (<img name="currentScript" src="https://evil.example/">, <form name="scripts">…) shadows
// `document.currentScript` and `document.scripts`, but not the getters, and only a real
// <script> counts. There is no other fallback: without it, the link stays.
const read = (name: 'currentScript' | 'scripts'): unknown =>
  Object.getOwnPropertyDescriptor(Document.prototype, name)!.get!.call(document);
const ownScript = (): HTMLScriptElement | undefined => {
  const current = read('currentScript');
  return current instanceof HTMLScriptElement
    ? current
    : [...(read('scripts') as HTMLCollectionOf<HTMLScriptElement>)].find((s) =>
        /therapist-attachment-article[\w.-]*\.js(?:[?#]|$)/.test(s.src),
      );
};
const own = typeof __FORM_INTEGRITY__ == 'string' ? ownScript() : undefined;

/** The drop-in's way to the form: adds the form file from beside its own <script>. */
export function addFormScript(): Promise<FormModule> {
  const registered = (shared[registryKey] ??= {html, nothing, css, adoptStyles});
  if (registered.form) return Promise.resolve(registered.form);
  return new Promise((resolve, reject) => {
    if (!own?.src) return reject(new Error(`the drop-in's own <script> was not found`));
    const script = document.createElement('script');
    script.integrity = __FORM_INTEGRITY__!;
    script.crossOrigin = own.crossOrigin ?? 'anonymous';
    script.src = new URL(FILE, own.src).href;
    // The form file registers its code as it runs: after either event, it did or it did not.
    script.onload = script.onerror = () =>
      registered.form
        ? resolve(registered.form)
        : reject(
            new Error(
              `${script.src} is missing, blocked, offline or does not match its integrity hash`,
            ),
          );
    document.head.append(script);
  });
}
