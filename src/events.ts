/**
 * The events the element fires: one typed `Event` subclass each, all bubbling out of the
 * shadow root (`bubbles`, `composed`), named in `GlobalEventHandlersEventMap` so that
 * `addEventListener('therapist-article-…', (e) => e.detail…)` is typed.
 */
import type {CtaTarget} from './attributes.js';

const options = {bubbles: true, composed: true};

/** What the `therapist-article-cta-click` event tells a listener. */
export interface CtaClickDetail {
  /** The link's resolved, validated href (what the browser is about to open). */
  readonly href: string;
  readonly target: CtaTarget;
}

/**
 * Fired when a visitor activates the call-to-action link (click, Enter, or a tap). Bubbles
 * out of the shadow root. Call `preventDefault()` to stop the navigation and handle the
 * request yourself (open your own booking dialog, say). The element sends nothing anywhere:
 * count clicks with your own tools if you wish.
 */
export class CtaClickEvent extends Event {
  static readonly eventName = 'therapist-article-cta-click';
  constructor(readonly detail: CtaClickDetail) {
    super(CtaClickEvent.eventName, {...options, cancelable: true});
  }
}

/** What the visitor wrote. Listeners of the submit event may add fields (Netlify's `form-name`). */
export class ArticleViewEvent extends Event {
  static readonly eventName = 'therapist-article-view';
  constructor() {
    super(ArticleViewEvent.eventName, options);
  }
}

/**
 * Fired once per element and page view, when the reader reaches the call-to-action at the
 * article's end (it comes on screen), always after `therapist-article-view`.
 */
export class ArticleReadEvent extends Event {
  static readonly eventName = 'therapist-article-read';
  constructor() {
    super(ArticleReadEvent.eventName, options);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'therapist-article-cta-click': CtaClickEvent;
    'therapist-article-view': ArticleViewEvent;
    'therapist-article-read': ArticleReadEvent;
  }
}
