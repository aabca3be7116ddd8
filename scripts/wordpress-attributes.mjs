// The WordPress plugin's settings, made from the element's attribute table (src/attributes.ts)
// by scripts/generate-wordpress.mjs: the plugin's attribute specs (PHP), block.json's
// attributes and readme.txt's list of shortcode attributes. A new row of the table reaches the
// shortcode, the block, its editor controls and the readme with no edit in wordpress/.
//
// For each row the plugin offers (every row without `wordpress: false`), its spec:
//   key          the shortcode attribute: the element's attribute with `_` for `-`
//   attribute    the element's attribute
//   block        the block attribute: the element's property
//   type         integer (min, max), enum (values), url, form_url, text (max_length)
//   default      what an absent or refused value means (the element's; null: none)
//   label, hint, choices   the words a person reads (translatable)
//   routes_messages        true when it decides where visitors' messages go
//   only_with    block attribute => value (or true: any value) it means something only beside

/** The element's types, as the plugin's specs name them (includes/attributes.php). */
const TYPES = {
  integer: 'integer',
  enum: 'enum',
  url: 'url',
  'form-url': 'form_url',
  text: 'text',
  // Not yet: `boolean` (a `switch` whose `on` must become the bare attribute, `off` none),
  // `number` and `json`; every such row has `wordpress: false` today.
};

/**
 * The specs, keyed by shortcode attribute, in the table's order. `t(text)` marks the words to
 * translate.
 */
export function attributeSpecs({ATTRIBUTES, ATTRIBUTE_WORDS}, t = (text) => text) {
  const specs = {};
  for (const [property, row] of Object.entries(ATTRIBUTES)) {
    if (row.wordpress === false) continue;
    const type = TYPES[row.type];
    if (!type) {
      throw new Error(
        `wordpress-attributes: ${row.attribute} is a ${row.type}, which the plugin does not offer yet: ` +
          'give it `wordpress: false` in src/attributes.ts, or a type in scripts/wordpress-attributes.mjs',
      );
    }
    const words = ATTRIBUTE_WORDS[property];
    const spec = {attribute: row.attribute, block: property, type};
    if (type === 'integer') Object.assign(spec, {min: row.min, max: row.max});
    if (type === 'enum') spec.values = [...row.values];
    if (type === 'text') spec.max_length = row.maxLength;
    spec.default = row.default ?? null;
    spec.label = t(words.label);
    if (words.hint) spec.hint = t(words.hint);
    if (words.choices) {
      spec.choices = Object.fromEntries(
        Object.entries(words.choices).map(([value, label]) => [value, t(label)]),
      );
    }
    if (row.routesMessages) spec.routes_messages = true;
    if (row.onlyWith) {
      for (const other of Object.keys(row.onlyWith)) {
        if (!ATTRIBUTES[other] || ATTRIBUTES[other].wordpress === false) {
          throw new Error(`wordpress-attributes: ${row.attribute} needs ${other}, not offered`);
        }
      }
      spec.only_with = {...row.onlyWith};
    }
    specs[row.attribute.replaceAll('-', '_')] = spec;
  }
  return specs;
}

/**
 * includes/generated/attributes.php: therapist_attachment_article_element_attribute_specs(),
 * with generate-wordpress.mjs's helpers for a PHP file (`header`, `phpFunction`, `php`).
 */
export function attributesPhp(specs, {header, phpFunction, php}) {
  return (
    header(`The element's attributes as the plugin offers them, from src/attributes.ts.`) +
    phpFunction(
      'therapist_attachment_article_element_attribute_specs',
      `The element's attributes that the shortcode and the block offer, keyed by shortcode\n * attribute, in the table's order (includes/attributes.php adds the plugin's own \`form\`\n * switch): \`attribute\`, \`block\`, \`type\` (\`integer\` with \`min\`/\`max\`, \`enum\` with\n * \`values\`, \`url\`, \`form_url\`, \`text\` with \`max_length\`, \`switch\`), \`default\`, the words\n * \`label\`, \`hint\` and \`choices\`, \`routes_messages\` (decides where visitors' messages go) and\n * \`only_with\` (block attribute => value, or true for any value: means nothing without it).`,
      `return ${php(specs)};`,
    )
  );
}

/** block.json's attributes for the specs (no defaults: they belong to the element). */
export function blockAttributes(specs) {
  return Object.fromEntries(
    Object.values(specs).map((spec) => {
      switch (spec.type) {
        case 'integer': {
          const values = Array.from({length: spec.max - spec.min + 1}, (_, i) => spec.min + i);
          return [spec.block, {type: 'integer', enum: values}];
        }
        case 'enum':
          return [spec.block, {type: 'string', enum: spec.values}];
        case 'switch':
          return [spec.block, {type: 'boolean'}];
        default:
          return [spec.block, {type: 'string'}];
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// readme.txt

export const README_START =
  '<!-- attributes:start: generated from src/attributes.ts by scripts/generate-wordpress.mjs; do not edit -->';
export const README_END = '<!-- attributes:end -->';

const code = (value) => `\`${value}\``;
/** `Light` → `light`, but `JSON` stays. */
const lowerFirst = (text) => (/^.[^A-Z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
const sentence = (text) => (/[.!?:)]$/.test(text) ? text : `${text}.`);

/** One shortcode attribute, as readme.txt lists it. */
function readmeLine(key, spec, specs) {
  const parts = [`* ${code(key)} — ${sentence(spec.label)}`];
  if (spec.hint) parts.push(sentence(spec.hint));
  switch (spec.type) {
    case 'integer':
      parts.push(`${code(spec.min)} to ${code(spec.max)}.`);
      break;
    case 'enum': {
      // `value`: its name, as the block editor says it.
      const named = (value) =>
        spec.choices?.[value] ? `${code(value)}: ${lowerFirst(spec.choices[value])}` : code(value);
      const values = spec.values.map(named);
      if (spec.default === null && spec.choices?.['']) {
        values.push(`left out: ${lowerFirst(spec.choices[''])}`);
      }
      parts.push(`${values.join('; ')}.`);
      break;
    }
    case 'text':
      parts.push(`Up to ${spec.max_length} characters.`);
      break;
  }
  if (spec.routes_messages) {
    parts.push(
      'It decides where visitors’ messages go: kept only in content saved by an Administrator or Editor (users with the `unfiltered_html` capability), or when the address is allowed on the settings screen; it is removed when anyone else saves it.',
    );
  }
  if (spec.only_with) {
    const byBlock = Object.fromEntries(Object.entries(specs).map(([k, s]) => [s.block, k]));
    const needs = Object.entries(spec.only_with).map(([block, value]) =>
      value === true ? code(byBlock[block]) : code(`${byBlock[block]}="${value}"`),
    );
    parts.push(`Only with ${needs.join(' and ')}.`);
  }
  if (spec.default !== null && spec.default !== '') parts.push(`Default: ${code(spec.default)}.`);
  return parts.join(' ');
}

/** readme.txt with its list of shortcode attributes made from the table (src/attributes.ts). */
export function readmeWithAttributes(readme, table) {
  const specs = attributeSpecs(table);
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) {
    throw new Error('wordpress-attributes: readme.txt has no attributes:start/end markers');
  }
  const list = Object.entries(specs)
    .map(([key, spec]) => readmeLine(key, spec, specs))
    .join('\n');
  return `${readme.slice(0, start)}${README_START}\n${list}\n${readme.slice(end)}`;
}
