/**
 * The code for each platform, as tabs (the WAI-ARIA tabs pattern: one tab in the Tab order,
 * arrow keys, Home and End move between them; one panel shown), each panel its steps and its
 * code boxes with a Copy button.
 */
import {html, nothing} from 'lit';
import type {CodeBox, ConfiguratorData, Platform} from './code.js';
import {fieldName} from './choices.js';
import {platforms} from './platforms.js';
import type {Checked} from './settings.js';

export interface CodeHost {
  readonly data?: ConfiguratorData | undefined;
  readonly checked: Checked;
  /** The CSP hash of the host page's `<style>` block, once computed. */
  readonly hash?: string | undefined;
  /** The platform shown. */
  readonly tab: string;
  /** The box whose Copy button was used last, and what happened. */
  readonly copied?: {id: string; message: string} | undefined;
  showTab(id: string, focus: boolean): void;
  copy(box: CodeBox): void;
  /** Focuses the control an error summary's link names. */
  focusField(event: Event): void;
}

const lines = (code: string) => Math.min(14, Math.max(2, code.split('\n').length + 1));

function box(host: CodeHost, b: CodeBox) {
  const copied = host.copied?.id === b.id ? host.copied.message : '';
  return html`<div class="box">
    <div class="box-head">
      <label for="code-${b.id}">${b.label}</label>
      <button type="button" class="small" @click="${() => host.copy(b)}">
        Copy <span class="visually-hidden">${b.label}</span>
      </button>
      <span class="status" role="status">${copied}</span>
    </div>
    <textarea
      id="code-${b.id}"
      data-code="${b.id}"
      readonly
      spellcheck="false"
      rows="${lines(b.code)}"
      .value="${b.code}"
    ></textarea>
  </div>`;
}

function panel(host: CodeHost, p: Platform, shown: boolean) {
  return html`<section
    class="platform"
    id="platform-${p.id}"
    role="tabpanel"
    aria-labelledby="tab-${p.id}"
    ?hidden="${!shown}"
  >
    <div class="instructions">
      <h3 id="h-${p.id}">${p.title}</h3>
      ${p.plans ? html`<p class="plans">${p.plans}</p>` : nothing}
      <ol>
        ${p.steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      ${p.notes?.map((note) => html`<p class="note">${note}</p>`)}
    </div>
    <div class="boxes">${p.boxes.map((b) => box(host, b))}</div>
  </section>`;
}

/** Arrow keys, Home and End move between the tabs (and show the one reached). */
function onKey(host: CodeHost, ids: readonly string[], event: KeyboardEvent) {
  const at = ids.indexOf(host.tab);
  const to = {
    ArrowRight: at + 1,
    ArrowDown: at + 1,
    ArrowLeft: at - 1,
    ArrowUp: at - 1,
    Home: 0,
    End: ids.length - 1,
  }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  host.showTab(ids[(to + ids.length) % ids.length]!, true);
}

function summary(host: CodeHost) {
  const ids = Object.keys(host.checked.errors);
  if (!ids.length) return nothing;
  return html`<div class="summary" id="error-summary">
    <p>
      ${ids.length === 1 ? 'One setting is' : `${ids.length} settings are`} marked above: the code
      leaves ${ids.length === 1 ? 'it' : 'them'} out (the article would use its default) until
      ${host.checked.actionFromLink ? 'fixed or confirmed' : 'fixed'}.
    </p>
    <ul>
      ${ids.map(
        (id) => html`<li><a href="#${id}" @click="${host.focusField}">${fieldName(id)}</a></li>`,
      )}
    </ul>
  </div>`;
}

export function codeTabs(host: CodeHost) {
  if (!host.data) return html`<p>Loading…</p>`;
  const list = platforms(host.checked, host.data, {styleHash: host.hash});
  const ids = list.map((p) => p.id);
  const current = ids.includes(host.tab) ? host.tab : ids[0]!;
  return html`<section class="code" aria-labelledby="code-heading">
    <h2 id="code-heading">Your code</h2>
    ${summary(host)}
    ${
      host.checked.actionWaiting
        ? html`<p class="hint" id="action-waiting">
            You chose the contact form: enter where messages are sent, and the code will carry it.
            Until then it has the button.
          </p>`
        : nothing
    }
    <div
      role="tablist"
      aria-label="Platforms"
      @keydown="${(e: KeyboardEvent) => onKey(host, ids, e)}"
    >
      ${list.map(
        (p) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${p.id}"
            aria-controls="platform-${p.id}"
            aria-selected="${p.id === current ? 'true' : 'false'}"
            tabindex="${p.id === current ? 0 : -1}"
            @click="${() => host.showTab(p.id, false)}"
          >
            ${p.tab}
          </button>`,
      )}
    </div>
    ${list.map((p) => panel(host, p, p.id === current))}
  </section>`;
}
