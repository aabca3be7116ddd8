// The npm entry: the class and what a page's code writes against it (its events, their
// details, the form's strings). No side effects: `define.js` registers the tag. The article's
// text, the URL rules and the option lists are the element's own business, not API.
export {TherapistAttachmentArticle} from './therapist-attachment-article.js';
export {ArticleReadEvent, ArticleViewEvent, CtaClickEvent, type CtaClickDetail} from './events.js';
export {
  FormSubmitEvent,
  FormSentEvent,
  FormFailedEvent,
  type FormFields,
  type FormFailure,
  type FormSubmitDetail,
  type FormSentDetail,
  type FormFailedDetail,
} from './form-events.js';
export type {CtaTarget, Theme} from './attributes.js';
export type {FieldName} from './content/form-fields.js';
export type {FormStrings} from './content/form-strings.js';
