/**
 * Editor side of the "Therapist Attachment Article" block.
 *
 * Plain ES5 on WordPress's globals, so the plugin needs no build step. The block is dynamic:
 * the post stores only the settings in the block comment, and the page's markup is rendered by
 * PHP (includes/render.php), which also checks every setting. In the editor the block shows the
 * real element, live, with the chosen settings (the element's script is loaded into the
 * editor's canvas by includes/register.php).
 *
 * The sidebar's controls are a loop over the block's settings, which PHP writes into
 * `window.therapistAttachmentArticleEditor.attributes` from the element's attribute table
 * (therapist_attachment_article_attribute_specs(), generated from src/attributes.ts): each
 * setting gets the control of its type, with its label, hint and choices, shown only where its
 * `only_with` holds; the preview gets every setting. Special controls only where a person needs
 * one: the form switch, and where messages go (with the notice for an address that will be
 * removed). Grouping, by the element's attribute: `cta-…` settings belong to the button and
 * `form-…` ones to the form, both in "How visitors reach out"; every other one is in
 * "Appearance". Nothing about a setting is typed here.
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

  /** Integers chosen from a list rather than on a slider, with their options' prefix. */
  var LISTED = {headingLevel: 'H'};

  /** Where a setting's control goes: with the button, with the form, or in the look. */
  function groupOf(spec) {
    if (/^cta-/.test(spec.attribute)) return 'link';
    if (/^form-/.test(spec.attribute)) return 'form';
    return 'look';
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
      var specs = Object.keys(site.attributes).map(function (key) {
        return site.attributes[key];
      });
      var byBlock = {};
      specs.forEach(function (spec) {
        byBlock[spec.block] = spec;
      });
      /** The site's own defaults (Settings → Therapist Attachment Article), by setting. */
      var siteDefaults = {theme: site.defaultTheme, ctaHref: site.defaultCtaHref};
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

      /** A setting's value as chosen, or undefined. */
      function chosen(spec) {
        var value = attributes[spec.block];
        return value === '' || value === null ? undefined : value;
      }

      /**
       * Whether a setting applies: its group's (the button's or the form's, the form's other
       * settings only beside an endpoint of the author's own that will be used), and its
       * `only_with`, each other setting applying and having the value named (or any, for
       * `true`), its default when not chosen.
       */
      function applies(spec) {
        var group = groupOf(spec);
        if (group === 'link' && showForm) return false;
        if (group === 'form') {
          if (!showForm) return false;
          if (!spec.routes_messages && (!ownEndpoint || endpointIgnored)) return false;
        }
        var needs = spec.only_with || {};
        return Object.keys(needs).every(function (block) {
          var other = byBlock[block];
          if (!other || !applies(other)) return false;
          var value = chosen(other);
          if (value === undefined) value = other['default'];
          return needs[block] === true
            ? value !== undefined && value !== null && value !== ''
            : String(value) === String(needs[block]);
        });
      }

      function set(spec, value) {
        var change = {};
        change[spec.block] = value;
        setAttributes(change);
      }

      /** The control of a setting, by its type: emptied or set to its default, it is unset. */
      function control(spec) {
        var fallback = spec['default'] === null ? '' : spec['default'];
        var siteDefault = siteDefaults[spec.block];
        if (spec.type === 'enum') {
          var values = (spec['default'] === null ? [''] : []).concat(spec.values);
          return el(SelectControl, {
            label: spec.label,
            help: siteDefault
              ? __('Not chosen: the site’s default', D) +
                ' (' +
                ((spec.choices && spec.choices[siteDefault]) || siteDefault) +
                ').'
              : spec.hint,
            value: chosen(spec) || fallback,
            options: values.map(function (value) {
              return {value: value, label: (spec.choices && spec.choices[value]) || value};
            }),
            onChange: function (value) {
              set(spec, value === fallback ? undefined : value);
            },
          });
        }
        if (spec.type === 'integer') {
          var toNumber = function (value) {
            var number = parseInt(value, 10);
            return isNaN(number) || number === spec['default'] ? undefined : number;
          };
          if (LISTED[spec.block] !== undefined) {
            var levels = [];
            for (var n = spec.min; n <= spec.max; n++) levels.push(n);
            return el(SelectControl, {
              label: spec.label,
              help: spec.hint,
              value: String(chosen(spec) || fallback),
              options: levels.map(function (level) {
                return {value: String(level), label: LISTED[spec.block] + level};
              }),
              onChange: function (value) {
                set(spec, toNumber(value));
              },
            });
          }
          return el(RangeControl, {
            label: spec.label,
            help: spec.hint,
            min: spec.min,
            max: spec.max,
            value: chosen(spec) || fallback,
            onChange: function (value) {
              set(spec, toNumber(value));
            },
          });
        }
        // url, form_url and text: a text field.
        return el(TextControl, {
          label: spec.label,
          help: spec.hint,
          value: chosen(spec) || '',
          placeholder: siteDefault || (typeof fallback === 'string' && fallback) || undefined,
          maxLength: spec.max_length,
          onChange: function (value) {
            set(spec, orUndefined(value));
          },
        });
      }

      /** Where messages go: the plugin's own route, or an address the author may choose. */
      function endpointControls(spec) {
        return [
          el(TextControl, {
            label: spec.label,
            help: __(
              'Leave empty to receive them by email (Settings → Therapist Attachment Article). Or the https: address of a form service.',
              D,
            ),
            value: chosen(spec) || '',
            onChange: function (value) {
              set(spec, orUndefined(value));
            },
          }),
          endpointIgnored &&
            el(
              Notice,
              {status: 'warning', isDismissible: false},
              __(
                'This address will be removed when you save, and messages will go to this site’s own contact route: only administrators and editors can send visitors’ messages elsewhere, unless an administrator allows this exact address in Settings → Therapist Attachment Article.',
                D,
              ),
            ),
        ];
      }

      /** The controls of a group's settings that apply, in the table's order. */
      function controls(group) {
        return specs
          .filter(function (spec) {
            return spec.attribute && groupOf(spec) === group && applies(spec);
          })
          .reduce(function (all, spec) {
            return all.concat(spec.routes_messages ? endpointControls(spec) : [control(spec)]);
          }, []);
      }

      /** A panel of controls, given one by one (so they need no `key`). */
      function panel(title, children) {
        return el.apply(null, [PanelBody, {title: title}].concat(children));
      }

      var reachPanel = panel(
        __('How visitors reach out', D),
        [
          el('p', {className: D + '__summary'}, summary),
          el(ToggleControl, {
            label: site.attributes.form.label,
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
        ].concat(controls('form'), controls('link')),
      );

      var lookPanel = panel(__('Appearance', D), controls('look'));

      // The real element, with what a visitor will see: every setting that applies (links
      // made absolute; the form sends to this site's route). `inert`: a preview, not a form to
      // fill in the editor; clicking it selects the block.
      var previewAttributes = {inert: ''};
      specs.forEach(function (spec) {
        if (!spec.attribute || !applies(spec)) return;
        var value = spec.routes_messages ? site.contactUrl : chosen(spec);
        if (value === undefined) value = siteDefaults[spec.block] || undefined;
        if (value === undefined) return;
        if (spec.type === 'url' || spec.type === 'form_url') value = absolute(value);
        previewAttributes[spec.attribute] = String(value);
      });
      var preview = el('therapist-attachment-article', previewAttributes);

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
