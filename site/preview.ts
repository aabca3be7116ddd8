/**
 * The preview: the real element with exactly the code's attributes and custom properties, on a
 * light or dark page as wide as a phone, a tablet or a desktop.
 */
import {html, nothing} from 'lit';
import {radioChoices} from './choices.js';
import {TAG} from './code.js';
import {PAGES, PREVIEW_WIDTHS, type Checked, type View} from './settings.js';

/** The custom properties the preview may carry: removed when a setting goes back. */
const PROPERTIES = [
  '--therapist-article-accent',
  '--therapist-article-accent-text',
  '--therapist-article-color',
  '--therapist-article-heading-color',
  '--therapist-article-background',
  '--therapist-article-font',
  '--therapist-article-max-width',
  '--therapist-article-radius',
];

/** The preview's screen width on a screen this wide: a phone previews a phone. */
export const defaultView = (): View => ({
  width: matchMedia('(max-width: 600px)').matches ? 'phone' : 'desktop',
  page: 'light',
});

export interface PreviewHost {
  readonly view: View;
  readonly checked: Checked;
  setView<K extends keyof View>(key: K, value: View[K]): void;
}

const WIDTH_WORDS = Object.fromEntries(
  Object.entries(PREVIEW_WIDTHS).map(([k, px]) => [
    k,
    `${k[0]!.toUpperCase()}${k.slice(1)} (${px} px)`,
  ]),
) as Record<View['width'], string>;

function radios<K extends keyof View>(
  host: PreviewHost,
  key: K,
  legend: string,
  options: Record<View[K], string>,
) {
  return html`<fieldset class="inline">
    <legend>${legend}</legend>
    ${radioChoices(`view-${key}`, options, host.view[key], (value) => host.setView(key, value))}
  </fieldset>`;
}

export function preview(host: PreviewHost) {
  const v = host.view;
  const formWithoutAddress = 'form-listener' in host.checked.preview;
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">Preview</h2>
    <div class="preview-controls">
      ${radios(host, 'width', 'Screen', WIDTH_WORDS)} ${radios(host, 'page', 'Your page', PAGES)}
    </div>
    ${
      formWithoutAddress
        ? html`<p class="hint" id="preview-form-note">
            The form as visitors will see it. Until it has your address (under “How visitors reach
            out”), it sends nothing, and your code keeps the button.
          </p>`
        : nothing
    }
    <!-- Scrolls on its own, so it takes keyboard focus (arrow keys scroll it). -->
    <div
      class="stage"
      data-width="${v.width}"
      role="region"
      aria-label="The article as visitors will see it"
      tabindex="0"
    >
      <div class="page ${v.page}" data-testid="page">
        <therapist-attachment-article
          @therapist-article-form-submit="${holdBack}"
        ></therapist-attachment-article>
      </div>
    </div>
  </section>`;
}

/** A message written in the preview's form while it has no address goes nowhere. */
function holdBack(event: Event) {
  const article = event.currentTarget as Element;
  if (!article.hasAttribute('form-action')) event.preventDefault();
}

/** Gives the preview exactly what the code says (and the form at once, see settings.ts). */
export function syncPreview(root: ParentNode, checked: Checked): void {
  const article = root.querySelector<HTMLElement>(TAG);
  if (!article) return;
  const {preview: attributes, properties} = checked;
  // In the code's order, so that what the preview shows can be copied from it as it is.
  const wanted = Object.keys(attributes);
  const names = article.getAttributeNames().filter((name) => name !== 'style');
  const kept = names.filter((name) => name in attributes);
  const reorder = [...kept, ...wanted.filter((n) => !kept.includes(n))].join() !== wanted.join();
  for (const name of names) {
    if (!(name in attributes) || reorder) article.removeAttribute(name);
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (article.getAttribute(name) !== value) article.setAttribute(name, value);
  }
  for (const property of PROPERTIES) {
    const value = properties[property];
    if (value) article.style.setProperty(property, value);
    else article.style.removeProperty(property);
  }
}
