// The pre-rendered snippet: `npm run build` runs this after `vite build`.
//
//   node scripts/build-embed.mjs [attribute=value ...] [--out=DIR]
//
// writes
//   dist/therapist-attachment-article.hydrate.js   the drop-in plus Lit's hydration support
//   dist/embed.html    the element as declarative shadow DOM (the pre-rendered parts filled by
//                      src/prerender.ts, checked against @lit-labs/ssr), its
//                      schema.org BlogPosting JSON-LD in light DOM, then the script tag
//   dist/embed.csp.txt what the snippet needs from a page's Content-Security-Policy
//   dist/seo-markup.html  the article as plain HTML, for Wix's seoMarkup
//   dist/blog-posting.json  the same JSON-LD as in the snippet, for a page's own structured data
//
// Attributes given on the command line (cta-href=/contact, theme=dark …) are rendered into
// the snippet: the server-rendered markup is made for them, so change them here, not by hand.
//
// Hydration compares the server's templates with the browser's, so both must come from the
// same transformed sources: the hydrate file and the module rendered here are both built
// with the project's vite.config.ts (and so with whatever plugins it applies to templates).
import {createHash} from 'node:crypto';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {build} from 'vite';
import {prerenderParts} from './prerender-parts.mjs';
import {loadSources, root, tag} from './ssr.mjs';

const dist = path.join(root, 'dist');
const hydrateFile = `${tag}.hydrate.js`;

// `--out=DIR`: write only the snippet and its CSP line there, leaving dist/ alone (the tests
// compare the configurator's snippet with this script's for several settings).
const outArg = process.argv.slice(2).find((arg) => arg.startsWith('--out='));
const out = outArg ? path.resolve(outArg.slice('--out='.length)) : dist;

const attributes = process.argv
  .slice(2)
  .filter((arg) => arg !== outArg)
  .map((arg) => {
    const match = /^([a-z][a-z0-9-]*)=(.*)$/s.exec(arg);
    if (!match)
      throw new Error(`build-embed: expected attribute=value, got ${JSON.stringify(arg)}`);
    return [match[1], match[2]];
  });

// 1. The browser file: the drop-in's build, with another entry and name.
if (!outArg) {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      emptyOutDir: false,
      lib: {entry: path.join(root, 'src/drop-in-hydrate.ts'), fileName: () => hydrateFile},
    },
  });
}

// 2. The snippet, filled from the pre-rendered parts by the same function the configurator
// uses (src/prerender.ts), so that both give the same bytes for the same attributes; checked
// here against what @lit-labs/ssr renders for these attributes (which also refuses any value
// the element would warn about).
const src = await loadSources();
const structured = src['structured-data'];
const {DEFAULTS} = src.attributes;
const {prerenderedSnippet, protectMarkup, snippetStyles} = src.prerender;
const given = Object.fromEntries(attributes);
let rendered;
try {
  rendered = src.renderElement(given);
} catch (error) {
  throw new Error(`build-embed: ${error.message}`);
}
const {parts} = await prerenderParts();
// layout=teaser with read-more-href (a whole http(s) address, since search engines are told
// to credit it): the JSON-LD carries only the teaser's paragraphs and names the full post.
let excerpt;
const {ATTRIBUTES, normalise} = src.attributes;
const readMoreHref =
  normalise(ATTRIBUTES.layout, given.layout) === 'teaser' &&
  normalise(ATTRIBUTES.readMoreHref, given['read-more-href']);
if (readMoreHref) {
  if (!/^https?:\/\//i.test(readMoreHref)) {
    throw new Error('build-embed: read-more-href must be a whole http(s):// address');
  }
  const paragraphs = given['teaser-paragraphs'] ?? DEFAULTS.teaserParagraphs;
  excerpt = {paragraphs: Number(paragraphs), url: readMoreHref};
}
const snippet = prerenderedSnippet(parts, given, {
  structuredData: structured.blogPostingScript(undefined, excerpt),
  scriptSrc: hydrateFile,
});
// The parts write `:` and `;` as character references in attribute values too (see
// src/prerender.ts); the renderer does not: the same value either way.
const shadowRoot = (markup) =>
  markup
    .slice(markup.indexOf('<template shadowroot'), markup.lastIndexOf('</template>'))
    .replace(/&#58;/g, ':')
    .replace(/&#59;/g, ';');
const expected = shadowRoot(protectMarkup(rendered)).replace(
  '</style>',
  '.article:has(~.article){display:none}</style>',
);
if (shadowRoot(snippet) !== expected) {
  throw new Error('build-embed: the filled parts differ from what the renderer writes');
}

// The inline <style> of the declarative shadow root is the only thing a strict CSP blocks.
const styleHashes = snippetStyles(snippet).map(
  (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
);

const csp = [
  `# What dist/embed.html needs from a page's Content-Security-Policy (besides loading`,
  `# ${hydrateFile} from wherever you host it, e.g. script-src 'self'):`,
  `style-src ${styleHashes.join(' ')}`,
  `# or style-src 'unsafe-inline'. The JSON-LD block is data, never run: it needs nothing.`,
  `# The plain drop-in (therapist-attachment-article.js) needs no style-src entry at all.`,
  '',
].join('\n');

await mkdir(out, {recursive: true});
await writeFile(path.join(out, 'embed.html'), snippet);
await writeFile(path.join(out, 'embed.csp.txt'), csp);
if (outArg) {
  console.log(`${path.relative(root, out) || '.'}/embed.html: ${snippet.length} bytes`);
  process.exit(0);
}
const headingLevel = Number(Object.fromEntries(attributes)['heading-level'] ?? 2);
await writeFile(path.join(dist, 'seo-markup.html'), `${structured.seoMarkup({headingLevel})}\n`);
await writeFile(
  path.join(dist, 'blog-posting.json'),
  `${JSON.stringify(structured.blogPostingJsonLd(), null, 2)}\n`,
);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`; // 1 kB = 1,000 bytes, as Vite prints
const sizes = async (file) => {
  const data = await readFile(path.join(dist, file));
  return `${kb(data.length)}, ${kb(gzipSync(data, {level: 9}).length)} gzip`;
};
for (const file of [`${tag}.js`, hydrateFile, 'embed.html']) {
  console.log(`dist/${file}: ${await sizes(file)}`);
}
console.log(`dist/embed.csp.txt: style-src ${styleHashes.join(' ')}`);
