// The npm entry: the class and what a page's code writes against it (its events, their
// details, the form's strings). No side effects: `define.js` registers the tag. The article's
// text, the URL rules and the option lists are the element's own business, not API.
export {TherapistAttachmentArticle} from './therapist-attachment-article.js';
export {
  ArticleReadEvent,
  ArticleViewEvent,
  CtaClickEvent,
  FormSubmitEvent,
  FormSentEvent,
  FormFailedEvent,
} from './events.js';
export type {
  CtaClickDetail,
  FormFields,
  FormFailure,
  FormSubmitDetail,
  FormSentDetail,
  FormFailedDetail,
} from './events.js';
export type {CtaTarget, Theme} from './options.js';
export type {FieldName} from './content/form-fields.js';
export type {FormStrings} from './content/form-strings.js';
