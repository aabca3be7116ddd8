// The element's pre-rendered markup in parts with holes (see src/prerender.ts): renders the
// element with @lit-labs/ssr for every heading level and call-to-action, cuts out what differs,
// and checks that filling the parts rebuilds what the renderer writes for every combination of
// heading level, look and call-to-action. Used by generate-wordpress.mjs (the plugin's PHP
// copy and dist/prerender-parts.json) and by anything else that pre-renders (the configurator).
import {loadSources, tag} from './ssr.mjs';

/**
 * @returns {Promise<{parts: import('../src/prerender.ts').PrerenderParts,
 *   cases: {attributes: Record<string, string>, expected: string}[],
 *   teaserCases: {attributes: Record<string, string>, expected: string}[],
 *   teaserCombinations: number}>}
 */
export async function prerenderParts() {
  const src = await loadSources();
  const {THEMES, CTA_TARGETS, HEADING_LEVELS, TEASER_DEFAULTS} = src.options;
  const {article} = src.article;
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
  // The teaser: the same paragraphs, in two groups around its button or link.
  const bodyOf = (markup) => {
    const start = markup.indexOf('<div part="body" class="body">') + 30;
    return markup.slice(start, markup.indexOf('</div><section', start));
  };
  const paragraphs = bodyOf(base)
    .replace(/^<!--lit-part-->|<!--\/lit-part-->$/g, '')
    .split(/(?=<!--lit-part [^>]*--><!--lit-node 0--><p part="paragraph">)/);
  const teaserFrames = (readMore) => {
    const body = bodyOf(
      render({
        ...ctaAttributes.link,
        layout: 'teaser',
        'teaser-paragraphs': '1',
        ...(readMore ? {'read-more-href': SENTINEL.href} : {}),
      }),
    );
    const open = body.slice(0, body.indexOf(paragraphs[0]));
    const after = body.slice(open.length + paragraphs[0].length);
    const rest = paragraphs.slice(1).join('');
    const at = after.indexOf(rest);
    if (!open || at < 0) throw new Error('prerender-parts: the teaser’s paragraphs were not found');
    const control = after.slice(0, at);
    return {
      open,
      control: readMore ? hole(control, `href="${SENTINEL.href}"`, 'href="{{readMore}}"') : control,
      close: after.slice(at + rest.length),
    };
  };
  const [teaserButton, teaserLink] = [teaserFrames(false), teaserFrames(true)];
  if (teaserButton.open !== teaserLink.open || teaserButton.close !== teaserLink.close) {
    throw new Error('prerender-parts: the teaser’s button and link differ beyond the control');
  }
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
    teaser: {
      open: teaserButton.open,
      button: teaserButton.control,
      link: teaserLink.control,
      close: teaserButton.close,
    },
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
  // The teaser, for every number of paragraphs, with its button or a link, in every look and
  // with every call-to-action (at heading level 2: the title is independent of the body).
  // Like the sample href, without `:`: the fill writes it as a character reference (same URL).
  const readMore = '/blog/attached?a=1&b=2';
  let teaserCombinations = 0;
  /** The teasers the plugin offers (the form with both lines, or a link), for its twin's test. */
  const teaserCases = [];
  for (const paragraphs of Array.from({length: article.paragraphs.length - 1}, (_, i) => i + 1)) {
    for (const link of [false, true]) {
      for (const theme of [undefined, ...THEMES]) {
        for (const cta of [...formKinds, ...CTA_TARGETS]) {
          const form = isForm(cta) ? ctaAttributes[cta] : undefined;
          const attributes = {
            layout: 'teaser',
            // The default count is also the absent attribute's.
            ...(paragraphs === TEASER_DEFAULTS.paragraphs
              ? {}
              : {'teaser-paragraphs': String(paragraphs)}),
            ...(link ? {'read-more-href': readMore} : {}),
            ...(theme ? {theme} : {}),
            ...(form ?? {'cta-href': sample.href, 'cta-label': sample.label, 'cta-target': cta}),
          };
          const expected = render(attributes);
          const filled = fillPrerender(parts, {
            headingLevel: 2,
            theme,
            cta: form ? 'form' : {...sample, target: cta},
            noPrivacyNote: form && 'no-privacy-note' in form,
            noCrisisLine: form && 'no-crisis-line' in form,
            teaser: {paragraphs, ...(link ? {readMoreHref: readMore} : {})},
          });
          if (filled !== expected) {
            throw new Error(
              `prerender-parts: the parts do not rebuild ${JSON.stringify(attributes)}; ` +
                `first difference at ${commonPrefix([filled, expected])}`,
            );
          }
          teaserCombinations++;
          if (cta === 'form' || !form) teaserCases.push({attributes, expected});
        }
      }
    }
  }
  return {parts, cases, teaserCases, teaserCombinations};
}
