// Entry of the classic drop-in's form file (dist/therapist-attachment-article.form.js, built by
// scripts/build-form.mjs): the form's code, put where the drop-in that added this script finds
// it. Its `lit` import is the drop-in's own Lit (see src/form-import-script.ts).
import {ContactForm, contactForm, formStyles} from './contact-form.js';
import {registry} from './form-registry.js';

registry()!.form = {ContactForm, contactForm, formStyles};
