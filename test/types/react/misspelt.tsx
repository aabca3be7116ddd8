// Must fail: "them" is no attribute of the element.
import type {} from 'therapist-attachment-article/react';

export const Article = () => <therapist-attachment-article them="dark" />;
