export {
  TherapistAttachmentArticle,
  CtaClickEvent,
  DEFAULTS,
  THEMES,
  CTA_TARGETS,
} from './therapist-attachment-article.js';
export type {CtaClickDetail, CtaTarget, Theme} from './therapist-attachment-article.js';
export {article, signature, plainText} from './content/article.js';
export type {ArticleContent, Inline, Paragraph} from './content/article.js';
export {safeUrl} from './safe-url.js';
export {FIELDS, FormSubmitEvent, FormSentEvent, FormFailedEvent} from './contact-form.js';
export type {
  FieldName,
  FormFields,
  FormFailure,
  FormSubmitDetail,
  FormSentDetail,
  FormFailedDetail,
} from './contact-form.js';
export {formStrings} from './content/form-strings.js';
export type {FormStrings} from './content/form-strings.js';
