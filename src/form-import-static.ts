// The renderer for pre-rendered markup (scripts/ssr.mjs) renders synchronously: it gets the
// form's code at once, in the same bundle.
import * as form from './contact-form.js';
import type {FormModule} from './form-loader.js';

export const preloaded: FormModule | undefined = form;

export const importForm = (): Promise<FormModule> => Promise.resolve(form);
