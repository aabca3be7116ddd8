import {adoptStyles, html, nothing, type LitElement} from 'lit';
import {formStyles} from './contact-form.styles.js';
import {FIELD_DESCRIPTORS, FIELDS, type FieldName} from './content/form-fields.js';
import {formStrings, type FormStrings} from './content/form-strings.js';
import {
  FormFailedEvent,
  FormSentEvent,
  FormSubmitEvent,
  type FormFailure,
  type FormFields,
} from './form-events.js';

export {FIELDS, formStyles, type FieldName};

export type FormState = 'idle' | 'sending' | 'sent' | 'failed';

/** `crypto.randomUUID` exists only in secure contexts: an http page gets 128 random bits. */
const randomId = () =>
  crypto.randomUUID?.() ?? crypto.getRandomValues(new Uint32Array(4)).join('-');

/**
 * The form's state machine: validation, one request per submit, and the outcome. The fields
 * are never bound to state, so nothing a visitor wrote is ever cleared by a render. It needs
 * no lifecycle hooks, so it is a plain controller that asks its host to re-render.
 */
export class ContactForm {
  state: FormState = 'idle';
  errors: Partial<Record<FieldName, unknown>> = {};
  /** Set by the host from its attributes, already validated. */
  action = '';
  urlencoded = false;
  timeout = 15000;
  strings: FormStrings = formStrings;
  /** Set by the host: the texts a page gave (`form-strings`), over the English ones. */
  set given(given: Partial<FormStrings>) {
    const strings = {...formStrings};
    for (const key of Object.keys(strings) as (keyof FormStrings)[]) {
      const value = given[key];
      if (typeof value === 'string' && value.trim()) strings[key] = value;
    }
    this.strings = strings;
  }
  /**
   * Whether this script runs the form. Its first render is the pre-rendered markup's (a plain
   * HTML form that posts by itself, or, for a JSON endpoint, a disabled Send and a line saying
   * it needs JavaScript), so that it hydrates as it is; the next render takes over.
   */
  live = false;
  /** The endpoint accepted the message for later delivery (`202`): it says so, not “sent”. */
  kept = false;
  private id = '';
  private sentFields = '';

  constructor(private readonly host: LitElement) {
    // The form's styles join the element's, in its shadow root (the renderer for pre-rendered
    // markup has no root: there they are among the element's own styles).
    if (host.renderRoot) {
      const {elementStyles} = host.constructor as typeof LitElement;
      adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, formStyles]);
    }
    host.addController({
      hostUpdated: () => {
        if (this.live) return;
        this.live = true;
        // A text typed before the script arrived counts as unsent too.
        this.guard();
        queueMicrotask(() => host.requestUpdate());
      },
      hostDisconnected: () => this.guard(false),
    });
  }

  /**
   * While the fields hold a message that was not sent, leaving the page asks first (the
   * browser's own question). Nothing is stored: the text lives only in the fields.
   */
  private guard(on = this.state !== 'sent') {
    const form = this.host.renderRoot?.querySelector('form');
    removeEventListener('beforeunload', this.ask);
    if (on && FIELDS.some((name) => (form?.elements.namedItem(name) as HTMLInputElement)?.value))
      addEventListener('beforeunload', this.ask);
  }

  private ask = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Engines from before preventDefault() was honoured here ask only for a truthy returnValue.
    event.returnValue = true;
  };

  private async set(state: FormState, errors = {}, focus?: string) {
    this.state = state;
    this.errors = errors;
    this.guard();
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focus) this.host.renderRoot.querySelector<HTMLElement>(focus)!.focus();
  }

  /** Shows field errors and focuses the first invalid field; false when there are none. */
  private invalid(errors: Partial<Record<FieldName, unknown>>): boolean {
    const first = Object.keys(errors)[0];
    if (first) this.set('idle', errors, `#${first}`);
    return !!first;
  }

  submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.state === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const errors: Partial<Record<FieldName, string>> = {};
    const s = this.strings;
    for (const {name, required, maxLength} of FIELD_DESCRIPTORS) {
      const input = form.elements.namedItem(name) as HTMLInputElement;
      // Code points, as the server counts them; too long is refused, never cut.
      if ([...input.value].length > maxLength) {
        errors[name] = s.tooLong.replace('{max}', maxLength.toLocaleString(s.lang || 'en'));
      } else if (!input.checkValidity() || (required && !input.value.trim())) {
        errors[name] = s[`${name}Error`];
      }
    }
    if (this.invalid(errors)) return;
    // A bot filled the hidden field: pretend success, send nothing.
    if (value('_gotcha')) return this.set('sent');
    const fields = Object.fromEntries(FIELDS.map((name) => [name, value(name)])) as FormFields;
    const key = JSON.stringify(fields);
    if (key !== this.sentFields) [this.sentFields, this.id] = [key, randomId()];
    const submissionId = this.id;
    const submit = new FormSubmitEvent({fields, submissionId});
    this.set('sending');
    let status: number | undefined;
    let reason: FormFailure = 'http';
    let late = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const post = this.host.dispatchEvent(submit);
      let pending = submit.response; // set by a listener's respondWith()
      if (post) {
        // Shown with form-listener, without form-action: a listener that neither sent the
        // message (respondWith) nor took it (preventDefault) leaves nowhere to send it.
        if (!this.action) {
          console.warn(
            '<therapist-attachment-article>: nothing was sent: without form-action, a therapist-article-form-submit listener must call respondWith() or preventDefault().',
          );
          throw new Error();
        }
        if (navigator.onLine === false) throw new DOMException('', 'offline');
        // A timer, not AbortSignal.timeout() (missing before Safari 16), and our own flag, not
        // the error's name (which differs between engines), tell a timeout.
        const abort = new AbortController();
        timer = setTimeout(() => {
          late = true;
          abort.abort();
        }, this.timeout);
        pending = this.post({...fields, submissionId}, abort.signal);
      }
      if (!pending) return this.set('idle');
      const response = await pending;
      if (response instanceof Response) status = response.status;
      if (!(response instanceof Response) || response.ok) {
        // 202 Accepted: received, to be delivered later (never said to be sent).
        this.kept = status === 202;
        await this.set('sent', {}, '[role=status]');
        return this.host.dispatchEvent(new FormSentEvent({submissionId, status}));
      }
      if (status === 422) {
        // {"errors": {"email": "…"}}: shown on the fields, in the form's order. Unknown keys,
        // and values that are not text, are ignored.
        const body = (await response.json().catch(() => 0)) as {errors?: Record<string, unknown>};
        const errors = FIELDS.map((f) => [f, body?.errors?.[f]]).filter(
          ([, error]) => typeof error == 'string' && error.trim(),
        );
        if (this.invalid(Object.fromEntries(errors))) reason = 'invalid';
      }
    } catch (error) {
      reason = late ? 'timeout' : (error as Error)?.name === 'offline' ? 'offline' : 'network';
    } finally {
      clearTimeout(timer);
    }
    if (reason !== 'invalid') await this.set('failed', {}, '[role=status]');
    this.host.dispatchEvent(new FormFailedEvent({submissionId, reason, status}));
  };

  /** A field changed: its error no longer describes it. */
  input = (event: Event) => {
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (this.errors[name]) this.set(this.state, {...this.errors, [name]: undefined});
    else this.guard();
  };

  private post(body: Record<string, string>, signal: AbortSignal): Promise<Response> {
    return fetch(this.action, {
      method: 'POST',
      headers: {
        'Content-Type': this.urlencoded ? 'application/x-www-form-urlencoded' : 'application/json',
        Accept: 'application/json',
      },
      body: this.urlencoded ? new URLSearchParams(body) : JSON.stringify(body),
      signal,
    });
  }
}

const CRISIS_LINK = /\[([^\]]+)\]\(((?:tel|sms):[\d+-]+)\)/;

/**
 * The form: notes, fields, honeypot, status and button, all in the host's shadow root.
 *
 * Before the script runs it (pre-rendered, or JavaScript off or failed) it is a plain HTML form:
 * it posts its fields to `form-action` itself, checked by the browser, never by GET. An endpoint
 * that takes JSON only cannot read such a post: its Send is then disabled, and a line says that
 * sending needs JavaScript, with `link` (the call-to-action) after it.
 */
export function contactForm(form: ContactForm, privacy: boolean, crisis: boolean, link: unknown) {
  const s = form.strings;
  const hide = form.state === 'sent';
  const sending = form.state === 'sending';
  const needsScript = !form.live && !form.urlencoded;
  const runs = s.crisis.split(CRISIS_LINK);
  return html`<form
    part="form"
    class="form"
    lang=${s.lang || nothing}
    method="post"
    action=${form.action || nothing}
    ?novalidate=${form.live}
    @submit=${form.submit}
    @input=${form.input}
  >
    ${privacy ? html`<p part="form-note" class="note">${s.privacy}</p>` : nothing}
    ${
      crisis
        ? html`<p part="form-note" class="note">
            ${runs.map((run, i) =>
              i % 3 === 1 ? html`<a href=${runs[i + 1]!}>${run}</a>` : i % 3 ? nothing : run,
            )}
          </p>`
        : nothing
    }
    <div class="fields" ?hidden=${hide}>
      ${FIELD_DESCRIPTORS.map((field) => {
        const {name, required} = field;
        const error = form.errors[name];
        const invalid = error ? 'true' : nothing;
        return html`<p part="form-field" class="field">
          <label part="form-label" for=${name}>${s[name]}${required ? ` ${s.required}` : ''}</label
          >${
            field.multiline
              ? html`<textarea
                  part="form-input"
                  id=${name}
                  name=${name}
                  rows="6"
                  ?required=${required}
                  aria-invalid=${invalid}
                  aria-describedby="${name}-error"
                ></textarea>`
              : html`<input
                  part="form-input"
                  id=${name}
                  name=${name}
                  type=${field.type}
                  autocomplete=${field.autocomplete}
                  pattern=${'pattern' in field ? field.pattern : nothing}
                  ?required=${required}
                  aria-invalid=${invalid}
                  aria-describedby="${name}-error"
                />`
          }<span part="form-error" class="error" id="${name}-error">${error}</span>
        </p>`;
      })}
      <p class="visually-hidden" aria-hidden="true">
        <input name="_gotcha" tabindex="-1" autocomplete="off" />
      </p>
    </div>
    <p part="form-status" class=${form.state} role="status" tabindex="-1">
      ${form.state === 'idle' ? '' : s[form.kept ? 'received' : form.state]}
    </p>
    <button
      part="form-button"
      class="button"
      ?hidden=${hide}
      ?disabled=${sending || needsScript}
      aria-busy=${sending}
    >
      ${form.state === 'failed' ? s.retry : s.send}
    </button>
    ${
      needsScript
        ? html`<p part="form-note" class="note">${s.needsScript}</p>
            ${link}`
        : nothing
    }
  </form>`;
}
