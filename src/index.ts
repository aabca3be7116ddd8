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
