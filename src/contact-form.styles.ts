import {css} from 'lit';

/**
 * The contact form's styles: they come with the form's code (loaded only with `form-action`),
 * and the form adds them to its element's shadow root. They use the element's private
 * properties (`--_radius`, `--_error`, `--_accent`), set in therapist-attachment-article.styles.ts.
 * The renderer for pre-rendered markup has them in the element's own styles.
 */
export const formStyles = css`
  .field {
    display: grid;
    gap: 0.3em;
  }

  label {
    font-weight: 600;
  }

  input,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 70%, transparent);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  .error {
    color: var(--_error);
    font-weight: 600;
  }

  .error:empty {
    display: none;
  }

  .idle {
    margin: 0;
  }

  [role='status']:not(.idle) {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_accent);
  }

  [role='status'].failed {
    border-color: var(--_error);
  }

  .button:disabled {
    opacity: 0.7;
  }

  /* Before the script, for a JSON-only endpoint: the line saying so, under the Send. */
  button + p {
    margin-top: 1em;
  }

  @media (forced-colors: active) {
    .button:disabled {
      border-color: GrayText;
      color: GrayText;
    }
  }
`;
