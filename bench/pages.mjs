// The pages the benchmark (and the embed tests) load: one mock practice page, with the article
// in it three ways — typed in as static HTML (the baseline), the plain drop-in with its
// light-DOM fallback, and the pre-rendered snippet. Made from the built files in dist/.
import fs from 'node:fs';
import path from 'node:path';

export const dist = path.resolve(import.meta.dirname, '../dist');
export const tag = 'therapist-attachment-article';
export const TITLE = 'Is it "Normal" to be Attached to your Therapist?';

/** The README's rule: until the script has run, the tag holds at least one screen's height. */
export const RESERVE_RULE = `${tag}:not(:defined){display:block;min-height:100vh}`;

/** The README's fallback: the title as a link to the article's own page, shown until upgrade. */
export const FALLBACK = `<a href="/blog/attached-to-your-therapist">${TITLE.replace(/"/g, '&quot;')}</a>`;

export function requireBuild() {
  for (const file of [`${tag}.js`, `${tag}.hydrate.js`, 'embed.html', 'npm/content/article.js']) {
    if (!fs.existsSync(path.join(dist, file))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` first.`);
    }
  }
}

/** dist/embed.html, with its script loaded from the site's root (where the pages live). */
export const snippet = () =>
  fs
    .readFileSync(path.join(dist, 'embed.html'), 'utf8')
    .replace(/^<!--[\s\S]*?-->\n/, '')
    .replace(`src="${tag}.hydrate.js"`, `src="/${tag}.hydrate.js"`);

/**
 * The article as if typed into the page by hand: the markup and CSS of the pre-rendered
 * shadow root, as plain light DOM (`:host` becomes a wrapper class), so it looks and lays out
 * the same as the element.
 */
export function staticArticle() {
  const template = /<template shadowroot[^>]*>([\s\S]*)<\/template>/.exec(snippet());
  if (!template) throw new Error('dist/embed.html has no declarative shadow root');
  const [, inner] = template;
  const css = /<style>([\s\S]*?)<\/style>/.exec(inner)[1].replace(/:host/g, '.taa-host');
  const markup = inner.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!--[\s\S]*?-->/g, '');
  return {css, markup: `<div class="taa-host">${markup}</div>`};
}

/** A small practice page around `body`; `head` goes into <head>, after the site's styles. */
export const page = ({
  title = 'Harbor Light Counseling — Blog',
  css = '',
  head = '',
  body,
}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>
body{margin:0;font:17px/1.6 Georgia,'Times New Roman',serif;color:#23302d;background:#fffdf9}
.site-header,.site-footer{padding:12px 20px;font-family:system-ui,sans-serif}
.site-header{border-bottom:1px solid #d9d2c5}
.site-header .name{margin:0;font-weight:700;font-size:18px}
.site-header nav a{margin-right:12px;color:#2b5d53}
main{padding:16px 20px}
.contact{margin-top:2em;padding:16px;border:1px solid #d9d2c5}
${css}
</style>
${head}
</head>
<body>
<header class="site-header"><p class="name">Harbor Light Counseling</p>
<nav><a href="/">Home</a><a href="/about">About</a><a href="/blog">Blog</a><a href="#contact">Contact</a></nav></header>
<main>
${body}
<section id="contact" class="contact"><h2>Contact</h2>
<p>Call us at (555) 010-0199 or write to hello@example.com. We answer within two working days.</p>
<p>Harbor Light Counseling, 12 Water Street, Suite 4.</p></section>
</main>
<footer class="site-footer"><p>© Harbor Light Counseling</p></footer>
</body>
</html>
`;

const dropInHead = `<script type="module" src="/${tag}.js"></script>`;

/** The benchmark's cases, each a page with `count` articles. */
export function cases(count = 1) {
  const article = staticArticle();
  const times = (html) => Array.from({length: count}, () => html).join('\n');
  return {
    static: page({css: article.css, body: times(article.markup)}),
    'drop-in': page({
      css: RESERVE_RULE,
      head: dropInHead,
      body: times(`<${tag}>${FALLBACK}</${tag}>`),
    }),
    'drop-in, no rule': page({head: dropInHead, body: times(`<${tag}>${FALLBACK}</${tag}>`)}),
    'pre-rendered': page({body: times(snippet())}),
  };
}

/** The 'drop-in' case with another build of the drop-in at `src` (bench/baseline.mjs's). */
export const dropInFrom = (src) =>
  page({
    css: RESERVE_RULE,
    head: `<script type="module" src="${src}"></script>`,
    body: `<${tag}>${FALLBACK}</${tag}>`,
  });

/**
 * The drop-in with the contact form, loaded two ways: `form-action` from the start (the element
 * fetches the form's file as soon as it is defined), or set by the page once the end of the
 * article (the call-to-action) is within `below` (a rootMargin: 100% is one screen's height)
 * below the viewport.
 */
export function formCases({action = '/contact', below = '100%'} = {}) {
  const nearEnd = `<script type="module">
const el = document.querySelector('${tag}');
await customElements.whenDefined('${tag}');
await el.updateComplete;
new IntersectionObserver((entries, observer) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  observer.disconnect();
  el.setAttribute('form-action', '${action}');
}, {rootMargin: '0px 0px ${below} 0px'}).observe(el.shadowRoot.querySelector('.cta'));
</script>`;
  return {
    'from the start': page({
      css: RESERVE_RULE,
      head: dropInHead,
      body: `<${tag} form-action="${action}">${FALLBACK}</${tag}>`,
    }),
    [`near the end (${below} below)`]: page({
      css: RESERVE_RULE,
      head: dropInHead,
      body: `<${tag}>${FALLBACK}</${tag}>\n${nearEnd}`,
    }),
  };
}
