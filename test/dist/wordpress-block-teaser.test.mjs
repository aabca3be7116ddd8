// The block editor's teaser controls (wordpress/…/block/index.js), without a browser: the
// script runs on stand-ins for WordPress's globals, with the data PHP gives it (the generated
// facts, labels and attribute specs, read by PHP itself), and its sidebar and preview are read as a tree.
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
     require '${join(plugin, 'includes/generated/attributes.php')}';
     require '${join(plugin, 'includes/attributes.php')}';
     echo json_encode(array('facts' => therapist_attachment_article_facts(), 'labels' => therapist_attachment_article_labels(), 'attributes' => therapist_attachment_article_attribute_specs()));`,
  ],
  {encoding: 'utf8'},
);
const generated = php.status === 0 ? JSON.parse(php.stdout) : null;

/** The block's `edit` for these attributes, as a tree of {type, props, children}. */
function edit(attributes, siteSettings = {}) {
  let settings;
  const site = {
    ...generated,
    contactUrl: '/index.php?rest_route=/therapist-attachment-article/v1/contact',
    canChooseEndpoint: false,
    allowedHosts: [],
    defaultTheme: '',
    defaultCtaHref: '',
    ...siteSettings,
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

describe(
  'The block editor’s controls, a loop over the attribute specs',
  {skip: generated ? false : 'needs php'},
  () => {
    const specs = generated ? Object.values(generated.attributes) : [];
    const labels = (tree) => [...nodes(tree)].map((n) => n.props?.label).filter(Boolean);

    it('give every setting a control where its conditions hold, with its label', () => {
      const link = edit({showForm: false, layout: 'teaser', readMoreHref: '/blog/attached'});
      const form = edit(
        {showForm: true, formAction: 'https://forms.example.com/f/abc'},
        {canChooseEndpoint: true},
      );
      const shown = new Set([...labels(link), ...labels(form)]);
      assert.deepEqual(
        specs.filter((spec) => !shown.has(spec.label)).map((spec) => spec.block),
        [],
      );
      // Each once: the button's settings with the button, the form's with the form.
      assert.equal(new Set(labels(link)).size, labels(link).length);
      assert.equal(control(link, generated.attributes.form_action.label), undefined);
      assert.equal(control(form, generated.attributes.cta_href.label), undefined);
    });

    it('show where the full post opens only for a teaser linking to it', () => {
      const spec = generated.attributes.read_more_target;
      assert.deepEqual(
        [spec.block, spec.type, spec.only_with],
        ['readMoreTarget', 'enum', {layout: 'teaser', readMoreHref: true}],
      );
      for (const attributes of [
        {readMoreTarget: '_top'},
        {layout: 'teaser', readMoreTarget: '_top'},
        {layout: 'full', readMoreHref: '/blog/attached', readMoreTarget: '_top'},
      ]) {
        const tree = edit(attributes);
        assert.equal(control(tree, spec.label), undefined, JSON.stringify(attributes));
        assert.equal(
          preview(tree).props['read-more-target'],
          undefined,
          JSON.stringify(attributes),
        );
      }
      const tree = edit({layout: 'teaser', readMoreHref: '/blog/attached', readMoreTarget: '_top'});
      const target = control(tree, spec.label);
      assert.equal(target.type, 'SelectControl');
      assert.equal(target.props.value, '_top');
      assert.deepEqual(
        JSON.parse(JSON.stringify(target.props.options)),
        spec.values.map((value) => ({value, label: spec.choices[value]})),
      );
      assert.equal(preview(tree).props['read-more-target'], '_top');
      const unset = edit({layout: 'teaser', readMoreHref: '/blog/attached'});
      assert.equal(control(unset, spec.label).props.value, spec.default);
      assert.equal(preview(unset).props['read-more-target'], undefined);
    });
  },
);
