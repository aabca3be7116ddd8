/**
 * Each platform: its steps, its plans and limits, and its code boxes (made in code.ts and
 * frame.ts), in the order the configurator's tabs show them.
 */
import {ATTRIBUTES, type Attribute} from '../src/attributes.js';
import {
  FILE,
  FORM_FILE,
  HYDRATE_FILE,
  WORDPRESS_ROUTE,
  blockSettings,
  cdnNote,
  cdnScript,
  cdnUrl,
  cssRule,
  teaserOf,
  shortcode,
  snippet,
  styleBlock,
  tagCode,
  veloStyle,
  type ConfiguratorData,
  type Platform,
  TAG,
} from './code.js';
import {FRAME_BASE, frameHeightStep, frameSize, frameTeaserNote, inFrame} from './frame.js';
import type {Checked} from './settings.js';

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

  const a = checked.attributes;
  const teaser = teaserOf(a);
  const notOffered = Object.values(ATTRIBUTES)
    .filter((r: Attribute) => r.wordpress === false && r.attribute in a)
    .map((r) => r.attribute);

  const list: Platform[] = [
    {
      id: 'html',
      tab: 'Plain HTML',
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
      tab: 'Pre-rendered',
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
      tab: 'WordPress',
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
        {id: 'wordpress-shortcode', label: 'Shortcode', code: shortcode(checked)},
        {id: 'wordpress-block', label: 'Block settings', code: blockSettings(checked)},
        ...(rule ? [{id: 'wordpress-css', label: 'Additional CSS', code: rule}] : []),
      ],
      notes: [
        ...(isForm && a['form-action'] !== WORDPRESS_ROUTE
          ? [
              'Your own form address is used only when the page’s author is an Administrator or Editor, or when its host is on the plugin’s allow-list (Settings → Therapist Attachment Article). Otherwise messages go to the plugin’s own route, which emails them to you.',
            ]
          : []),
        ...(notOffered.length
          ? [
              `The plugin does not offer ${notOffered.join(', ')}: on WordPress, the article shows ${notOffered.length === 1 ? 'its' : 'their'} default.`,
            ]
          : []),
      ],
    },
    {
      id: 'wix',
      tab: 'Wix',
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
      tab: 'Squarespace',
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
      tab: 'Webflow',
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
      tab: 'Google Sites',
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
