// The classic drop-in's way to the form (an IIFE cannot split its code): it adds the script
// therapist-attachment-article.form.js, found next to its own file, so a CDN, the WordPress
// plugin and a self-hosted copy all find it with no configuration. That file brings no Lit of
// its own: it takes the Lit functions it uses from the registry below and puts the form's code
// there. Where the drop-in was loaded with an `integrity` hash, the form file is loaded with
// its own, pinned at build time, and the drop-in's `crossorigin`.
import {adoptStyles, css, html, nothing} from 'lit';
import type {FormModule} from './form-loader.js';
import {registryKey, type FormRegistry} from './form-registry.js';

declare const __FORM_INTEGRITY__: string; // written by vite.config.ts from the built form file

const FILE = 'therapist-attachment-article.form.js';

// Captured while this file runs: later, document.currentScript is another script or null (it is
// always null for a module, so a drop-in loaded with type="module" is found by its name).
const own = (document.currentScript ??
  [...document.scripts].find((s) =>
    /therapist-attachment-article[\w.-]*\.js(?:[?#]|$)/.test(s.src),
  )) as HTMLScriptElement | undefined;

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
    const script = document.createElement('script');
    if (own?.integrity) script.integrity = __FORM_INTEGRITY__;
    if (own?.crossOrigin != null) script.crossOrigin = own.crossOrigin;
    script.src = new URL(FILE, own?.src || document.baseURI).href;
    // The form file registers its code in `shared` as it runs: after either event, it did or not.
    script.onload = script.onerror = () =>
      shared.form
        ? resolve(shared.form)
        : reject(
            new Error(
              `${script.src} is missing, blocked, offline${own?.integrity ? ' or does not match its integrity hash' : ''}`,
            ),
          );
    document.head.append(script);
  });
}
