/** How the configurator looks: its own colours (AA on white), and its layout on each screen. */
import {css} from 'lit';

export const configuratorStyles = css`
  :host {
    display: block;
    --c-text: #1f2421;
    --c-muted: #4a514d;
    --c-bg: #ffffff;
    --c-line: #8a918d;
    --c-accent: #2b5d53;
    --c-error: #a4262c;
    --c-focus: #1a5fb4;
    color: var(--c-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.35rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.15rem;
    margin: 0 0 0.5rem;
  }
  /* One column: the first choices, the preview, the other choices (a phone sees the article
     without scrolling past every control). Wide: the choices beside a preview that stays. */
  .layout {
    display: grid;
    gap: 1.5rem;
    grid-template-areas: 'first' 'preview' 'rest';
  }
  .first {
    grid-area: first;
  }
  .preview {
    grid-area: preview;
  }
  .rest {
    grid-area: rest;
  }
  @media (min-width: 62rem) {
    .layout {
      grid-template-columns: minmax(18rem, 24rem) minmax(0, 1fr);
      grid-template-areas: 'first preview' 'rest preview';
      grid-template-rows: auto 1fr;
      row-gap: 0;
      align-items: start;
    }
    .preview {
      position: sticky;
      top: 0.5rem;
    }
    .preview .stage {
      max-height: calc(100vh - 11rem);
    }
  }
  fieldset {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem 0.25rem;
    border: 1px solid var(--c-line);
    border-radius: 0.5rem;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  fieldset.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.9rem;
  }
  label {
    font-weight: 600;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
    min-height: 1.75rem;
  }
  .choice input {
    margin-top: 0.25rem;
  }
  .choices {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  input[type='text'],
  input[type='number'],
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--c-line);
    border-radius: 0.375rem;
    background: var(--c-bg);
    color: inherit;
    font: inherit;
  }
  input[type='number'] {
    max-width: 7rem;
  }
  input[type='color'] {
    width: 3rem;
    height: 2.5rem;
    padding: 0.15rem;
    border: 1px solid var(--c-line);
    border-radius: 0.375rem;
    background: var(--c-bg);
  }
  textarea {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
    font-size: 0.85rem;
    line-height: 1.4;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    overflow: auto;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--c-error);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .hint {
    margin: 0;
    color: var(--c-muted);
    font-size: 0.9rem;
  }
  .error {
    margin: 0;
    color: var(--c-error);
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .field > button.small {
    justify-self: start;
    max-width: 100%;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .target {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .address {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
    font-size: 0.9rem;
  }
  .summary p,
  .summary ul {
    margin: 0;
  }
  .warning p {
    margin: 0 0 0.25rem;
  }
  .warning,
  .summary {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--c-error);
    background: #fdf1f1;
  }
  button {
    min-height: 2.5rem;
    padding: 0.4rem 1rem;
    border: 2px solid var(--c-accent);
    border-radius: 0.375rem;
    background: var(--c-accent);
    color: #ffffff;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.2rem 0.75rem;
    background: var(--c-bg);
    color: var(--c-accent);
  }
  button:hover {
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--c-focus);
    outline-offset: 2px;
  }
  .actions {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .preview-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .stage {
    max-height: 80vh;
    border: 1px solid var(--c-line);
    border-radius: 0.5rem;
    overflow: auto;
    background: repeating-linear-gradient(45deg, #eceae6 0 10px, #f4f2ee 10px 20px);
  }
  .page {
    margin-inline: auto;
    padding: 1.5rem 1rem;
    font-family: 'Trebuchet MS', 'DejaVu Sans', sans-serif;
  }
  .stage[data-width='phone'] .page {
    width: min(100%, 375px);
  }
  .stage[data-width='tablet'] .page {
    width: min(100%, 768px);
  }
  .page.light {
    background: #ffffff;
    color: #222222;
  }
  .page.dark {
    background: #16191a;
    color: #ececec;
  }
  .code {
    margin-top: 2rem;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 2px solid var(--c-accent);
  }
  button[role='tab'] {
    border-color: var(--c-line);
    border-bottom: 0;
    border-radius: 0.375rem 0.375rem 0 0;
    background: var(--c-bg);
    color: var(--c-text);
  }
  button[role='tab'][aria-selected='true'] {
    border-color: var(--c-accent);
    background: var(--c-accent);
    color: #ffffff;
  }
  .platform {
    display: grid;
    gap: 1rem;
    padding: 1.25rem 0;
  }
  .platform[hidden] {
    display: none;
  }
  @media (min-width: 62rem) {
    .platform {
      grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
    }
  }
  .platform ol {
    padding-inline-start: 1.25rem;
    margin: 0 0 0.5rem;
  }
  .platform li {
    margin-bottom: 0.35rem;
  }
  .plans {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .note {
    margin: 0 0 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--c-line);
    color: var(--c-muted);
  }
  .boxes {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  .box-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.25rem;
  }
  .status {
    color: var(--c-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    button[role='tab'][aria-selected='true'] {
      border: 2px solid Highlight;
      border-bottom: 4px solid Highlight;
    }
    [aria-invalid='true'] {
      border-color: Mark;
      outline: 2px solid CanvasText;
    }
    .warning,
    .summary,
    .stage {
      border: 1px solid CanvasText;
    }
    button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
      transition: none !important;
    }
  }
`;
