// The element's pre-rendered markup in parts with holes (see src/prerender.ts): renders the
// element with @lit-labs/ssr for every heading level and call-to-action, cuts out what differs,
// and checks that filling the parts rebuilds what the renderer writes for every combination of
// heading level, look, call-to-action and teaser.
//
// A few attributes choose a part (the heading level, the look, the layout, the form and its
// notes, a link that opens a new tab, a teaser's link); every other text, address or keyword of
// the table in src/attributes.ts is a hole, `{{attribute-name}}`, found by rendering it with a
// sentinel value: a new attribute of that kind needs nothing here.
//
// Made once per change of the sources (cached beside the sources' Node build, see ssr.mjs) and
// used by build-embed.mjs, generate-wordpress.mjs (the plugin's PHP copy and
// dist/prerender-parts.json) and the configurator's data.
import {cached, loadSources, tag} from './ssr.mjs';

/** The attributes that choose a part rather than fill a hole. */
const STRUCTURE = new Set(['theme', 'layout', 'form-encoding']);
/** Addresses whose presence also chooses a part: the form, and a teaser's link. */
const PRESENCE = new Set(['form-action', 'read-more-href']);
/** The form's parts, by the notes each leaves out. */
const NOTES = {
  form: {},
  formNoPrivacyNote: {'no-privacy-note': ''},
  formNoCrisisLine: {'no-crisis-line': ''},
  formNoNotes: {'no-privacy-note': '', 'no-crisis-line': ''},
};
const formKinds = Object.keys(NOTES);

/**
 * @returns {Promise<{parts: import('../src/prerender.ts').PrerenderParts,
 *   cases: {attributes: Record<string, string>, expected: string}[],
 *   teaserCases: {attributes: Record<string, string>, expected: string}[],
 *   teaserCombinations: number}>}
 */
export const prerenderParts = () => cached('prerender-parts.json', makeParts);

async function makeParts() {
  const src = await loadSources();
  const {ATTRIBUTES, THEMES, CTA_TARGETS, HEADING_LEVELS, DEFAULTS} = src.attributes;
  const {article} = src.article;
  const {fillPrerender, protectMarkup} = src.prerender;

  /** What goes inside the tag: the declarative shadow root. */
  const inner = (markup) => {
    const open = markup.indexOf('>') + 1;
    const close = markup.lastIndexOf(`</${tag}>`);
    return protectMarkup(markup.slice(open, close));
  };
  const render = (attributes) => inner(src.renderElement(attributes));

  // Every hole's sentinel, a value found nowhere else. A keyword's sentinel is let into its
  // list while the parts are cut, and only then.
  const holeRows = Object.values(ATTRIBUTES).filter(
    (row) =>
      ['enum', 'url', 'form-url', 'text'].includes(row.type) && !STRUCTURE.has(row.attribute),
  );
  const sentinel = (row) =>
    row.type === 'url' || row.type === 'form-url'
      ? `https://${row.attribute}.invalid/`
      : `${row.attribute}-sentinel`;
  const S = Object.fromEntries(holeRows.map((row) => [row.attribute, sentinel(row)]));
  const enums = holeRows.filter((row) => row.type === 'enum');
  const lists = enums.map((row) => row.values);
  for (const row of enums) row.values = [...row.values, S[row.attribute]];
  let parts;
  try {
    parts = cut(render, S, HEADING_LEVELS);
  } finally {
    enums.forEach((row, i) => (row.values = lists[i]));
  }
  // The sentinels become holes, each with its attribute's default.
  const holes = {};
  const toHoles = (text) => {
    for (const row of holeRows) {
      const [what, by] =
        row.type === 'enum'
          ? [`="${S[row.attribute]}"`, `="{{${row.attribute}}}"`]
          : [S[row.attribute], `{{${row.attribute}}}`];
      if (!text.includes(what)) continue;
      holes[row.attribute] = String(row.default ?? '');
      text = text.replaceAll(what, by);
    }
    return text;
  };
  const walk = (value) =>
    typeof value === 'string'
      ? toHoles(value)
      : Array.isArray(value)
        ? value.map(walk)
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  parts = {...walk(parts), holes};
  const json = JSON.stringify(parts);
  for (const value of Object.values(S)) {
    if (json.includes(value)) {
      const at = json.indexOf(value);
      throw new Error(
        `prerender-parts: ${value} was left in the parts: …${json.slice(at - 200, at + 50)}`,
      );
    }
  }
  const known = ['theme', 'title', 'cta', 'send', ...Object.keys(holes)];
  for (const [, name] of json.matchAll(/\{\{([^}]*)\}\}/g)) {
    if (!known.includes(name)) throw new Error(`prerender-parts: stray hole {{${name}}}`);
  }

  // Every combination, filled, must be what the renderer writes for it.
  const check = (attributes) => {
    const expected = render(attributes);
    const filled = fillPrerender(parts, attributes);
    if (filled !== expected) {
      throw new Error(
        `prerender-parts: the parts do not rebuild ${JSON.stringify(attributes)}; ` +
          `first difference at ${commonPrefix([filled, expected])}`,
      );
    }
    return {attributes, expected};
  };
  const sample = {href: '/contact?a=1&b=2', label: 'Book a call: today 8-)'};
  const sampleAction = '/wp-json/contact?a=1&b=2';
  const sampleLink = (target) => ({
    'cta-href': sample.href,
    'cta-label': sample.label,
    'cta-target': target,
  });
  /** A call-to-action's attributes: a link, a form that posts by itself, or a JSON form. */
  const variants = (kind, targets = CTA_TARGETS) => {
    if (!formKinds.includes(kind)) return [sampleLink(kind)];
    const form = {...NOTES[kind], 'form-action': sampleAction};
    return [
      {...form, 'form-encoding': 'urlencoded'},
      ...targets.map((target) => ({...form, ...sampleLink(target)})),
    ];
  };
  /** Each combination with the renderer's markup, for the PHP twin's test (PrerenderTest). */
  const cases = [];
  for (const headingLevel of HEADING_LEVELS) {
    for (const theme of [undefined, ...THEMES]) {
      for (const kind of [...formKinds, ...CTA_TARGETS]) {
        for (const variant of variants(kind)) {
          const checked = check({
            'heading-level': String(headingLevel),
            ...(theme ? {theme} : {}),
            ...variant,
          });
          // The plugin offers the form with both lines only: its twin is tested on those.
          if (kind === 'form' || !formKinds.includes(kind)) cases.push(checked);
        }
      }
    }
  }
  // The teaser, for every number of paragraphs, with its button or a link, in every look and
  // with every call-to-action (at heading level 2: the title is independent of the body). The
  // keywords no variant sets (where the full post opens …) take each of their values in turn.
  // Like the sample href, without `:`: the fill writes it as a character reference (same URL).
  const readMore = '/blog/attached?a=1&b=2';
  const set = new Set(Object.keys(sampleLink('_self')));
  const turns = enums.filter((row) => !set.has(row.attribute));
  let teaserCombinations = 0;
  /** The teasers the plugin offers (the form with both lines, or a link), for its twin's test. */
  const teaserCases = [];
  for (const paragraphs of Array.from({length: article.paragraphs.length - 1}, (_, i) => i + 1)) {
    for (const link of [false, true]) {
      for (const theme of [undefined, ...THEMES]) {
        // A teaser's body does not depend on the form's button: one JSON form is enough.
        for (const kind of [...formKinds, ...CTA_TARGETS]) {
          for (const variant of variants(kind, kind === 'form' ? ['_blank'] : [])) {
            const turn = Object.fromEntries(
              turns.map((row) => [
                row.attribute,
                row.values[teaserCombinations % row.values.length],
              ]),
            );
            const checked = check({
              layout: 'teaser',
              // The default count is also the absent attribute's.
              ...(paragraphs === DEFAULTS.teaserParagraphs
                ? {}
                : {'teaser-paragraphs': String(paragraphs)}),
              ...(link ? {'read-more-href': readMore, ...turn} : {}),
              ...(theme ? {theme} : {}),
              ...variant,
            });
            teaserCombinations++;
            if (kind === 'form' || !formKinds.includes(kind)) teaserCases.push(checked);
          }
        }
      }
    }
  }
  return {parts, cases, teaserCases, teaserCombinations};
}

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
const once = (s, what, by) => {
  const n = s.split(what).length - 1;
  if (n !== 1) throw new Error(`prerender-parts: expected ${what} once, found it ${n} times`);
  return s.replace(what, by);
};

/** The parts, cut from renders whose holes still hold their sentinels `S`. */
function cut(render, S, levels) {
  // Every value that fills a hole, but the addresses whose presence chooses a part.
  const probe = Object.fromEntries(Object.entries(S).filter(([name]) => !PRESENCE.has(name)));
  const form = {...probe, 'form-action': S['form-action']};
  // The parts' form posts by itself (the endpoint takes form fields); a JSON endpoint's button
  // is cut out of the same form rendered with `form-encoding="json"`.
  const PLAIN = {'form-encoding': 'urlencoded'};
  const ctaAttributes = {
    link: probe,
    linkNewTab: {...probe, 'cta-target': '_blank'},
    ...Object.fromEntries(formKinds.map((kind) => [kind, {...form, ...PLAIN, ...NOTES[kind]}])),
  };
  const isForm = (kind) => kind in NOTES;

  // Heading levels differ only in the title; call-to-actions only in their section.
  const byLevel = differences(levels.map((h) => render({...probe, 'heading-level': String(h)})));
  const ctaKinds = Object.keys(ctaAttributes);
  const byCta = differences(ctaKinds.map((kind) => render(ctaAttributes[kind])));
  const base = render(probe); // heading 2, link
  const titleAt = byLevel.pre;
  const titleEnd = titleAt + byLevel.parts[1].length;
  const ctaAt = byCta.pre;
  if (!(titleEnd <= ctaAt)) throw new Error('prerender-parts: the title and the CTA overlap');

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
        ...probe,
        layout: 'teaser',
        'teaser-paragraphs': '1',
        ...(readMore ? {'read-more-href': S['read-more-href']} : {}),
      }),
    );
    const open = body.slice(0, body.indexOf(paragraphs[0]));
    const after = body.slice(open.length + paragraphs[0].length);
    const rest = paragraphs.slice(1).join('');
    const at = after.indexOf(rest);
    if (!open || at < 0) throw new Error('prerender-parts: the teaser’s paragraphs were not found');
    return {open, control: after.slice(0, at), close: after.slice(at + rest.length)};
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
      render(json),
      render({...json, 'cta-target': '_blank'}),
    ]);
    const [plain, script, scriptNewTab] = byEncoding.parts;
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
  return {
    template: once(
      `${base.slice(0, titleAt)}{{title}}${base.slice(titleEnd, ctaAt)}{{cta}}${base.slice(base.length - byCta.post)}`,
      'class="article theme-none"',
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
}
