/**
 * The code for each platform, made from checked settings (`check` in settings.ts): only the
 * attributes that differ from the element's defaults, and never a refused value. The
 * pre-rendered snippet is filled by `prerenderedSnippet` from src/prerender.ts, the function
 * `scripts/build-embed.mjs` writes `dist/embed.html` with.
 */
import {article} from '../src/content/article.js';
import {blogPostingScript} from '../src/content/structured-data.js';
import {
  ATTRIBUTES,
  CTA_TARGETS,
  DEFAULTS,
  type Attribute,
  type AttributeKey,
} from '../src/attributes.js';
import {escapeAttribute, prerenderedSnippet, type PrerenderParts} from '../src/prerender.js';
import {FRAME_HEIGHTS, FRAME_WIDTHS} from './frame-heights.js';
import type {Checked} from './settings.js';

export const TAG = 'therapist-attachment-article';
export const FILE = `${TAG}.js`;
export const HYDRATE_FILE = `${TAG}.hydrate.js`;
/** The contact form's code, loaded from beside the drop-in only where the form is shown. */
export const FORM_FILE = `${TAG}.form.js`;
/** The plugin's own contact route (the form's default there). */
export const WORDPRESS_ROUTE = '/wp-json/therapist-attachment-article/v1/contact';

/** What the build knows and the page cannot compute: see scripts/configurator-data.mjs. */
export interface ConfiguratorData {
  readonly parts: PrerenderParts;
  /** The article's BlogPosting JSON-LD as a `<script>` element. */
  readonly structuredData: string;
  /** `'sha256-…'` of the pre-rendered snippet's own `<style>`, for `style-src`. */
  readonly snippetStyleHashes: readonly string[];
  /** Subresource Integrity of the drop-in, as in `dist/therapist-attachment-article.js.sri`. */
  readonly sri: string;
  readonly version: string;
}

export const cdnUrl = (data: ConfiguratorData) =>
  `https://cdn.jsdelivr.net/npm/${TAG}@${data.version}/dist/${FILE}`;

/**
 * What stands inside the tag: the title (a link to the full post, for a teaser that has one)
 * and the way to reach out, as the element's own link would be. Shown until the script has
 * loaded, or if it never does; the element renders no light DOM but its `cta` slot, so once
 * defined it shows the article instead.
 */
export function fallbackContent(attributes: Readonly<Record<string, string>>): string {
  const target = attributes['cta-target'];
  const opens =
    target && target !== DEFAULTS.ctaTarget
      ? ` target="${target}"${target === '_blank' ? ' rel="noopener"' : ''}`
      : '';
  const text = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const link = (href: string, words: string) =>
    `<a href="${escapeAttribute(href)}"${opens}>${text(words)}</a>`;
  const more = attributes['read-more-href'];
  const title = more ? link(more, article.title) : text(article.title);
  const reach = link(
    attributes['cta-href'] ?? DEFAULTS.ctaHref,
    attributes['cta-label'] ?? DEFAULTS.ctaLabel,
  );
  return `<p>${title} ${reach}</p>`;
}

/** The tag with its attributes (one line when short, else one a line) and its fallback. */
export function tagCode(attributes: Readonly<Record<string, string>>): string {
  const list = Object.entries(attributes).map(([name, value]) =>
    value === '' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const open =
    list.length <= 1
      ? `<${TAG}${list.map((a) => ` ${a}`).join('')}>`
      : `<${TAG}\n${list.map((a) => `  ${a}\n`).join('')}>`;
  return `${open}\n  ${fallbackContent(attributes)}\n</${TAG}>`;
}

/** The custom properties as a CSS rule for the host page, or `''` when there are none. */
export function cssRule(properties: Readonly<Record<string, string>>): string {
  const entries = Object.entries(properties);
  if (!entries.length) return '';
  return `${TAG} {\n${entries.map(([p, v]) => `  ${p}: ${v};\n`).join('')}}`;
}

/** The rule in a `<style>` element (never a `style=""` attribute: strict CSPs block those). */
export const styleBlock = (properties: Readonly<Record<string, string>>): string => {
  const rule = cssRule(properties);
  return rule ? `<style>\n${rule}\n</style>\n` : '';
};

/** The CSP hash of a `<style>` element's text, as `'sha256-…'`. */
export async function styleHash(css: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined; // only in secure contexts (https, localhost)
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

/**
 * The snippet's JSON-LD: the whole article, or for a teaser linking to the full post elsewhere
 * only the excerpt, naming the full post as the page to credit.
 */
export function structuredData(checked: Checked, data: ConfiguratorData): string {
  const teaser = checked.teaser;
  return teaser?.readMoreHref
    ? blogPostingScript(article, {paragraphs: teaser.paragraphs, url: teaser.readMoreHref})
    : data.structuredData;
}

/** The pre-rendered snippet for these settings, byte for byte what build-embed writes. */
export const snippet = (checked: Checked, data: ConfiguratorData): string =>
  prerenderedSnippet(data.parts, checked.attributes, {
    structuredData: structuredData(checked, data),
    scriptSrc: HYDRATE_FILE,
  });

export interface CodeBox {
  readonly id: string;
  readonly label: string;
  readonly code: string;
}

export interface Platform {
  readonly id: string;
  readonly title: string;
  /** Plans or limits, said up front. */
  readonly plans?: string;
  readonly steps: readonly string[];
  readonly boxes: readonly CodeBox[];
  readonly notes?: readonly string[];
}

const cdnScript = (data: ConfiguratorData, defer = true) =>
  `<script\n  src="${cdnUrl(data)}"\n  integrity="${data.sri}"\n  crossorigin="anonymous"${defer ? '\n  defer' : ''}\n></script>`;

/**
 * For Wix's Velo file route: the CSS rule added to the page by the file itself, since the
 * classic editor has no custom CSS. A `<style>` element, never a `style=""` attribute.
 */
export const veloStyle = (rule: string): string =>
  [
    '// Your colours, font, width and corners, from the configurator.',
    '{',
    "  const style = document.createElement('style');",
    `  style.textContent = ${JSON.stringify(rule)};`,
    '  document.head.append(style);',
    '}',
  ].join('\n');

/** Said beside code that loads the file from the CDN. */
export const cdnNote = (data: ConfiguratorData) =>
  `The code loads version ${data.version} from the jsDelivr CDN, where each release’s files appear when it is published; the integrity hash makes the browser refuse a changed file.`;

/** Shortcode values: no `"`, `[` or `]`, which would end the value or the shortcode. */
const shortcodeValue = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\[/g, '&#91;')
    .replace(/]/g, '&#93;');

/**
 * The frame's height to ask for: the element's measured height (site/frame-heights.ts), the
 * frame page's 16 px of body margin, and a tenth more (fonts differ between devices), rounded
 * up to the next 100 px.
 */
export const frameHeight = (element: number): number =>
  Math.ceil(((element + 16) * 1.1) / 100) * 100;

/** Heights for a frame holding these settings, from the measured figures. */
export interface FrameSize {
  /** What the frame must hold: the whole article, or the closed teaser. */
  readonly phone: number;
  readonly desktop: number;
  /** The closed teaser (linking to the full post), when the settings are not already that. */
  readonly teaser?: {readonly phone: number; readonly desktop: number};
  /** A teaser that opens in place: the frame must hold the whole article once opened. */
  readonly opensInPlace: boolean;
}

const TALLEST = {
  phone: Math.max(...Object.values(FRAME_HEIGHTS).map((h) => h.phone)),
  desktop: Math.max(...Object.values(FRAME_HEIGHTS).map((h) => h.desktop)),
};

export function frameSize(checked: Checked): FrameSize {
  const look = checked.attributes['theme'] ?? 'blend';
  const column = checked.properties['--therapist-article-max-width'] ?? 'default';
  const reach = 'form-action' in checked.attributes ? 'form' : 'link';
  const teaser = checked.teaser;
  const size = (layout: string) => {
    // Every combination is measured (test/dist/frame-heights.test.mjs); were one missing,
    // the tallest figure measured would hold it.
    const measured = FRAME_HEIGHTS[`${look}/${column}/${layout}`] ?? TALLEST;
    return {phone: frameHeight(measured.phone), desktop: frameHeight(measured.desktop)};
  };
  // Opened in place, a teaser is the whole article: the frame must hold that.
  const closed = teaser?.readMoreHref !== undefined;
  return {
    ...size(closed ? `teaser-${teaser!.paragraphs}` : `full-${reach}`),
    ...(closed ? {} : {teaser: size(`teaser-${teaser?.paragraphs ?? DEFAULTS.teaserParagraphs}`)}),
    opensInPlace: teaser !== undefined && !closed,
  };
}

const px = (n: number) => `${n.toLocaleString('en-US')} px`;

/** The sentence that gives the frame's height, for Wix's Embed HTML and Google Sites. */
function frameHeightStep(checked: Checked, size: FrameSize): string {
  const isForm = 'form-action' in checked.attributes;
  const what = size.opensInPlace
    ? 'once “Continue reading” opens the rest in place, the article is that tall'
    : checked.teaser
      ? 'the teaser with its “Continue reading”'
      : `the whole article with its ${isForm ? 'contact form' : 'button'}`;
  return `Make the frame at least ${px(size.phone)} tall on a phone and ${px(size.desktop)} on a desktop (${what}; measured at ${FRAME_WIDTHS.phone} and ${FRAME_WIDTHS.desktop} px wide for this look, with room to spare). A frame does not grow with its content: a shorter one cuts off the end, where ${isForm ? 'the form' : 'the button'} is.`;
}

/** For a frame: the teaser linking to the full post, which needs a short frame. */
function frameTeaserNote(size: FrameSize): string[] {
  if (!size.teaser) return [];
  return [
    `Shorter: under “How much is shown” choose the teaser and give the full post’s URL. The frame then needs only ${px(size.teaser.phone)} on a phone (${px(size.teaser.desktop)} on a desktop), and “Continue reading” opens the whole article in a new tab.`,
  ];
}

/**
 * For a sandboxed iframe served from another origin (Wix's Embed HTML, Google Sites): the
 * link must open a new tab, and a path or `#section` would point into the frame. The frame's
 * code starts with `<base target="_blank">`, so the teaser's “Continue reading” link opens a
 * new tab too instead of loading the full post inside the frame.
 */
function inFrame(checked: Checked): {attributes: Record<string, string>; notes: string[]} {
  const attributes = {...checked.attributes};
  const notes: string[] = [];
  if (!('form-action' in attributes)) {
    attributes['cta-target'] = '_blank';
    const href = attributes['cta-href'] ?? '#contact';
    if (!/^(https?|mailto|tel):/i.test(href)) {
      notes.push(
        `Your link (${href}) is a path or a section of the page: inside the frame it would point at the frame, not your site. Use a full https:// address for this platform.`,
      );
    }
  }
  // Every other link of the element opens a new tab too (`read-more-target` …), where it means
  // something: the frame's `<base target>` does not reach a link that names its own target.
  for (const row of Object.values(ATTRIBUTES) as Attribute[]) {
    const meaningful = Object.entries(row.onlyWith ?? {}).every(([key, value]) => {
      const given = attributes[ATTRIBUTES[key as AttributeKey].attribute];
      return value === true ? given !== undefined : given === value;
    });
    if (row.type === 'enum' && row.values === CTA_TARGETS && row.onlyWith && meaningful) {
      attributes[row.attribute] = '_blank';
    }
  }
  if ('form-action' in attributes && !/^https:/i.test(attributes['form-action']!)) {
    notes.push(
      'The form’s address is a path: inside the frame it would be sent to the frame’s own server. Use a full https:// address for this platform.',
    );
  }
  return {attributes, notes};
}

/** Every link in the frame opens a new tab: a link cannot leave a sandboxed frame otherwise. */
const FRAME_BASE = '<base target="_blank">\n';

export interface CodeOptions {
  /** The hash of the host page's `<style>` block, when the page can compute it. */
  readonly styleHash?: string | undefined;
}

/** Every platform's code and steps for these settings. */
export function platforms(
  checked: Checked,
  data: ConfiguratorData,
  options: CodeOptions = {},
): Platform[] {
  const style = styleBlock(checked.properties);
  const rule = cssRule(checked.properties);
  const tag = tagCode(checked.attributes);
  const frame = inFrame(checked);
  const frameCode = `${FRAME_BASE}${style}${cdnScript(data, false)}\n${tagCode(frame.attributes)}`;
  const size = frameSize(checked);
  const isForm = 'form-action' in checked.attributes;
  const cspStyle = [
    ...data.snippetStyleHashes,
    ...(style && options.styleHash ? [options.styleHash] : []),
  ];
  const styleNote = style
    ? [
        'The <style> block sets your colours, font, width or corners. You may instead add its rule to your site’s own stylesheet (the “Custom CSS” box many site builders offer) and leave the block out.',
      ]
    : [];

  const wordpressAttributes: string[] = [];
  const a = checked.attributes;
  if (isForm) {
    wordpressAttributes.push('form="on"');
    if (a['form-action'] !== WORDPRESS_ROUTE)
      wordpressAttributes.push(`form_action="${shortcodeValue(a['form-action']!)}"`);
    if (a['form-encoding']) wordpressAttributes.push(`form_encoding="${a['form-encoding']}"`);
  } else {
    // An explicit cta_href gives the button (the plugin's rule), even for the default link.
    wordpressAttributes.push(`cta_href="${shortcodeValue(a['cta-href'] ?? '#contact')}"`);
    if (a['cta-label']) wordpressAttributes.push(`cta_label="${shortcodeValue(a['cta-label'])}"`);
    if (a['cta-target']) wordpressAttributes.push(`cta_target="${a['cta-target']}"`);
  }
  if (a['theme']) wordpressAttributes.push(`theme="${a['theme']}"`);
  if (a['heading-level']) wordpressAttributes.push(`heading_level="${a['heading-level']}"`);
  const teaser = checked.teaser;
  if (teaser) {
    wordpressAttributes.push('layout="teaser"');
    if (a['teaser-paragraphs']) {
      wordpressAttributes.push(`teaser_paragraphs="${a['teaser-paragraphs']}"`);
    }
    if (a['read-more-href']) {
      wordpressAttributes.push(`read_more_href="${shortcodeValue(a['read-more-href'])}"`);
    }
  }
  const shortcode = `[therapist_attachment_article ${wordpressAttributes.join(' ')}]`;
  const blockSettings = [
    `How visitors reach out → Show a contact form: ${isForm ? 'on' : 'off'}`,
    ...(isForm
      ? [
          `Send messages to: ${a['form-action'] === WORDPRESS_ROUTE ? 'leave empty (the plugin emails you)' : a['form-action']}`,
          `Send the fields as: ${a['form-encoding'] === 'urlencoded' ? 'form fields (urlencoded)' : 'JSON'}`,
        ]
      : [
          `Button link: ${a['cta-href'] ?? '#contact'}`,
          `Button text: ${a['cta-label'] ?? 'Reach out'}`,
          `Open the link in: ${a['cta-target'] ?? '_self'}`,
        ]),
    `Appearance → Look: ${a['theme'] ?? 'blend into the page'}`,
    `Heading level of the title: H${a['heading-level'] ?? '2'}`,
    `Layout (layout): ${teaser ? 'teaser' : 'full, the whole article'}`,
    ...(teaser
      ? [
          `Paragraphs shown (teaserParagraphs): ${teaser.paragraphs}`,
          `Full post’s URL (readMoreHref): ${teaser.readMoreHref ?? 'leave empty (the rest opens in place)'}`,
        ]
      : []),
  ].join('\n');

  const list: Platform[] = [
    {
      id: 'html',
      title: 'Any website (plain HTML)',
      steps: [
        isForm
          ? `Download ${FILE} and ${FORM_FILE} (“Download the files” on this page, or the zip for your website) and upload both beside your page: the form's code loads from the second file.`
          : `Download ${FILE} (“Download the files” on this page, or the zip for your website) and upload it beside your page.`,
        'Paste the code where the article should appear. The title and link inside the tag show until the script has loaded, so a visitor can always reach you.',
        `Or load the file from the jsDelivr CDN with the second box: it names version ${data.version}, whose files appear there when that release is published, and the integrity hash makes the browser refuse a changed file.`,
      ],
      boxes: [
        {
          id: 'html-self',
          label: 'Self-hosted',
          code: `${style}<script src="${FILE}" defer></script>\n${tag}`,
        },
        {
          id: 'html-cdn',
          label: `From the CDN (version ${data.version})`,
          code: `${style}${cdnScript(data)}\n${tag}`,
        },
      ],
      notes: styleNote,
    },
    {
      id: 'prerendered',
      title: 'Readable before JavaScript (pre-rendered)',
      steps: [
        isForm
          ? `Upload ${HYDRATE_FILE} and ${FORM_FILE} (“Download the files” on this page) beside your page.`
          : `Upload ${HYDRATE_FILE} (“Download the files” on this page) beside your page.`,
        'Paste the snippet where the article should appear. The whole article is in it, so visitors and search engines read it before any script runs; the script only makes the button or form interactive.',
        'If your site sends a Content-Security-Policy, add the style-src line below to it.',
      ],
      boxes: [
        {
          id: 'prerendered-code',
          label: 'Pre-rendered snippet',
          code: `${style}${snippet(checked, data)}`,
        },
        {
          id: 'prerendered-csp',
          label: 'Content-Security-Policy',
          code:
            `style-src ${cspStyle.join(' ')}` +
            (style && !options.styleHash
              ? '\n# plus the hash of the <style> block above, or move its rule into your stylesheet'
              : ''),
        },
      ],
      notes: [
        'The snippet is made for exactly these settings: come back here to change them, do not edit it by hand.',
        ...(teaser?.readMoreHref
          ? [
              `Its data for search engines carries only the teaser’s ${teaser.paragraphs === 1 ? 'paragraph' : `${teaser.paragraphs} paragraphs`} and names the full post (${teaser.readMoreHref}) as the page to credit, so your page is not taken for a copy.`,
            ]
          : []),
      ],
    },
    {
      id: 'wordpress',
      title: 'WordPress (the plugin)',
      steps: [
        'Install the plugin: download therapist-attachment-article-wordpress.zip (“Download the files” on this page), then Plugins → Add New → Upload Plugin, choose it, and Activate.',
        'Block editor: add the “Therapist Attachment Article” block and choose the block settings below in its sidebar.',
        'Classic editor, widgets or page builders: paste the shortcode instead.',
        ...(rule
          ? [
              'Colours, font, width and corners: paste the CSS rule into Appearance → Customize → Additional CSS (block themes: Styles → Additional CSS).',
            ]
          : []),
      ],
      boxes: [
        {id: 'wordpress-shortcode', label: 'Shortcode', code: shortcode},
        {id: 'wordpress-block', label: 'Block settings', code: blockSettings},
        ...(rule ? [{id: 'wordpress-css', label: 'Additional CSS', code: rule}] : []),
      ],
      notes: [
        ...(isForm && a['form-action'] !== WORDPRESS_ROUTE
          ? [
              'Your own form address is used only when the page’s author is an Administrator or Editor, or when its host is on the plugin’s allow-list (Settings → Therapist Attachment Article). Otherwise messages go to the plugin’s own route, which emails them to you.',
            ]
          : []),
        ...(isForm && ('no-privacy-note' in a || 'no-crisis-line' in a)
          ? ['The plugin always shows the form’s privacy and crisis lines.']
          : []),
      ],
    },
    {
      id: 'wix',
      title: 'Wix',
      plans: 'Both ways need a Premium plan (Custom Element also a connected domain).',
      steps: [
        'Custom Element (recommended): Add Elements → Embed Code → Custom Element (Wix Studio: Add Elements → Embed & Social → Custom Element).',
        `Choose Source → Server URL: the first box (the CDN). Or, with no server at all, Velo file: turn on Dev Mode, under Public & Backend → Public add a folder named custom-elements and in it a file named ${FILE}; paste into it the whole of ${FILE} (“Download the files” on this page)${rule ? ', then the “Velo file: your colours” box at its end' : ''}, and choose that file. Tag Name: the second box.`,
        'Set Attributes: add each name and value of the third box.',
        `Or Embed HTML (an iframe): Add Elements → Embed Code → Embed HTML, choose Code and paste the last box.${isForm ? '' : ' It opens the link in a new tab, as a link cannot leave Wix’s frame otherwise.'}`,
        `Embed HTML: ${frameHeightStep(checked, size)} Set the height in the desktop editor and again in the mobile editor.`,
      ],
      boxes: [
        {id: 'wix-url', label: 'Server URL', code: cdnUrl(data)},
        {id: 'wix-velo-file', label: 'Or the Velo file', code: `public/custom-elements/${FILE}`},
        ...(rule
          ? [{id: 'wix-velo-colours', label: 'Velo file: your colours', code: veloStyle(rule)}]
          : []),
        {id: 'wix-tag', label: 'Tag Name', code: TAG},
        {
          id: 'wix-attributes',
          label: 'Attributes',
          code:
            Object.entries(a)
              .map(([n, v]) => `${n} = ${v === '' ? '(empty)' : v}`)
              .join('\n') || '(none: the defaults)',
        },
        {id: 'wix-embed', label: 'Embed HTML code', code: frameCode},
      ],
      notes: [
        ...frame.notes,
        ...frameTeaserNote(size).map((note) => `Embed HTML: ${note}`),
        ...(rule
          ? [
              'Colours, font, width and corners: the Velo file carries them (its last box), which the classic editor keeps too. With the Server URL, add the <style> block of the HTML box in Settings → Custom Code (in the head, on all pages), or in Wix Studio’s custom CSS; Embed HTML carries them in its code.',
            ]
          : []),
        ...(isForm
          ? [
              `The contact form’s code (${FORM_FILE}) loads from beside the script, which a Velo file does not have: for the form, choose the Server URL.`,
            ]
          : []),
      ],
    },
    {
      id: 'squarespace',
      title: 'Squarespace',
      plans:
        'Code Blocks run scripts on the Core, Plus and Advanced plans (Business and Commerce on older plans), not on Personal or Basic.',
      steps: [
        'Edit the page, add a block, choose Code.',
        'Set it to HTML, turn “Display Source” off, and paste the code.',
        'Save, and view the page (the editor may not run the script).',
      ],
      boxes: [
        {id: 'squarespace-code', label: 'Code Block', code: `${style}${cdnScript(data)}\n${tag}`},
      ],
      notes: [cdnNote(data), ...styleNote],
    },
    {
      id: 'webflow',
      title: 'Webflow',
      plans:
        'Custom code (the Code Embed element) is published on paid Site plans and Workspace plans.',
      steps: [
        'In the Designer: Add (+) → Components → Code Embed, and drag it where the article should appear.',
        'Paste the code and Save & Close.',
        'Publish the site: the article shows on the published page (and in the Designer only as a placeholder).',
      ],
      boxes: [
        {id: 'webflow-code', label: 'Code Embed', code: `${style}${cdnScript(data)}\n${tag}`},
      ],
      notes: [cdnNote(data), ...styleNote],
    },
    {
      id: 'google-sites',
      title: 'Google Sites',
      plans:
        'Free on every plan. The code runs in a sandboxed frame served by Google, like Wix’s Embed HTML.',
      steps: [
        'Insert → Embed → Embed code, paste the code, Next, Insert.',
        `Drag the frame’s corner to size it. ${frameHeightStep(checked, size)}`,
        ...(isForm
          ? []
          : ['The link opens in a new tab: a link cannot leave the frame otherwise.']),
      ],
      boxes: [{id: 'google-sites-code', label: 'Embed code', code: frameCode}],
      notes: [...frame.notes, ...frameTeaserNote(size)],
    },
  ];
  return list;
}
