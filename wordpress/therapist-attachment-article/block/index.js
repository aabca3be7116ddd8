/**
 * Editor side of the "Therapist Attachment Article" block.
 *
 * Plain ES5 on WordPress's globals, so the plugin needs no build step. The block is dynamic:
 * the post stores only the settings in the block comment, and the page's markup is rendered by
 * PHP (includes/render.php), which also checks every setting.
 */
(function (blocks, blockEditor, components, element, i18n) {
  'use strict';

  var el = element.createElement;
  var __ = i18n.__;
  var InspectorControls = blockEditor.InspectorControls;
  var useBlockProps = blockEditor.useBlockProps;
  var PanelBody = components.PanelBody;
  var Placeholder = components.Placeholder;
  var SelectControl = components.SelectControl;
  var TextControl = components.TextControl;
  var ToggleControl = components.ToggleControl;

  var TITLE = 'Is it "Normal" to be Attached to your Therapist?';
  var DEFAULT_LABEL = 'Reach out';
  var DEFAULT_HREF = '#contact';

  /** An empty field or choice means: leave the attribute out, so the element's default applies. */
  function orUndefined(value) {
    return value === '' || value === null ? undefined : value;
  }

  blocks.registerBlockType('therapist-attachment-article/article', {
    edit: function (props) {
      var attributes = props.attributes;
      var setAttributes = props.setAttributes;
      var blockProps = useBlockProps();
      // On unless turned off: an absent attribute means the form, sending to the site's admin.
      var showForm = attributes.showForm !== false;

      var formPanel = el(
        PanelBody,
        {title: __('Contact form', 'therapist-attachment-article')},
        el(ToggleControl, {
          label: __('Show a contact form', 'therapist-attachment-article'),
          help: showForm
            ? __(
                'Visitors write to you below the article. Their messages are emailed to you and not stored on the site.',
                'therapist-attachment-article',
              )
            : __('A button leads to your contact page instead.', 'therapist-attachment-article'),
          checked: showForm,
          onChange: function (value) {
            setAttributes({showForm: value ? undefined : false});
          },
        }),
        showForm &&
          el(TextControl, {
            label: __('Send messages to', 'therapist-attachment-article'),
            help: __(
              'Leave empty to receive them at the site’s admin email address (Settings → General). Or the https: address of a form service.',
              'therapist-attachment-article',
            ),
            type: 'text',
            value: attributes.formAction || '',
            onChange: function (value) {
              setAttributes({formAction: orUndefined(value)});
            },
          }),
        showForm &&
          Boolean(attributes.formAction) &&
          el(SelectControl, {
            label: __('Send the fields as', 'therapist-attachment-article'),
            value: attributes.formEncoding || 'json',
            options: [
              {value: 'json', label: __('JSON', 'therapist-attachment-article')},
              {
                value: 'urlencoded',
                label: __('Form fields (urlencoded)', 'therapist-attachment-article'),
              },
            ],
            onChange: function (value) {
              setAttributes({formEncoding: value === 'json' ? undefined : value});
            },
          }),
      );

      // The button's settings matter only without the form, which takes its place.
      var buttonPanel =
        !showForm &&
        el(
          PanelBody,
          {title: __('Call to action', 'therapist-attachment-article')},
          el(TextControl, {
            label: __('Button link', 'therapist-attachment-article'),
            help: __(
              'A page on your site (/contact), a section of this page (#contact), or an https:, mailto: or tel: link. Leave empty for #contact.',
              'therapist-attachment-article',
            ),
            type: 'text',
            placeholder: DEFAULT_HREF,
            value: attributes.ctaHref || '',
            onChange: function (value) {
              setAttributes({ctaHref: orUndefined(value)});
            },
          }),
          el(TextControl, {
            label: __('Button text', 'therapist-attachment-article'),
            placeholder: DEFAULT_LABEL,
            value: attributes.ctaLabel || '',
            onChange: function (value) {
              setAttributes({ctaLabel: orUndefined(value)});
            },
          }),
          el(SelectControl, {
            label: __('Open the link in', 'therapist-attachment-article'),
            value: attributes.ctaTarget || '_self',
            options: [
              {value: '_self', label: __('The same tab', 'therapist-attachment-article')},
              {value: '_blank', label: __('A new tab', 'therapist-attachment-article')},
              {
                value: '_top',
                label: __(
                  'The whole window (out of an embed frame)',
                  'therapist-attachment-article',
                ),
              },
            ],
            onChange: function (value) {
              setAttributes({ctaTarget: value === '_self' ? undefined : value});
            },
          }),
        );

      var sidebar = el(
        InspectorControls,
        null,
        formPanel,
        buttonPanel,
        el(
          PanelBody,
          {title: __('Appearance', 'therapist-attachment-article')},
          el(SelectControl, {
            label: __('Look', 'therapist-attachment-article'),
            value: attributes.theme || '',
            options: [
              {value: '', label: __('Match my site', 'therapist-attachment-article')},
              {value: 'light', label: __('Light', 'therapist-attachment-article')},
              {value: 'dark', label: __('Dark', 'therapist-attachment-article')},
              {
                value: 'auto',
                label: __(
                  "Follow the visitor's light or dark setting",
                  'therapist-attachment-article',
                ),
              },
            ],
            onChange: function (value) {
              setAttributes({theme: orUndefined(value)});
            },
          }),
          el(SelectControl, {
            label: __('Heading level of the title', 'therapist-attachment-article'),
            help: __('Usually H2: the page title is the H1.', 'therapist-attachment-article'),
            value: String(attributes.headingLevel || 2),
            options: [1, 2, 3, 4, 5, 6].map(function (level) {
              return {value: String(level), label: 'H' + level};
            }),
            onChange: function (value) {
              var level = parseInt(value, 10);
              setAttributes({headingLevel: level === 2 ? undefined : level});
            },
          }),
        ),
      );

      // A summary card: the full article appears on the published page.
      var card = el(
        Placeholder,
        {
          icon: 'format-aside',
          label: TITLE,
          instructions: __(
            'Emily Powell’s article appears here in full on the published page. Its settings are in the block sidebar.',
            'therapist-attachment-article',
          ),
        },
        el(
          'p',
          null,
          showForm
            ? __('Contact form', 'therapist-attachment-article') +
                ' → ' +
                (attributes.formAction ||
                  __('the site’s admin email address', 'therapist-attachment-article'))
            : __('Button:', 'therapist-attachment-article') +
                ' “' +
                (attributes.ctaLabel || DEFAULT_LABEL) +
                '” → ' +
                (attributes.ctaHref || DEFAULT_HREF),
        ),
      );

      return el('div', blockProps, sidebar, card);
    },

    // Dynamic block: nothing but the settings is saved; PHP renders the page.
    save: function () {
      return null;
    },
  });
})(
  window.wp.blocks,
  window.wp.blockEditor,
  window.wp.components,
  window.wp.element,
  window.wp.i18n,
);
