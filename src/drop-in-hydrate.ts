// Entry of the pre-rendered snippet's script (dist/therapist-attachment-article.hydrate.js):
// the plain drop-in plus Lit's hydration support, so an element that arrives with its
// declarative shadow root (dist/embed.html) keeps the server-rendered nodes instead of
// rendering them again. A file of its own, because hydration support costs bytes that the
// plain drop-in, which has a size budget, does not need.
//
// The order matters: the support module must run before LitElement's module is evaluated,
// which happens through the define module below.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './define.js';
