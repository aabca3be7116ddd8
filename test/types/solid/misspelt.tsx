// Must fail: "them" is no attribute of the element.
import type {} from 'therapist-attachment-article/solid';

export const Article = () => <therapist-attachment-article them="dark" />;
