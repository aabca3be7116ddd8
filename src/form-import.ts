// The npm package's way to the form: a dynamic import, which the page's bundler splits into a
// chunk of its own (the classic drop-in swaps this module for form-import-script.ts, and the
// renderer for pre-rendered markup for form-import-static.ts: see vite.config.ts).
import type {FormModule} from './form-loader.js';

export const preloaded: FormModule | undefined = undefined;

export const importForm = (): Promise<FormModule> => import('./contact-form.js');
