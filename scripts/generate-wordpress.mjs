#!/usr/bin/env node
// The WordPress plugin's copy of the element's facts, generated from src/ (`npm run build`
// runs it): nothing about the element is typed twice.
//
//   node scripts/generate-wordpress.mjs           writes the files below
//   node scripts/generate-wordpress.mjs --check   writes nothing; exits 1 if any is stale
//   … --plugin DIR                               another copy of the plugin folder
//
// writes, in wordpress/therapist-attachment-article/:
//   includes/generated/facts.php      lists, defaults, URL schemes, the form's fields, limits
//                                     and texts (translatable), the labels of every choice
//   includes/generated/prerender.php  the element pre-rendered as declarative shadow DOM, in
//                                     parts with holes (src/prerender.ts), the BlogPosting
//                                     JSON-LD and the plain article for feeds
//   includes/generated/attributes.php the element's attributes the plugin offers, with their
//                                     words (scripts/wordpress-attributes.mjs)
//   block/block.json                  the block's attributes and enums
//   readme.txt                        its list of shortcode attributes, between markers
// and dist/prerender-parts.json, the same parts for JavaScript (the configurator, tests),
// dist/prerender-cases.json and dist/prerender-teaser-cases.json, every combination the plugin
// offers as the renderer wrote it, and dist/excerpt-cases.json, a teaser's structured data for
// every paragraph count (for PHP's tests).
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import prettier from 'prettier';
import {prerenderParts} from './prerender-parts.mjs';
import {loadSources, root, tag} from './ssr.mjs';
import {
  attributeSpecs,
  attributesPhp,
  blockAttributes,
  readmeWithAttributes,
} from './wordpress-attributes.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
// --plugin DIR: another copy of the plugin folder (the staleness test uses one).
const plugin = args.includes('--plugin')
  ? path.resolve(args[args.indexOf('--plugin') + 1])
  : path.join(root, 'wordpress', tag);
const domain = tag;
const src = await loadSources();
const {THEMES, CTA_TARGETS, FORM_ENCODINGS, HEADING_LEVELS, LAYOUTS} = src.attributes;
const {ATTRIBUTES, ATTRIBUTE_WORDS, DEFAULTS, normalise} = src.attributes;
const TEASER_DEFAULTS = {layout: DEFAULTS.layout, paragraphs: DEFAULTS.teaserParagraphs};
const FORM_DEFAULTS = {encoding: DEFAULTS.formEncoding};
const THEME_LABELS = ATTRIBUTE_WORDS.theme.choices;
const CTA_TARGET_LABELS = ATTRIBUTE_WORDS.ctaTarget.choices;
const FORM_ENCODING_LABELS = ATTRIBUTE_WORDS.formEncoding.choices;
const LAYOUT_LABELS = ATTRIBUTE_WORDS.layout.choices;
const {FIELD_DESCRIPTORS, SUBMISSION_ID_PATTERN} = src['form-fields'];
const {formStrings} = src['form-strings'];
const {article, signature} = src.article;
const {URL_SCHEMES} = src['safe-url'];
const {blogPostingScript, blogPostingJsonLd, seoMarkup} = src['structured-data'];
const {protectMarkup} = src.prerender;

/** The plugin's own limit on a button label, in characters (longer labels are cut). */
const CTA_LABEL_MAX_LENGTH = ATTRIBUTES.ctaLabel.maxLength;

/**
 * The teaser's paragraph counts, read off the element's own rule for `teaser-paragraphs`
 * (src/attributes.ts: at least one, and at least one left to reveal).
 */
const teaserCounts = Array.from({length: 100}, (_, n) => n).filter(
  (n) => normalise(ATTRIBUTES.teaserParagraphs, n) !== undefined,
);
const TEASER_PARAGRAPHS = {min: teaserCounts[0], max: teaserCounts.at(-1)};
if (
  !teaserCounts.length ||
  teaserCounts.length !== TEASER_PARAGRAPHS.max - TEASER_PARAGRAPHS.min + 1 ||
  !teaserCounts.includes(TEASER_DEFAULTS.paragraphs) ||
  !LAYOUTS.includes(TEASER_DEFAULTS.layout)
) {
  throw new Error('generate-wordpress: the teaser’s rules are not a range around its default');
}

// ---------------------------------------------------------------------------------------------
// PHP

const phpString = (s) => `'${String(s).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const translated = (s) => `__( ${phpString(s)}, ${phpString(domain)} )`;
/** A PHP array literal; `t(…)` marks strings to wrap in __(). */
const T = Symbol('translated');
const t = (text) => ({[T]: text});
function php(value, indent = '\t') {
  if (value && typeof value === 'object' && T in value) return translated(value[T]);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array()';
    return `array(\n${value.map((v) => `${indent}\t${php(v, `${indent}\t`)},\n`).join('')}${indent})`;
  }
  if (value && typeof value === 'object') {
    return `array(\n${Object.entries(value)
      .map(([k, v]) => `${indent}\t${phpString(k)} => ${php(v, `${indent}\t`)},\n`)
      .join('')}${indent})`;
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return phpString(value);
}
const header = (what) =>
  `<?php
/**
 * ${what}
 *
 * GENERATED by scripts/generate-wordpress.mjs from the element's sources in src/: do not edit.
 * Change src/ and run \`npm run build\`; a test fails while this copy is stale.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;
`;
const phpFunction = (name, doc, body) =>
  `\n/**\n * ${doc}\n *\n * @return array<string, mixed>\n */\nfunction ${name}() {\n\t${body}\n}\n`;

const facts = {
  title: article.title,
  lang: article.lang,
  signature: signature(),
  themes: [...THEMES],
  cta_targets: [...CTA_TARGETS],
  form_encodings: [...FORM_ENCODINGS],
  url_schemes: [...URL_SCHEMES],
  heading_levels: [...HEADING_LEVELS],
  layouts: [...LAYOUTS],
  teaser_paragraphs: TEASER_PARAGRAPHS,
  defaults: {
    heading_level: DEFAULTS.headingLevel,
    cta_href: DEFAULTS.ctaHref,
    cta_label: DEFAULTS.ctaLabel,
    cta_target: DEFAULTS.ctaTarget,
    form_encoding: FORM_DEFAULTS.encoding,
    layout: TEASER_DEFAULTS.layout,
    teaser_paragraphs: TEASER_DEFAULTS.paragraphs,
  },
  cta_label_max_length: CTA_LABEL_MAX_LENGTH,
  fields: Object.fromEntries(
    FIELD_DESCRIPTORS.map((f) => [
      f.name,
      {
        type: f.type,
        required: f.required,
        multiline: f.multiline,
        max_length: f.maxLength,
        pattern: f.pattern ?? null,
      },
    ]),
  ),
  submission_id_pattern: SUBMISSION_ID_PATTERN,
};
const labels = {
  themes: Object.fromEntries(Object.entries(THEME_LABELS).map(([k, v]) => [k, t(v)])),
  cta_targets: Object.fromEntries(Object.entries(CTA_TARGET_LABELS).map(([k, v]) => [k, t(v)])),
  form_encodings: Object.fromEntries(
    Object.entries(FORM_ENCODING_LABELS).map(([k, v]) => [k, t(v)]),
  ),
  layouts: Object.fromEntries(LAYOUTS.map((k) => [k, t(LAYOUT_LABELS[k])])),
};
const strings = Object.fromEntries(
  Object.entries(formStrings).map(([k, v]) => [k, v === '' ? '' : t(v)]),
);

const specs = attributeSpecs(src.attributes, t);

const factsPhp =
  header(`The element's facts, for the plugin's PHP and its block editor script.`) +
  phpFunction(
    'therapist_attachment_article_facts',
    `Lists, defaults, URL schemes, the contact form's fields and limits (src/attributes.ts,\n * src/safe-url.ts, src/content/article.ts, src/content/form-fields.ts).`,
    `return ${php(facts)};`,
  ) +
  phpFunction(
    'therapist_attachment_article_labels',
    'How each choice is named where a person picks one (src/attributes.ts).',
    `return ${php(labels)};`,
  ) +
  phpFunction(
    'therapist_attachment_article_form_strings',
    `Every text of the contact form, translatable (src/content/form-strings.ts). \`tooLong\`\n * holds \`{max}\`, the limit.`,
    `return ${php(strings)};`,
  );

// ---------------------------------------------------------------------------------------------
// The pre-rendered element, in parts

const {parts, cases, teaserCases, teaserCombinations} = await prerenderParts();
const combinations = cases.length;

// ---------------------------------------------------------------------------------------------
// A teaser's structured data, in parts with holes: with `read-more-href`, the JSON-LD carries
// only the teaser's paragraphs and names the full post (src/content/structured-data.ts, its
// `excerpt`), and so do feeds. Made from src/ for one paragraph, then checked for every count.

const READ_MORE_SENTINEL = 'https://read-more.invalid/';
/** A JSON value as blogPostingScript() writes it inside its script element. */
const jsonInScript = (value) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const holeAll = (text, what, by, times) => {
  const n = text.split(what).length - 1;
  if (n !== times) throw new Error(`generate-wordpress: expected ${what} ${times}×, found ${n}`);
  return text.split(what).join(by);
};
const excerptOf = (paragraphs, url = READ_MORE_SENTINEL) => ({paragraphs, url});
const jsonLdExcerpt = (() => {
  const first = blogPostingJsonLd(article, excerptOf(1));
  let template = blogPostingScript(article, excerptOf(1));
  template = holeAll(
    template,
    `"articleBody":${jsonInScript(first.articleBody)}`,
    '"articleBody":"{{articleBody}}"',
    1,
  );
  template = holeAll(template, `"wordCount":${first.wordCount},`, '"wordCount":{{wordCount}},', 1);
  template = holeAll(template, jsonInScript(READ_MORE_SENTINEL), '{{url}}', 2);
  const separator = '\n\n';
  const paragraphs = [];
  const wordCounts = [];
  let body = '';
  let words = 0;
  for (const n of teaserCounts) {
    const data = blogPostingJsonLd(article, excerptOf(n));
    const joined = body === '' ? '' : body + separator;
    if (!data.articleBody.startsWith(joined)) {
      throw new Error('generate-wordpress: an excerpt’s text is not the one before it and more');
    }
    paragraphs.push(jsonInScript(data.articleBody.slice(joined.length)).slice(1, -1));
    wordCounts.push(data.wordCount - words);
    body = data.articleBody;
    words = data.wordCount;
  }
  return {
    template,
    separator: jsonInScript(separator).slice(1, -1),
    paragraphs,
    word_counts: wordCounts,
  };
})();
/** The twin of the plugin's therapist_attachment_article_json_ld_excerpt(). */
const fillJsonLdExcerpt = (n, url) =>
  jsonLdExcerpt.template
    .replace('{{articleBody}}', () =>
      jsonLdExcerpt.paragraphs.slice(0, n).join(jsonLdExcerpt.separator),
    )
    .replace('{{wordCount}}', () =>
      String(jsonLdExcerpt.word_counts.slice(0, n).reduce((a, b) => a + b, 0)),
    )
    .replaceAll('{{url}}', () => jsonInScript(url));

const seoExcerpt = (() => {
  const markup = (n) => protectMarkup(seoMarkup({excerpt: excerptOf(n)}));
  const none = markup(0);
  const link = `<p><a href="${READ_MORE_SENTINEL}">`;
  const at = none.indexOf(link);
  const template = holeAll(
    `${none.slice(0, at)}{{paragraphs}}${none.slice(at)}`,
    `href="${READ_MORE_SENTINEL}"`,
    'href="{{url}}"',
    1,
  );
  const paragraphs = [];
  let body = '';
  for (const n of teaserCounts) {
    const full = markup(n);
    const now = full.slice(at, full.length - (none.length - at));
    if (!now.startsWith(body) || full !== none.slice(0, at) + now + none.slice(at)) {
      throw new Error('generate-wordpress: an excerpt’s markup is not the one before it and more');
    }
    paragraphs.push(now.slice(body.length));
    body = now;
  }
  return {template, paragraphs};
})();

/** Every excerpt, as src/ writes it for a sample URL, for the plugin's twin's test (JsonLdTest). */
const sampleUrl = 'https://example.com/blog/attached?a=1&b=2&c=<ä>';
const jsonLdCases = teaserCounts.map((n) => {
  const expected = blogPostingScript(article, excerptOf(n, sampleUrl));
  if (fillJsonLdExcerpt(n, sampleUrl) !== expected) {
    throw new Error(
      `generate-wordpress: the excerpt's JSON-LD parts do not rebuild ${n} paragraphs`,
    );
  }
  const seo = protectMarkup(seoMarkup({excerpt: excerptOf(n, sampleUrl)}));
  const seoFilled = seoExcerpt.template
    .replace('{{paragraphs}}', () => seoExcerpt.paragraphs.slice(0, n).join(''))
    .replace('{{url}}', () =>
      sampleUrl.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    );
  if (seoFilled !== seo) {
    throw new Error(`generate-wordpress: the excerpt's feed parts do not rebuild ${n} paragraphs`);
  }
  return {paragraphs: n, url: sampleUrl, json_ld: expected, seo_markup: seo};
});

const prerenderPhp =
  header(
    `The element pre-rendered as declarative shadow DOM, in parts with holes ({{name}}),\n * filled by therapist_attachment_article_prerender() (src/prerender.ts is its twin).`,
  ) +
  phpFunction(
    'therapist_attachment_article_prerender_parts',
    `The parts: \`template\` (holes {{theme}}, {{title}}, {{cta}}), \`titles\` (heading levels\n * 1–6), \`cta\` (\`link\` and \`linkNewTab\`; \`form\`, and \`formNoPrivacyNote\`,\n * \`formNoCrisisLine\`, \`formNoNotes\` without those lines, with a {{send}} hole; \`send\`: the form's\n * button, \`plain\` (it posts by itself) or \`script\` / \`scriptNewTab\` (a JSON endpoint's, with\n * the link)), \`teaser\` (\`open\`, \`button\` then \`close\`, or \`link\` then \`linkClose\`: around the\n * body's paragraphs), and \`holes\`: every attribute whose value fills a hole {{attribute-name}}\n * in the parts, with its default. Checked against the renderer for ${combinations} combinations of\n * settings and ${teaserCombinations} teasers.`,
    `return ${php(parts)};`,
  ) +
  phpFunction(
    'therapist_attachment_article_structured_data',
    `The BlogPosting JSON-LD \`script\` element and the article as plain HTML for feeds\n * (\`seo_markup\`, heading level 2), from src/content/structured-data.ts. For a teaser whose\n * \`read-more-href\` names the full post, the same with only its paragraphs, in parts:\n * \`json_ld_excerpt\` (holes {{articleBody}}: the first paragraphs joined by \`separator\`;\n * {{wordCount}}: the sum of their \`word_counts\`; {{url}}: the full post's URL as JSON) and\n * \`seo_markup_excerpt\` (holes {{paragraphs}}, {{url}}). Checked for every paragraph count.`,
    `return ${php({
      json_ld: blogPostingScript(),
      seo_markup: protectMarkup(seoMarkup()),
      json_ld_excerpt: jsonLdExcerpt,
      seo_markup_excerpt: seoExcerpt,
    })};`,
  );

// ---------------------------------------------------------------------------------------------
// block.json

const blockJson = {
  $schema: 'https://schemas.wp.org/trunk/block.json',
  apiVersion: 3,
  name: `${tag}/article`,
  title: 'Therapist Attachment Article',
  category: 'text',
  icon: 'format-aside',
  description: `${signature().split(',')[0]}'s article “${article.title}” with a contact form that emails you, or a call-to-action button.`,
  keywords: ['therapy', 'therapist', 'attachment', 'article', article.author.name, 'contact form'],
  textdomain: domain,
  attributes: {...blockAttributes(specs), showForm: {type: 'boolean'}},
  supports: {html: false, align: ['wide', 'full']},
  example: {attributes: {ctaHref: '/contact', theme: 'light'}},
  editorScript: 'file:./index.js',
};

// ---------------------------------------------------------------------------------------------
// Write, or compare

const blockFile = path.join(plugin, 'block/block.json');
const files = {
  [path.join(plugin, 'includes/generated/facts.php')]: factsPhp,
  [path.join(plugin, 'includes/generated/prerender.php')]: prerenderPhp,
  [path.join(plugin, 'includes/generated/attributes.php')]: attributesPhp(specs, {
    header,
    phpFunction,
    php,
  }),
  [path.join(plugin, 'readme.txt')]: readmeWithAttributes(
    await readFile(path.join(plugin, 'readme.txt'), 'utf8'),
    src.attributes,
  ),
  [blockFile]: await prettier.format(JSON.stringify(blockJson), {
    ...(await prettier.resolveConfig(path.join(root, 'package.json'))),
    parser: 'json',
  }),
};
const stale = [];
for (const [file, content] of Object.entries(files)) {
  const current = await readFile(file, 'utf8').catch(() => null);
  if (current === content) continue;
  if (check) stale.push(path.relative(root, file));
  else {
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, content);
  }
}
if (check) {
  if (stale.length) {
    console.error(`generate-wordpress: stale (run npm run build and commit): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('generate-wordpress: the plugin’s generated files match src/');
} else {
  await mkdir(path.join(root, 'dist'), {recursive: true});
  await writeFile(path.join(root, 'dist/prerender-parts.json'), `${JSON.stringify(parts)}\n`);
  await writeFile(path.join(root, 'dist/prerender-cases.json'), `${JSON.stringify(cases)}\n`);
  await writeFile(
    path.join(root, 'dist/prerender-teaser-cases.json'),
    `${JSON.stringify(teaserCases)}\n`,
  );
  await writeFile(path.join(root, 'dist/excerpt-cases.json'), `${JSON.stringify(jsonLdCases)}\n`);
  console.log(
    `generate-wordpress: facts, ${combinations} pre-rendered combinations and ${teaserCombinations} teasers checked, ${jsonLdCases.length} excerpts' structured data, block.json`,
  );
}
