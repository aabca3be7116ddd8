// The classic drop-in's way to the form (an IIFE cannot split its code): it adds the script
// therapist-attachment-article.form.js, found next to its own file, so a CDN, the WordPress
// plugin and a self-hosted copy all find it with no configuration. That file brings no Lit of
// its own: it takes the Lit functions it uses from the registry below and puts the form's code
// there. It is always loaded with its own Subresource Integrity hash, pinned at build time, and
// `crossorigin`: even a wrong address cannot run another file.
import {adoptStyles, css, html, nothing} from 'lit';
import type {FormModule} from './form-loader.js';
import {registryKey, type FormRegistry} from './form-registry.js';

declare const __FORM_INTEGRITY__: string; // written by vite.config.ts from the built form file

const FILE = 'therapist-attachment-article.form.js';

// Where this file came from, captured while it runs (later, document.currentScript is another
// script or null; it is always null for a module, so a drop-in loaded with type="module" is
// found by its name). Read through Document.prototype's own getters: markup on the page
// (<img name="currentScript" src="https://evil.example/">, <form name="scripts">…) shadows
// `document.currentScript` and `document.scripts`, but not the getters, and only a real
// <script> counts. There is no other fallback: without it, the link stays.
const read = (name: 'currentScript' | 'scripts'): unknown =>
  Object.getOwnPropertyDescriptor(Document.prototype, name)!.get!.call(document);
const current = read('currentScript');
const own =
  current instanceof HTMLScriptElement
    ? current
    : [...(read('scripts') as HTMLCollectionOf<HTMLScriptElement>)].find((s) =>
        /therapist-attachment-article[\w.-]*\.js(?:[?#]|$)/.test(s.src),
      );

export const preloaded: FormModule | undefined = undefined;

export function importForm(): Promise<FormModule> {
  const shared = ((globalThis as unknown as Record<symbol, FormRegistry>)[registryKey] ??= {
    html,
    nothing,
    css,
    adoptStyles,
  });
  if (shared.form) return Promise.resolve(shared.form);
  return new Promise((resolve, reject) => {
    if (!own?.src) return reject(new Error(`the drop-in's own <script> was not found`));
    const script = document.createElement('script');
    script.integrity = __FORM_INTEGRITY__;
    script.crossOrigin = own.crossOrigin ?? 'anonymous';
    script.src = new URL(FILE, own.src).href;
    // The form file registers its code in `shared` as it runs: after either event, it did or not.
    script.onload = script.onerror = () =>
      shared.form
        ? resolve(shared.form)
        : reject(
            new Error(
              `${script.src} is missing, blocked, offline or does not match its integrity hash`,
            ),
          );
    document.head.append(script);
  });
}
