// Must fail: "purple" is not a theme.
import type {} from 'therapist-attachment-article/preact';

export const Article = () => <therapist-attachment-article theme="purple" />;
