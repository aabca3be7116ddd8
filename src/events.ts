/**
 * The events the element fires: one typed `Event` subclass each, all bubbling out of the
 * shadow root (`bubbles`, `composed`), named in `GlobalEventHandlersEventMap` so that
 * `addEventListener('therapist-article-…', (e) => e.detail…)` is typed.
 */
import type {CtaTarget} from './options.js';
import type {FieldName} from './content/form-fields.js';

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
export type FormFields = Record<FieldName, string> & Record<string, string>;

/** Why a submission failed. */
export type FormFailure = 'invalid' | 'http' | 'network' | 'timeout' | 'offline';

export interface FormSubmitDetail {
  readonly fields: FormFields;
  /** Random per submission; the same for a retry of unchanged fields, so a server can dedupe. */
  readonly submissionId: string;
}

export interface FormSentDetail {
  readonly submissionId: string;
  /** The response's status; absent when a site's own delivery (`respondWith`) resolved. */
  readonly status?: number;
}

export interface FormFailedDetail {
  readonly submissionId: string;
  /**
   * `invalid`: 422 with field errors (shown on the fields); `http`: any other non-2xx status;
   * `network`: no response (refused, dropped, or a `respondWith` promise rejected);
   * `timeout`; `offline`: the browser was offline, nothing was sent.
   */
  readonly reason: FormFailure;
  readonly status?: number;
}

/**
 * Fired before the message is sent. `preventDefault()` sends nothing; `respondWith(promise)`
 * sends nothing and shows the outcome of the site's own delivery instead.
 */
export class FormSubmitEvent extends Event {
  static readonly eventName = 'therapist-article-form-submit';
  /** The promise given to `respondWith`. */
  response?: Promise<unknown>;
  constructor(readonly detail: FormSubmitDetail) {
    super(FormSubmitEvent.eventName, {...options, cancelable: true});
  }
  /**
   * Deliver the message yourself (call it synchronously, in the listener). The form shows
   * “sending” until the promise settles: a rejection, or a `Response` that is not ok, is a
   * failure; anything else means sent.
   */
  respondWith(response: Promise<unknown>): void {
    this.preventDefault();
    this.response = response;
  }
}

/** Fired after the message was delivered (a 2xx answer). */
export class FormSentEvent extends Event {
  static readonly eventName = 'therapist-article-form-sent';
  constructor(readonly detail: FormSentDetail) {
    super(FormSentEvent.eventName, options);
  }
}

/** Fired after a submission failed. Never carries what the visitor wrote. */
export class FormFailedEvent extends Event {
  static readonly eventName = 'therapist-article-form-failed';
  constructor(readonly detail: FormFailedDetail) {
    super(FormFailedEvent.eventName, options);
  }
}

/**
 * Fired once per element and page view, the first time any of the article is on screen (an
 * article hidden with `hidden` or `display: none` is never on screen). For a site's own
 * analytics: the element sends nothing anywhere.
 */
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
    'therapist-article-form-submit': FormSubmitEvent;
    'therapist-article-form-sent': FormSentEvent;
    'therapist-article-form-failed': FormFailedEvent;
    'therapist-article-view': ArticleViewEvent;
    'therapist-article-read': ArticleReadEvent;
  }
}
