// A valid use: passes the type check.
import type {} from 'therapist-attachment-article/solid';
import type {CtaClickEvent} from 'therapist-attachment-article';

const seen: string[] = [];
export const Article = () => (
  <therapist-attachment-article
    cta-href="/contact"
    cta-label="Book a call"
    cta-target="_blank"
    theme="dark"
    layout="teaser"
    ontherapist-article-cta-click={(event: CtaClickEvent) => seen.push(event.detail.href)}
  >
    <p>
      Is it "Normal" to be Attached to your Therapist? <a href="/contact">Reach out</a>
    </p>
  </therapist-attachment-article>
);
