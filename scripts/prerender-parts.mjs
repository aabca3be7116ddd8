// The element's pre-rendered markup in parts with holes (see src/prerender.ts): renders the
// element with @lit-labs/ssr for every heading level and call-to-action, cuts out what differs,
// and checks that filling the parts rebuilds what the renderer writes for every combination of
// heading level, look and call-to-action. Used by generate-wordpress.mjs (the plugin's PHP
// copy and dist/prerender-parts.json) and by anything else that pre-renders (the configurator).
import {loadSources, tag} from './ssr.mjs';

/**
 * @returns {Promise<{parts: import('../src/prerender.ts').PrerenderParts,
 *   cases: {attributes: Record<string, string>, expected: string}[]}>}
 */
export async function prerenderParts() {
  const src = await loadSources();
  const {THEMES, CTA_TARGETS, HEADING_LEVELS} = src.options;
  const {fillPrerender, protectMarkup} = src.prerender;

  /** What goes inside the tag: the declarative shadow root. */
  const inner = (markup) => {
    const open = markup.indexOf('>') + 1;
    const close = markup.lastIndexOf(`</${tag}>`);
    return protectMarkup(markup.slice(open, close));
  };
  const SENTINEL = {href: 'https://href.invalid/', label: 'LABEL-SENTINEL'};
  const render = (attributes) => inner(src.renderElement(attributes));
  const ctaAttributes = {
    link: {'cta-href': SENTINEL.href, 'cta-label': SENTINEL.label, 'cta-target': '_self'},
    linkNewTab: {'cta-href': SENTINEL.href, 'cta-label': SENTINEL.label, 'cta-target': '_blank'},
    form: {'form-action': '/contact'},
    formNoPrivacyNote: {'form-action': '/contact', 'no-privacy-note': ''},
    formNoCrisisLine: {'form-action': '/contact', 'no-crisis-line': ''},
    formNoNotes: {'form-action': '/contact', 'no-privacy-note': '', 'no-crisis-line': ''},
  };
  const isForm = (kind) => kind.startsWith('form');
  const commonPrefix = (list) => {
    let n = 0;
    while (list.every((s) => n < s.length && s[n] === list[0][n])) n++;
    return n;
  };
  const commonSuffix = (list) => {
    let n = 0;
    while (list.every((s) => n < s.length && s.at(-1 - n) === list[0].at(-1 - n))) n++;
    return n;
  };
  /** Cuts the part that differs between the variants out of each. */
  function differences(variants) {
    const pre = commonPrefix(variants);
    const post = commonSuffix(variants.map((v) => v.slice(pre)));
    return {pre, post, parts: variants.map((v) => v.slice(pre, v.length - post))};
  }

  // Heading levels differ only in the title; call-to-actions only in their section.
  const byLevel = differences(
    HEADING_LEVELS.map((h) => render({...ctaAttributes.link, 'heading-level': String(h)})),
  );
  const ctaKinds = Object.keys(ctaAttributes);
  const byCta = differences(ctaKinds.map((kind) => render(ctaAttributes[kind])));
  const base = render(ctaAttributes.link); // heading 2, link
  const titleAt = byLevel.pre;
  const titleEnd = titleAt + byLevel.parts[1].length;
  const ctaAt = byCta.pre;
  if (!(titleEnd <= ctaAt)) throw new Error('prerender-parts: the title and the CTA overlap');
  const themeClass = 'class="article theme-none"';
  const hole = (s, what, by) => {
    const n = s.split(what).length - 1;
    if (n !== 1) throw new Error(`prerender-parts: expected ${what} once, found it ${n} times`);
    return s.replace(what, by);
  };
  const parts = {
    template: hole(
      `${base.slice(0, titleAt)}{{title}}${base.slice(titleEnd, ctaAt)}{{cta}}${base.slice(base.length - byCta.post)}`,
      themeClass,
      'class="article {{theme}}"',
    ),
    titles: byLevel.parts,
    cta: Object.fromEntries(
      ctaKinds.map((kind, i) => {
        let part = byCta.parts[i];
        if (!isForm(kind)) {
          part = hole(part, `href="${SENTINEL.href}"`, 'href="{{href}}"');
          part = hole(part, `>${SENTINEL.label}`, '>{{label}}');
          part = hole(part, `target="${ctaAttributes[kind]['cta-target']}"`, 'target="{{target}}"');
        }
        if (/\{\{(?!href|label|target)/.test(part)) throw new Error('prerender-parts: stray hole');
        return [kind, part];
      }),
    ),
  };
  if (/LABEL-SENTINEL|href\.invalid/.test(JSON.stringify(parts))) {
    throw new Error('prerender-parts: a sentinel value was left in the parts');
  }

  // Every combination, filled, must be what the renderer writes for it.
  /** Each combination with the renderer's markup, for the PHP twin's test (PrerenderTest). */
  const cases = [];
  const formKinds = ctaKinds.filter(isForm);
  const sample = {href: '/contact?a=1&b=2', label: 'Book a call: today 8-)'};
  for (const headingLevel of HEADING_LEVELS) {
    for (const theme of [undefined, ...THEMES]) {
      for (const cta of [...formKinds, ...CTA_TARGETS]) {
        const attributes = {'heading-level': String(headingLevel), ...(theme ? {theme} : {})};
        const form = isForm(cta) ? ctaAttributes[cta] : undefined;
        if (form) Object.assign(attributes, form);
        else
          Object.assign(attributes, {
            'cta-href': sample.href,
            'cta-label': sample.label,
            'cta-target': cta,
          });
        const expected = render(attributes);
        const filled = fillPrerender(parts, {
          headingLevel,
          theme,
          cta: form ? 'form' : {...sample, target: cta},
          noPrivacyNote: form && 'no-privacy-note' in form,
          noCrisisLine: form && 'no-crisis-line' in form,
        });
        if (filled !== expected) {
          throw new Error(
            `prerender-parts: the parts do not rebuild ${JSON.stringify(attributes)}; ` +
              `first difference at ${commonPrefix([filled, expected])}`,
          );
        }
        // The plugin offers the form with both lines only: its twin is tested on those.
        if (cta === 'form' || !form) cases.push({attributes, expected});
      }
    }
  }
  return {parts, cases};
}
