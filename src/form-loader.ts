// Loads the contact form's code (src/contact-form.ts) on demand, for the element: only an
// element that asks for the form (`form-action` or `form-listener`) loads it, once per page.
// Where it comes from depends on the build:
// - the npm package (and the tests and the dev server): a dynamic import, which the app's
//   bundler splits into a chunk of its own;
// - the classic drop-in (an IIFE, which cannot split): the form file beside the drop-in's own
//   <script>, with its pinned hash (src/form-script.ts); the build drops the other branch;
// - the renderer for pre-rendered markup (scripts/ssr.mjs): the code is in the registry before
//   the element loads, so the element has it at once.
// If it cannot load, one warning says why and every element keeps its call-to-action link.
import type {ReactiveControllerHost} from 'lit';
import type {ContactForm} from './contact-form.js';
import {addFormScript, registry, type FormModule} from './form-script.js';

declare const __FORM_INTEGRITY__: string | undefined; // only in the drop-in: see form-script.ts

export type {FormModule};

/** The form's code, once it has loaded. */
export let formModule: FormModule | undefined = registry()?.form;

/** Whether it could not load: the elements then keep their links. */
export let formFailed = false;

let loading: Promise<unknown> | undefined;

/** Resolves when the form has loaded, or has failed to (then the link stays). Never rejects. */
export const loadForm = () =>
  (loading ??= (
    typeof __FORM_INTEGRITY__ == 'string' ? addFormScript() : import('./contact-form.js')
  ).then(
    (module) => (formModule = module),
    (error: Error) => {
      formFailed = true;
      console.warn(
        `<therapist-attachment-article>: the contact form could not load (${error.message}); showing the call-to-action link instead.`,
      );
    },
  ));

/** What the form takes from the element's settings. */
interface FormSettings {
  readonly formAction: string;
  readonly formEncoding: string;
  readonly formTimeout: number;
  readonly strings: ContactForm['given'];
}

/**
 * The element's side of the form: loads its code when the element asks for the form, then
 * keeps the form's state in step with the element's settings before each render. The element
 * calls `update()` from its `willUpdate`, which the server renderer (@lit-labs/ssr) runs too,
 * unlike controllers' hooks.
 */
export class FormController {
  /** The form's state, once its code has loaded. */
  form?: ContactForm;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => FormSettings,
    /** Whether the element asks for the form (`form-action` or `form-listener`). */
    private readonly wanted: () => boolean,
  ) {}

  update(): void {
    if (!formModule) {
      if (this.wanted() && !formFailed) void loadForm().then(() => this.host.requestUpdate());
      return;
    }
    const s = this.settings();
    const form = (this.form ??= new formModule.ContactForm(this.host as never));
    form.action = s.formAction;
    form.urlencoded = s.formEncoding !== 'json';
    form.timeout = s.formTimeout;
    form.given = s.strings;
  }
}
