import type {adoptStyles, css, html, nothing} from 'lit';
import type {FormModule} from './form-loader.js';

/**
 * What the classic drop-in shares with its form file (therapist-attachment-article.form.js),
 * which brings no Lit of its own: the Lit functions it uses one way, the form's code the other.
 */
export interface FormRegistry {
  html: typeof html;
  nothing: typeof nothing;
  css: typeof css;
  adoptStyles: typeof adoptStyles;
  form?: FormModule;
}

export const registryKey = Symbol.for('therapist-attachment-article');

export const registry = () =>
  (globalThis as unknown as Record<symbol, FormRegistry | undefined>)[registryKey];
