import {TherapistAttachmentArticle} from './therapist-attachment-article.js';

export const tagName = 'therapist-attachment-article';

// Two plugins (or the drop-in file beside the npm build) may load this twice: the first
// definition wins and a second load does nothing, instead of throwing.
if (!customElements.get(tagName)) {
  customElements.define(tagName, TherapistAttachmentArticle);
}

declare global {
  interface HTMLElementTagNameMap {
    'therapist-attachment-article': TherapistAttachmentArticle;
  }
}
