import {css} from 'lit';

/*
 * Every public custom property is read exactly once, in the `.article` rule below, each with
 * its fallback; the rest of the sheet uses only the private `--_*` copies. Public properties
 * are never declared on :host, so values a site sets on any ancestor inherit in and win.
 * The ready-made themes only change the fallbacks (`--_theme-*`), so a site's own value still
 * overrides a theme.
 *
 * Blending in (no theme), the page's own values given by the WordPress plugin (its theme.json,
 * includes/blend.php) come as `--_h-*` (title), `--_p-*` (text) and `--_b-*` (link, button):
 * fallbacks below the public properties, above the element's own defaults.
 *
 * The dark tokens stand twice (theme="dark", and theme="auto" in a dark setting): written out
 * rather than interpolated, so the whole sheet stays plain CSS that the build can minify.
 */

export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .theme-light,
  .theme-auto {
    --_theme-color: #2d2a26;
    --_theme-heading-color: #1f2b28;
    --_theme-background: #fbf9f5;
    --_theme-accent: #2b5d53;
    --_theme-accent-text: #ffffff;
    --_theme-link-color: #25574d;
    --_theme-error: #a4262c;
    --_theme-padding: clamp(1.25em, 5%, 2.5em) clamp(0.375em, 10% - 2em, 2.5em);
    color-scheme: light;
  }

  .theme-dark {
    --_theme-color: #e8e4dd;
    --_theme-heading-color: #f6f2ea;
    --_theme-background: #1c2120;
    --_theme-accent: #9fd3c4;
    --_theme-accent-text: #0f1f1b;
    --_theme-link-color: #a9dccd;
    --_theme-error: #ffb4ab;
    --_theme-padding: clamp(1.25em, 5%, 2.5em) clamp(0.375em, 10% - 2em, 2.5em);
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    .theme-auto {
      --_theme-color: #e8e4dd;
      --_theme-heading-color: #f6f2ea;
      --_theme-background: #1c2120;
      --_theme-accent: #9fd3c4;
      --_theme-accent-text: #0f1f1b;
      --_theme-link-color: #a9dccd;
      --_theme-error: #ffb4ab;
      --_theme-padding: clamp(1.25em, 5%, 2.5em) clamp(0.375em, 10% - 2em, 2.5em);
      color-scheme: dark;
    }
  }

  .article {
    --_font: var(--therapist-article-font, var(--_p-fontFamily, inherit));
    --_heading-font: var(
      --therapist-article-heading-font,
      var(--therapist-article-font, var(--_h-fontFamily, var(--_font)))
    );
    --_font-size: var(--therapist-article-font-size, var(--_p-fontSize, inherit));
    --_line-height: var(--therapist-article-line-height, var(--_p-lineHeight, 1.65));
    --_color: var(--therapist-article-color, var(--_theme-color, var(--_p-color, inherit)));
    --_heading-color: var(
      --therapist-article-heading-color,
      var(--_theme-heading-color, var(--therapist-article-color, var(--_h-color, var(--_color))))
    );
    --_background: var(--therapist-article-background, var(--_theme-background, transparent));
    --_accent: var(--therapist-article-accent, var(--_theme-accent, var(--_b-accent, #2b5d53)));
    --_accent-text: var(
      --therapist-article-accent-text,
      var(--_theme-accent-text, var(--_b-accentText, #ffffff))
    );
    --_link-color: var(
      --therapist-article-link-color,
      var(--_theme-link-color, var(--_b-link, inherit))
    );
    --_focus-color: var(--therapist-article-focus-color, var(--_accent));
    --_max-width: var(--therapist-article-max-width, 60ch);
    --_spacing: var(--therapist-article-spacing, 1.25em);
    --_padding: var(--therapist-article-padding, var(--_theme-padding, 0));
    --_radius: var(--therapist-article-radius, var(--_b-radius, 0.5rem));
    --_error: var(--therapist-article-error-color, var(--_theme-error, currentColor));

    /* The column is the text's: a card's padding goes around it, not into the line. */
    box-sizing: content-box;
    max-width: var(--_max-width);
    margin-inline: auto;
    padding: var(--_padding);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_color);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    overflow-wrap: break-word;
    hyphens: manual;
  }

  .title {
    margin: 0 0 0.6em;
    color: var(--_heading-color);
    font-family: var(--_heading-font);
    font-size: 1.75em;
    font-weight: var(--_h-fontWeight, 700);
    letter-spacing: var(--_h-letterSpacing, normal);
    text-transform: var(--_h-textTransform, none);
    line-height: 1.25;
    text-wrap: balance;
  }

  p,
  .byline {
    margin: 0 0 var(--_spacing);
  }

  .byline {
    font-style: normal;
  }

  a:not(.button) {
    color: var(--_link-color);
    text-underline-offset: 0.15em;
  }

  .cta {
    margin-block-start: calc(var(--_spacing) * 2);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    max-width: 100%;
    padding: 0.6em 1.4em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    line-height: 1.3;
    text-align: center;
    text-decoration: none;
    transition:
      background-color 150ms ease,
      box-shadow 150ms ease;
  }

  .button:hover {
    background: color-mix(in srgb, var(--_accent) 85%, #000);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  :focus-visible,
  ::slotted(:focus-visible) {
    outline: 3px solid var(--_focus-color);
    outline-offset: 3px;
  }

  /* A teaser: until its rest is open, the call-to-action and footer wait (and, with a link to
     the full post, the rest is for paper only). Siblings, not :has(): WebKit does not restyle
     :has(details[open]) when a reader opens it. */
  .closed > .more:not([open]) ~ *,
  .closed > div.more {
    display: none;
  }

  summary.button {
    display: flex;
    inline-size: fit-content;
    margin-block-end: var(--_spacing);
    cursor: pointer;
    list-style: none;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  .more[open] > summary {
    display: none;
  }

  .more[open] > p {
    animation: reveal 0.3s ease-out;
  }

  @keyframes reveal {
    from {
      opacity: 0;
    }
  }

  .footer {
    margin-block-start: calc(var(--_spacing) * 1.5);
  }

  .signature {
    margin: 0;
    font-weight: 600;
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
    .article {
      border: 1px solid CanvasText;
    }

    .theme-none {
      border: 0;
    }

    .button {
      border-color: LinkText;
      color: LinkText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }

    .more > p {
      animation: none;
    }
  }

  /* Paper: the whole article in black on white, the link's address written out, no controls. */
  @media print {
    .article {
      max-width: none;
      padding: 0;
      border: 0;
      background: none;
      color: #000;
    }

    .article * {
      color: inherit !important;
      background: none !important;
    }

    header,
    .title {
      break-after: avoid;
    }

    p {
      orphans: 3;
      widows: 3;
    }

    form,
    button,
    .read-more {
      display: none !important;
    }

    .closed > .more:not([open]) ~ *,
    .closed > div.more,
    .more::details-content {
      display: block;
      content-visibility: visible;
    }

    /* The reveal's fade would start from transparent, and leave the rest off the paper. */
    .more > p {
      animation: none !important;
    }

    .button {
      display: inline;
      padding: 0;
      border: 0;
    }

    .button[href*=':']::after {
      content: ' (' attr(href) ')';
      font-weight: 400;
    }
  }
`;
