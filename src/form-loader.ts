// Loads the contact form's code (src/contact-form.ts) on demand: only an element with
// `form-action` asks for it, once per page. Where it comes from depends on the build
// (./form-import.js): the npm package imports it as a module; the classic drop-in adds the
// script therapist-attachment-article.form.js found next to its own file; the renderer for
// pre-rendered markup has it at hand. If it cannot load, one warning says why and every element
// keeps its call-to-action link.
import type {ContactForm, contactForm, formStyles} from './contact-form.js';
import {importForm, preloaded} from './form-import.js';

export interface FormModule {
  ContactForm: typeof ContactForm;
  contactForm: typeof contactForm;
  formStyles: typeof formStyles;
}

/** The form's code, once it has loaded. */
export let formModule: FormModule | undefined = preloaded;

/** Whether it could not load: the elements then keep their links. */
export let formFailed = false;

let loading: Promise<unknown> | undefined;

/** Resolves when the form has loaded, or has failed to (then the link stays). Never rejects. */
export const loadForm = () =>
  (loading ??= importForm().then(
    (module) => (formModule = module),
    (error: Error) => {
      formFailed = true;
      console.warn(
        `<therapist-attachment-article>: the contact form could not load (${error.message}); showing the call-to-action link instead.`,
      );
    },
  ));
