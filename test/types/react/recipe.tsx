// The React 18 recipe of docs/frameworks.md (without its define import): must pass.
import {useEffect, useRef} from 'react';
import type {} from 'therapist-attachment-article/react';
import type {CtaClickEvent, TherapistAttachmentArticle} from 'therapist-attachment-article';

export function Article(props: {
  ctaHref: string;
  hidePrivacyNote?: boolean;
  onCtaClick?: (event: CtaClickEvent) => void;
}) {
  const ref = useRef<TherapistAttachmentArticle>(null);
  const {onCtaClick} = props;
  useEffect(() => {
    const element = ref.current;
    if (!element || !onCtaClick) return;
    const listener = (event: Event) => onCtaClick(event as CtaClickEvent);
    element.addEventListener('therapist-article-cta-click', listener);
    return () => element.removeEventListener('therapist-article-cta-click', listener);
  }, [onCtaClick]);
  return (
    <therapist-attachment-article
      ref={ref}
      cta-href={props.ctaHref}
      {...(props.hidePrivacyNote ? {'no-privacy-note': true} : {})}
    />
  );
}
