// The block editor's teaser controls (wordpress/…/block/index.js), without a browser: the
// script runs on stand-ins for WordPress's globals, with the data PHP gives it (the generated
// facts and labels, read by PHP itself), and its sidebar and preview are read as a tree.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {runInNewContext} from 'node:vm';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const plugin = join(root, 'wordpress', 'therapist-attachment-article');
const php = spawnSync(
  'php',
  [
    '-r',
    `define('ABSPATH', '/'); function __($s) { return $s; }
     require '${join(plugin, 'includes/generated/facts.php')}';
     echo json_encode(array('facts' => therapist_attachment_article_facts(), 'labels' => therapist_attachment_article_labels()));`,
  ],
  {encoding: 'utf8'},
);
const generated = php.status === 0 ? JSON.parse(php.stdout) : null;

/** The block's `edit` for these attributes, as a tree of {type, props, children}. */
function edit(attributes) {
  let settings;
  const site = {
    ...generated,
    contactUrl: '/index.php?rest_route=/therapist-attachment-article/v1/contact',
    canChooseEndpoint: false,
    allowedHosts: [],
    defaultTheme: '',
    defaultCtaHref: '',
  };
  const component = (name) => name;
  const wp = {
    blocks: {registerBlockType: (_, s) => (settings = s)},
    blockEditor: {InspectorControls: 'InspectorControls', useBlockProps: () => ({})},
    components: new Proxy({}, {get: (_, name) => component(name)}),
    element: {createElement: (type, props, ...children) => ({type, props: props ?? {}, children})},
    i18n: {__: (text) => text},
  };
  const window = {
    wp,
    therapistAttachmentArticleEditor: site,
    location: {href: 'https://example.test/wp-admin/post.php'},
  };
  runInNewContext(readFileSync(join(plugin, 'block/index.js'), 'utf8'), {window, URL});
  return settings.edit({attributes, setAttributes: () => {}});
}

/** Every node of the tree. */
function* nodes(tree) {
  if (!tree || typeof tree !== 'object') return;
  yield tree;
  for (const child of tree.children ?? []) yield* nodes(child);
}
const control = (tree, label) => [...nodes(tree)].find((n) => n.props?.label === label);
const preview = (tree) => [...nodes(tree)].find((n) => n.type === 'therapist-attachment-article');
const summary = (tree) =>
  [...nodes(tree)].find((n) => n.props?.className?.endsWith('__summary')).children[0];

describe('The block editor’s teaser', {skip: generated ? false : 'needs php'}, () => {
  it('offers the layouts with their generated labels', () => {
    const layout = control(edit({}), 'Layout');
    assert.equal(layout.type, 'SelectControl');
    assert.equal(layout.props.value, generated.facts.defaults.layout);
    assert.deepEqual(
      JSON.parse(JSON.stringify(layout.props.options)), // made in the script's own realm
      generated.facts.layouts.map((value) => ({value, label: generated.labels.layouts[value]})),
    );
  });

  it('shows the count and the full post’s URL only for the teaser', () => {
    const whole = edit({});
    assert.equal(control(whole, 'Paragraphs shown'), undefined);
    assert.equal(control(whole, 'Full post’s URL'), undefined);
    assert.equal(preview(whole).props.layout, undefined);

    const teaser = edit({layout: 'teaser', teaserParagraphs: 5, readMoreHref: '/blog/attached'});
    const count = control(teaser, 'Paragraphs shown');
    assert.deepEqual(
      [count.props.min, count.props.max, count.props.value],
      [generated.facts.teaser_paragraphs.min, generated.facts.teaser_paragraphs.max, 5],
    );
    assert.equal(control(teaser, 'Full post’s URL').props.value, '/blog/attached');
    assert.deepEqual(
      [
        preview(teaser).props.layout,
        preview(teaser).props['teaser-paragraphs'],
        preview(teaser).props['read-more-href'],
      ],
      ['teaser', '5', 'https://example.test/blog/attached'],
    );
    assert.match(
      summary(teaser),
      /opening paragraphs: 5\. “Continue reading” leads to the full post: \/blog\/attached$/,
    );
  });

  it('says the default count, and that the rest opens in place without a URL', () => {
    const tree = edit({layout: 'teaser'});
    assert.equal(
      control(tree, 'Paragraphs shown').props.value,
      generated.facts.defaults.teaser_paragraphs,
    );
    assert.equal(preview(tree).props['teaser-paragraphs'], undefined);
    assert.match(summary(tree), /shows the rest here\.$/);
  });
});
