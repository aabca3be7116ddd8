// The pre-rendered snippet: `npm run build` runs this after `vite build`.
//
//   node scripts/build-embed.mjs [attribute=value ...]
//
// writes
//   dist/therapist-attachment-article.hydrate.js   the drop-in plus Lit's hydration support
//   dist/embed.html    the element rendered by @lit-labs/ssr as declarative shadow DOM, its
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
import {loadSources, root, tag} from './ssr.mjs';

const dist = path.join(root, 'dist');
const hydrateFile = `${tag}.hydrate.js`;

const attributes = process.argv.slice(2).map((arg) => {
  const match = /^([a-z][a-z0-9-]*)=(.*)$/s.exec(arg);
  if (!match) throw new Error(`build-embed: expected attribute=value, got ${JSON.stringify(arg)}`);
  return [match[1], match[2]];
});

// 1. The browser file: the drop-in's build, with another entry and name.
await build({
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: {
    emptyOutDir: false,
    lib: {entry: path.join(root, 'src/drop-in-hydrate.ts'), fileName: () => hydrateFile},
  },
});

// 2. The same sources for Node, rendered.
const src = await loadSources();
const structured = src['structured-data'];
let rendered;
try {
  rendered = src.renderElement(Object.fromEntries(attributes));
} catch (error) {
  throw new Error(`build-embed: ${error.message}`);
}

const element = rendered
  // If the plain drop-in defined the tag first, its class (without hydration support) finds
  // this shadow root and renders a second article after ours, as Lit reuses an existing
  // root. Then show only that live copy, in the same place; nothing moves.
  .replace('</style>', '.article:has(~.article){display:none}</style>')
  .replace(new RegExp(`</${tag}>$`), `${structured.blogPostingScript()}</${tag}>`);
if (!element.includes('<template shadowroot') || !element.endsWith(`</${tag}>`)) {
  throw new Error('build-embed: the element was not rendered with a declarative shadow root');
}

// The inline <style> of the declarative shadow root is the only thing a strict CSP blocks.
const styleHashes = [...element.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
  ([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
);

const snippet =
  `<!-- ${tag}: pre-rendered snippet. Readable without JavaScript; the script below only ` +
  `makes it interactive. Built by scripts/build-embed.mjs: regenerate it, do not edit it. -->\n` +
  `${element}\n` +
  `<script type="module" src="${hydrateFile}"></script>\n`;

const csp = [
  `# What dist/embed.html needs from a page's Content-Security-Policy (besides loading`,
  `# ${hydrateFile} from wherever you host it, e.g. script-src 'self'):`,
  `style-src ${styleHashes.join(' ')}`,
  `# or style-src 'unsafe-inline'. The JSON-LD block is data, never run: it needs nothing.`,
  `# The plain drop-in (therapist-attachment-article.js) needs no style-src entry at all.`,
  '',
].join('\n');

await mkdir(dist, {recursive: true});
await writeFile(path.join(dist, 'embed.html'), snippet);
await writeFile(path.join(dist, 'embed.csp.txt'), csp);
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
