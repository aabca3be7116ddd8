/**
 * Editor side of the "Therapist Attachment Article" block.
 *
 * Plain ES5 on WordPress's globals, so the plugin needs no build step. The block is dynamic:
 * the post stores only the settings in the block comment, and the page's markup is rendered by
 * PHP (includes/render.php), which also checks every setting. In the editor the block shows the
 * real element, live, with the chosen settings (the element's script is loaded into the
 * editor's canvas by includes/register.php). Every list, default and label below comes from
 * `window.therapistAttachmentArticleEditor`, which PHP writes from the facts generated from the
 * element's sources (includes/generated/facts.php): none is typed here.
 */
(function (blocks, blockEditor, components, element, i18n) {
  'use strict';

  var el = element.createElement;
  var __ = i18n.__;
  var InspectorControls = blockEditor.InspectorControls;
  var useBlockProps = blockEditor.useBlockProps;
  var PanelBody = components.PanelBody;
  var Notice = components.Notice;
  var RangeControl = components.RangeControl;
  var SelectControl = components.SelectControl;
  var TextControl = components.TextControl;
  var ToggleControl = components.ToggleControl;
  var D = 'therapist-attachment-article';

  /** An empty field or choice means: leave the attribute out, so the default applies. */
  function orUndefined(value) {
    return value === '' || value === null ? undefined : value;
  }

  function options(labels, values) {
    return values.map(function (value) {
      return {value: value, label: labels[value]};
    });
  }

  /**
   * A link or endpoint as the preview should get it: absolute. From WordPress 6.3 the editor's
   * canvas is an iframe with a blob: address, against which a path resolves to nothing, and the
   * element would then refuse it. Resolved against the editor's own address, it is the same URL
   * the published page will use.
   */
  function absolute(url) {
    if (!url || url.charAt(0) === '#') return url;
    try {
      return new URL(url, window.location.href).href;
    } catch {
      return url; // The element refuses it, as it will on the published page.
    }
  }

  /**
   * Whether an endpoint is on the administrators' allow-list, by the rule of
   * therapist_attachment_article_endpoint_allowed(): it equals an allowed address, or continues
   * it after `/`, `?` or `#`; never with `.` or `..` path segments.
   */
  function endpointAllowed(url, allowed) {
    var normal = function (value) {
      var match = /^https:\/\/([^/?#]+)(.*)$/i.exec((value || '').trim());
      if (!match) return '';
      var path = match[2].split(/[?#]/)[0];
      if (path.indexOf('\\') !== -1 || /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path)) return '';
      return 'https://' + match[1].toLowerCase() + match[2];
    };
    var target = normal(url);
    return (
      target !== '' &&
      allowed.some(function (prefix) {
        prefix = normal(prefix);
        if (prefix === '' || target.indexOf(prefix) !== 0) return false;
        var next = target.charAt(prefix.length);
        return next === '' || prefix.slice(-1) === '/' || '/?#'.indexOf(next) !== -1;
      })
    );
  }

  /**
   * What a visitor will get, by the rules of therapist_attachment_article_sanitize_attributes():
   * `form` on or off decides; else an explicit link gives the button; else the site's default
   * link; else the form.
   */
  function reachOut(attributes, site) {
    if (attributes.showForm === true) return 'form';
    if (attributes.showForm === false) return 'link';
    if (attributes.ctaHref) return 'link';
    return site.defaultCtaHref ? 'link' : 'form';
  }

  blocks.registerBlockType('therapist-attachment-article/article', {
    edit: function (props) {
      var site = window.therapistAttachmentArticleEditor;
      var facts = site.facts;
      var labels = site.labels;
      var attributes = props.attributes;
      var setAttributes = props.setAttributes;
      var blockProps = useBlockProps();
      var mode = reachOut(attributes, site);
      var showForm = mode === 'form';
      var href = attributes.ctaHref || site.defaultCtaHref || facts.defaults.cta_href;
      var label = attributes.ctaLabel || facts.defaults.cta_label;
      // Whether the chosen endpoint will be used: see therapist_attachment_article_form_action_trusted().
      var ownEndpoint = Boolean(attributes.formAction);
      var endpointIgnored =
        ownEndpoint &&
        !site.canChooseEndpoint &&
        !endpointAllowed(attributes.formAction, site.allowedEndpoints);

      var summary = showForm
        ? __('Visitors get the contact form.', D) +
          ' ' +
          (ownEndpoint && !endpointIgnored
            ? __('Messages are sent to:', D) + ' ' + attributes.formAction
            : __('Messages are emailed to you by this site; nothing is stored.', D))
        : __('Visitors get a button:', D) + ' “' + label + '” → ' + href;

      // The teaser: what shows first, and where "Continue reading" leads.
      var teaser = (attributes.layout || facts.defaults.layout) === 'teaser';
      var shown = attributes.teaserParagraphs || facts.defaults.teaser_paragraphs;
      if (teaser) {
        summary +=
          ' ' +
          __('They first read the opening paragraphs:', D) +
          ' ' +
          shown +
          '. ' +
          (attributes.readMoreHref
            ? __('“Continue reading” leads to the full post:', D) + ' ' + attributes.readMoreHref
            : __('“Continue reading” shows the rest here.', D));
      }

      /** A text setting: emptied, it is unset and its default applies. */
      function textSetting(key, controlProps) {
        var control = {
          value: attributes[key] || '',
          onChange: function (value) {
            var change = {};
            change[key] = orUndefined(value);
            setAttributes(change);
          },
        };
        for (var name in controlProps) control[name] = controlProps[name];
        return el(TextControl, control);
      }

      /** A choice from a list: its default is left unset, so a later default applies. */
      function choiceSetting(key, fallback, choiceLabels, values, label) {
        return el(SelectControl, {
          label: label,
          value: attributes[key] || fallback,
          options: options(choiceLabels, values),
          onChange: function (value) {
            var change = {};
            change[key] = value === fallback ? undefined : value;
            setAttributes(change);
          },
        });
      }

      var reachPanel = el(
        PanelBody,
        {title: __('How visitors reach out', D)},
        el('p', {className: D + '__summary'}, summary),
        el(ToggleControl, {
          label: __('Show a contact form', D),
          help:
            attributes.showForm === undefined
              ? __(
                  'Not chosen: a button when you give it a link below (or the site has a default link), the form otherwise.',
                  D,
                )
              : null,
          checked: showForm,
          onChange: function (value) {
            setAttributes({showForm: value});
          },
        }),
        showForm &&
          textSetting('formAction', {
            label: __('Send messages to', D),
            help: __(
              'Leave empty to receive them by email (Settings → Therapist Attachment Article). Or the https: address of a form service.',
              D,
            ),
          }),
        showForm &&
          endpointIgnored &&
          el(
            Notice,
            {status: 'warning', isDismissible: false},
            __(
              'This address will be removed when you save, and messages will go to this site’s own contact route: only administrators and editors can send visitors’ messages elsewhere, unless an administrator allows this exact address in Settings → Therapist Attachment Article.',
              D,
            ),
          ),
        showForm &&
          ownEndpoint &&
          !endpointIgnored &&
          choiceSetting(
            'formEncoding',
            facts.defaults.form_encoding,
            labels.form_encodings,
            facts.form_encodings,
            __('Send the fields as', D),
          ),
        !showForm &&
          textSetting('ctaHref', {
            label: __('Button link', D),
            help: __(
              'A page on your site (/contact), a section of this page (#contact), or an https:, mailto: or tel: link.',
              D,
            ),
            placeholder: site.defaultCtaHref || facts.defaults.cta_href,
          }),
        !showForm &&
          textSetting('ctaLabel', {
            label: __('Button text', D),
            placeholder: facts.defaults.cta_label,
            maxLength: facts.cta_label_max_length,
          }),
        !showForm &&
          choiceSetting(
            'ctaTarget',
            facts.defaults.cta_target,
            labels.cta_targets,
            facts.cta_targets,
            __('Open the link in', D),
          ),
      );

      var lookPanel = el(
        PanelBody,
        {title: __('Appearance', D)},
        choiceSetting(
          'layout',
          facts.defaults.layout,
          labels.layouts,
          facts.layouts,
          __('Layout', D),
        ),
        teaser &&
          el(RangeControl, {
            label: __('Paragraphs shown', D),
            help: __('Before “Continue reading”; at least one stays for it.', D),
            min: facts.teaser_paragraphs.min,
            max: facts.teaser_paragraphs.max,
            value: shown,
            onChange: function (value) {
              var count = parseInt(value, 10);
              setAttributes({
                teaserParagraphs:
                  isNaN(count) || count === facts.defaults.teaser_paragraphs ? undefined : count,
              });
            },
          }),
        teaser &&
          textSetting('readMoreHref', {
            label: __('Full post’s URL', D),
            help: __(
              'Leave empty to show the rest in place. Or the address of the whole article elsewhere (https:, or a page of this site): “Continue reading” links there, and search engines get only the opening.',
              D,
            ),
          }),
        el(SelectControl, {
          label: __('Look', D),
          help: site.defaultTheme
            ? __('Not chosen: the site’s default look', D) +
              ' (' +
              labels.themes[site.defaultTheme] +
              ').'
            : null,
          value: attributes.theme || '',
          options: options(labels.themes, [''].concat(facts.themes)),
          onChange: function (value) {
            setAttributes({theme: orUndefined(value)});
          },
        }),
        el(SelectControl, {
          label: __('Heading level of the title', D),
          help: __('Usually H2: the page title is the H1.', D),
          value: String(attributes.headingLevel || facts.defaults.heading_level),
          options: facts.heading_levels.map(function (level) {
            return {value: String(level), label: 'H' + level};
          }),
          onChange: function (value) {
            var level = parseInt(value, 10);
            setAttributes({
              headingLevel: level === facts.defaults.heading_level ? undefined : level,
            });
          },
        }),
      );

      // The real element, with what a visitor will see. `inert`: a preview, not a form to fill
      // in the editor; clicking it selects the block.
      var preview = el('therapist-attachment-article', {
        inert: '',
        theme: attributes.theme || site.defaultTheme || undefined,
        'heading-level': attributes.headingLevel ? String(attributes.headingLevel) : undefined,
        'form-action': showForm ? absolute(site.contactUrl) : undefined,
        'cta-href': showForm ? undefined : absolute(href),
        'cta-label': showForm ? undefined : attributes.ctaLabel,
        'cta-target': showForm ? undefined : attributes.ctaTarget,
        layout: teaser ? 'teaser' : undefined,
        'teaser-paragraphs': teaser && attributes.teaserParagraphs ? String(shown) : undefined,
        'read-more-href':
          teaser && attributes.readMoreHref ? absolute(attributes.readMoreHref) : undefined,
      });

      return el('div', blockProps, el(InspectorControls, null, reachPanel, lookPanel), preview);
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
