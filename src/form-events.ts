// The contact form's events: they come with the form's code (loaded only with `form-action`),
// so a page with a link never downloads them. The element's own events are in events.ts.
import type {FieldName} from './content/form-fields.js';

const options = {bubbles: true, composed: true};

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

declare global {
  interface GlobalEventHandlersEventMap {
    'therapist-article-form-submit': FormSubmitEvent;
    'therapist-article-form-sent': FormSentEvent;
    'therapist-article-form-failed': FormFailedEvent;
  }
}
