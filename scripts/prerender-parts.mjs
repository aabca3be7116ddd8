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
  const {THEMES, CTA_TARGETS, HEADING_LEVELS, DEFAULTS} = src.attributes;
  const {article} = src.article;
  const {fillPrerender, protectMarkup} = src.prerender;

  /** What goes inside the tag: the declarative shadow root. */
  const inner = (markup) => {
    const open = markup.indexOf('>') + 1;
    const close = markup.lastIndexOf(`</${tag}>`);
    return protectMarkup(markup.slice(open, close));
  };
  const SENTINEL = {href: 'https://href.invalid/', label: 'LABEL-SENTINEL'};
  const ACTION = 'https://action.invalid/';
  // The parts' form posts by itself (the endpoint takes form fields); a JSON endpoint's button
  // is cut out of the same form rendered with `form-encoding="json"`.
  const PLAIN = {'form-encoding': 'urlencoded'};
  const render = (attributes) => inner(src.renderElement(attributes));
  const ctaAttributes = {
    link: {'cta-href': SENTINEL.href, 'cta-label': SENTINEL.label, 'cta-target': '_self'},
    linkNewTab: {'cta-href': SENTINEL.href, 'cta-label': SENTINEL.label, 'cta-target': '_blank'},
    form: {'form-action': ACTION, ...PLAIN},
    formNoPrivacyNote: {'form-action': ACTION, ...PLAIN, 'no-privacy-note': ''},
    formNoCrisisLine: {'form-action': ACTION, ...PLAIN, 'no-crisis-line': ''},
    formNoNotes: {'form-action': ACTION, ...PLAIN, 'no-privacy-note': '', 'no-crisis-line': ''},
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
  /** The call-to-action link's holes, in markup rendered with the sentinel link. */
  const linkHoles = (part, target) => {
    part = hole(part, `href="${SENTINEL.href}"`, 'href="{{href}}"');
    part = hole(part, `>${SENTINEL.label}`, '>{{label}}');
    return hole(part, `target="${target}"`, 'target="{{target}}"');
  };
  // The teaser: the same paragraphs, in two groups around its button or link.
  // From the body's start to the call-to-action: the body, and a teaser's rest after it.
  const bodyOf = (markup) => {
    const start = markup.indexOf('<div part="body" class="body">') + 30;
    return markup.slice(start, markup.indexOf('<section part="cta"', start));
  };
  const paragraphs = bodyOf(base)
    .replace(/^<!--lit-part-->|<!--\/lit-part--><\/div><!--lit-part--><!--\/lit-part-->$/g, '')
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
  if (teaserButton.open !== teaserLink.open) {
    throw new Error('prerender-parts: the teaser’s button and link differ before the control');
  }
  // The form's button, cut out of each form: as it posts by itself, or, for a JSON endpoint,
  // disabled and followed by the line that says it needs JavaScript and the link.
  const sends = ctaKinds.filter(isForm).map((kind) => {
    const json = {...ctaAttributes[kind], 'form-encoding': 'json'};
    const byEncoding = differences([
      render(ctaAttributes[kind]),
      render({...json, ...ctaAttributes.link}),
      render({...json, ...ctaAttributes.linkNewTab}),
    ]);
    const [plain, script, scriptNewTab] = byEncoding.parts.map((part, i) =>
      i === 0 ? part : linkHoles(part, i === 1 ? '_self' : '_blank'),
    );
    return {
      kind,
      at: byEncoding.pre - byCta.pre,
      length: plain.length,
      send: {plain, script, scriptNewTab},
    };
  });
  const send = sends[0].send;
  if (sends.some((s) => JSON.stringify(s.send) !== JSON.stringify(send))) {
    throw new Error('prerender-parts: the form’s button differs between its notes');
  }
  const parts = {
    template: hole(
      `${base.slice(0, titleAt)}{{title}}${base.slice(titleEnd, ctaAt)}{{cta}}${base.slice(base.length - byCta.post)}`,
      themeClass,
      'class="article {{theme}}"',
    ),
    titles: byLevel.parts,
    cta: {
      ...Object.fromEntries(
        ctaKinds.map((kind, i) => {
          let part = byCta.parts[i];
          if (isForm(kind)) {
            const {at, length} = sends.find((s) => s.kind === kind);
            part = `${part.slice(0, at)}{{send}}${part.slice(at + length)}`;
            part = hole(part, `action="${ACTION}"`, 'action="{{action}}"');
          } else {
            part = linkHoles(part, ctaAttributes[kind]['cta-target']);
          }
          if (/\{\{(?!href|label|target|send|action)/.test(part)) {
            throw new Error('prerender-parts: stray hole');
          }
          return [kind, part];
        }),
      ),
      send,
    },
    teaser: {
      open: teaserButton.open,
      button: teaserButton.control,
      link: teaserLink.control,
      close: teaserButton.close,
      linkClose: teaserLink.close,
    },
  };
  if (/LABEL-SENTINEL|href\.invalid|action\.invalid/.test(JSON.stringify(parts))) {
    throw new Error('prerender-parts: a sentinel value was left in the parts');
  }

  // Every combination, filled, must be what the renderer writes for it.
  /** Each combination with the renderer's markup, for the PHP twin's test (PrerenderTest). */
  const cases = [];
  const formKinds = ctaKinds.filter(isForm);
  const sample = {href: '/contact?a=1&b=2', label: 'Book a call: today 8-)'};
  const sampleAction = '/wp-json/contact?a=1&b=2';
  const sampleLink = (target) => ({
    'cta-href': sample.href,
    'cta-label': sample.label,
    'cta-target': target,
  });
  /**
   * A call-to-action's attributes and its settings for fillPrerender: a link, or a form that
   * posts by itself, or a JSON form (its button disabled until the script runs, with the link).
   */
  const variants = (kind, targets = CTA_TARGETS) => {
    if (!isForm(kind)) return [{attributes: sampleLink(kind), cta: {...sample, target: kind}}];
    const notes = {...ctaAttributes[kind], 'form-action': sampleAction};
    delete notes['form-encoding'];
    return [
      {attributes: {...notes, ...PLAIN}, cta: {action: sampleAction, urlencoded: true}},
      ...targets.map((target) => ({
        attributes: {...notes, ...sampleLink(target)},
        cta: {action: sampleAction, link: {...sample, target}},
      })),
    ];
  };
  for (const headingLevel of HEADING_LEVELS) {
    for (const theme of [undefined, ...THEMES]) {
      for (const kind of [...formKinds, ...CTA_TARGETS]) {
        for (const variant of variants(kind)) {
          const attributes = {
            'heading-level': String(headingLevel),
            ...(theme ? {theme} : {}),
            ...variant.attributes,
          };
          const expected = render(attributes);
          const filled = fillPrerender(parts, {
            headingLevel,
            theme,
            cta: variant.cta,
            noPrivacyNote: 'no-privacy-note' in attributes,
            noCrisisLine: 'no-crisis-line' in attributes,
          });
          if (filled !== expected) {
            throw new Error(
              `prerender-parts: the parts do not rebuild ${JSON.stringify(attributes)}; ` +
                `first difference at ${commonPrefix([filled, expected])}`,
            );
          }
          // The plugin offers the form with both lines only: its twin is tested on those.
          if (kind === 'form' || !isForm(kind)) cases.push({attributes, expected});
        }
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
        // A teaser's body does not depend on the form's button: one JSON form is enough.
        for (const kind of [...formKinds, ...CTA_TARGETS]) {
          for (const variant of variants(kind, kind === 'form' ? ['_blank'] : [])) {
            const attributes = {
              layout: 'teaser',
              // The default count is also the absent attribute's.
              ...(paragraphs === DEFAULTS.teaserParagraphs
                ? {}
                : {'teaser-paragraphs': String(paragraphs)}),
              ...(link ? {'read-more-href': readMore} : {}),
              ...(theme ? {theme} : {}),
              ...variant.attributes,
            };
            const expected = render(attributes);
            const filled = fillPrerender(parts, {
              headingLevel: 2,
              theme,
              cta: variant.cta,
              noPrivacyNote: 'no-privacy-note' in attributes,
              noCrisisLine: 'no-crisis-line' in attributes,
              teaser: {paragraphs, ...(link ? {readMoreHref: readMore} : {})},
            });
            if (filled !== expected) {
              throw new Error(
                `prerender-parts: the parts do not rebuild ${JSON.stringify(attributes)}; ` +
                  `first difference at ${commonPrefix([filled, expected])}`,
              );
            }
            teaserCombinations++;
            if (kind === 'form' || !isForm(kind)) teaserCases.push({attributes, expected});
          }
        }
      }
    }
  }
  return {parts, cases, teaserCases, teaserCombinations};
}
