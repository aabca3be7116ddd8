/**
 * What search engines read about the article, made from the same content module as the
 * element, so the two cannot drift apart:
 *
 * - `blogPostingJsonLd()` — schema.org `BlogPosting` data (the pre-rendered snippet carries it
 *   as JSON-LD in light DOM; `blogPostingScript()` gives the `<script>` element itself);
 * - `seoMarkup()` — the article as plain HTML, for Wix's `seoMarkup` property or any page
 *   that wants the text without a script.
 *
 * Pure functions: no DOM, so they run in the browser, in Node at build time and in tests.
 */
import {article, plainText, signature, type ArticleContent, type Paragraph} from './article.js';

/** schema.org `BlogPosting`, limited to what the article itself knows. */
export interface BlogPosting {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'BlogPosting';
  readonly headline: string;
  readonly inLanguage: string;
  readonly author: {
    readonly '@type': 'Person';
    readonly name: string;
    /** “LMHC, LPC”: how the credentials follow her name. */
    readonly honorificSuffix: string;
    readonly hasCredential: readonly {
      readonly '@type': 'EducationalOccupationalCredential';
      readonly credentialCategory: 'license';
      readonly name: string;
    }[];
  };
  readonly description: string;
  readonly articleBody: string;
  readonly wordCount: number;
  /** With an excerpt: the full post, the page search engines should credit. */
  readonly url?: string;
  readonly mainEntityOfPage?: {readonly '@type': 'WebPage'; readonly '@id': string};
}

/**
 * A teaser on a site that is not the article's home (`layout="teaser"` with
 * `read-more-href`): only the opening is republished, and the data points to the full post.
 */
export interface Excerpt {
  /** How many paragraphs the teaser shows (its `teaser-paragraphs`). */
  readonly paragraphs: number;
  /** The full post's absolute URL (its `read-more-href`). */
  readonly url: string;
}

/** The longest a description may be; search engines cut snippets at about this length. */
const DESCRIPTION_MAX = 160;

/** The start of the first paragraph, cut at a word boundary, as the description. */
function describe(content: ArticleContent): string {
  const first = plainText(content.paragraphs[0] ?? [])
    .replace(/\s+/g, ' ')
    .trim();
  if (first.length <= DESCRIPTION_MAX) return first;
  const cut = first.slice(0, DESCRIPTION_MAX - 1);
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/u, '');
  return `${atWord}…`;
}

/** The whole text as search engines should index it: body, then the call-to-action. */
const bodyParagraphs = (content: ArticleContent): readonly Paragraph[] => [
  ...content.paragraphs,
  content.callToAction,
];

/**
 * schema.org `BlogPosting` for the article: headline, author with credentials, the text. With
 * an `excerpt`, the text is only the teaser's paragraphs and `url` names the full post.
 */
export function blogPostingJsonLd(
  content: ArticleContent = article,
  excerpt?: Excerpt,
): BlogPosting {
  const paragraphs = excerpt
    ? content.paragraphs.slice(0, excerpt.paragraphs)
    : bodyParagraphs(content);
  const articleBody = paragraphs.map((p) => plainText(p).replace(/\s+/g, ' ').trim()).join('\n\n');
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: content.title,
    inLanguage: content.lang,
    author: {
      '@type': 'Person',
      name: content.author.name,
      honorificSuffix: content.author.credentials.join(', '),
      hasCredential: content.author.credentials.map((name) => ({
        '@type': 'EducationalOccupationalCredential',
        credentialCategory: 'license',
        name,
      })),
    },
    description: describe(content),
    articleBody,
    wordCount: articleBody.split(/\s+/).filter(Boolean).length,
    ...(excerpt && {
      url: excerpt.url,
      mainEntityOfPage: {'@type': 'WebPage', '@id': excerpt.url},
    }),
  };
}

/**
 * The JSON-LD as a `<script type="application/ld+json">` element, safe to place in HTML:
 * `<`, `>` and `&` are written as JSON escapes, so no text can close the script element.
 * A data block is never executed, so a Content-Security-Policy needs no entry for it.
 */
export function blogPostingScript(content: ArticleContent = article, excerpt?: Excerpt): string {
  const json = JSON.stringify(blogPostingJsonLd(content, excerpt)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/ld+json">${json}</script>`;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML text nodes and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const paragraphHtml = (paragraph: Paragraph): string =>
  `<p>${paragraph
    .map((run) =>
      typeof run === 'string' ? escapeHtml(run) : `<em>${escapeHtml(run.emphasis)}</em>`,
    )
    .join('')}</p>`;

export interface SeoMarkupOptions {
  /** Level of the title's heading, 1–6 (default 2, like the element's). */
  headingLevel?: number;
  /** The text (default: the article). */
  content?: ArticleContent;
  /** A teaser on another site: only its paragraphs, then a link to the full post. */
  excerpt?: Excerpt;
}

/**
 * The article as plain, script-free HTML: an `<article>` with its heading, every paragraph
 * (emphasis kept), the call-to-action paragraph and the signature. Every text node is
 * escaped; the only markup is ours. Give it to Wix's `seoMarkup` so crawlers that do not run
 * scripts see the text.
 */
export function seoMarkup({
  headingLevel: level = 2,
  content = article,
  excerpt,
}: SeoMarkupOptions = {}) {
  const h = Number.isInteger(level) && level >= 1 && level <= 6 ? `h${level}` : 'h2';
  const body = excerpt
    ? [
        ...content.paragraphs.slice(0, excerpt.paragraphs).map(paragraphHtml),
        `<p><a href="${escapeHtml(excerpt.url)}">Continue reading</a></p>`,
      ]
    : bodyParagraphs(content).map(paragraphHtml);
  return [
    `<article lang="${escapeHtml(content.lang)}">`,
    `<${h}>${escapeHtml(content.title)}</${h}>`,
    ...body,
    `<footer><p>${escapeHtml(signature(content))}</p></footer>`,
    `</article>`,
  ].join('');
}
