import {expect, fixture, html} from '@open-wc/testing';
import {ATTRIBUTES, DEFAULTS} from '../src/attributes.js';
import {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {render, shadow} from './helpers.js';

interface Named {
  name: string;
  default?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
  slots?: Named[];
  events?: Named[];
}

/** The element's entry in custom-elements.json, generated from the class's JSDoc. */
async function manifest(): Promise<Declaration> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json exists (npm test runs the analyzer)').to.equal(true);
  const json = (await response.json()) as {modules: {declarations?: Declaration[]}[]};
  const found = json.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'therapist-attachment-article');
  if (!found) throw new Error('the element is missing from custom-elements.json');
  return found;
}

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name).sort();
const unique = (list: string[]) => [...new Set(list)].sort();

describe('custom-elements.json documents exactly what exists', () => {
  it('every part the element renders, and no other', async () => {
    const plain = await render({'cta-target': '_blank'});
    const slotted = await fixture(html`
      <therapist-attachment-article><a slot="cta" href="#x">Book</a></therapist-attachment-article>
    `);
    // With form-action the form replaces the link: its parts are rendered, errors included.
    const withForm = await render({'form-action': '/__contact/ok'});
    shadow(withForm).querySelector('button')!.click();
    await withForm.updateComplete;
    const teaser = await render({layout: 'teaser'});
    const rendered = [plain, slotted, withForm, teaser].flatMap((el) =>
      [...shadow(el).querySelectorAll('[part]')].flatMap((node) =>
        node.getAttribute('part')!.split(/\s+/),
      ),
    );
    expect(names((await manifest()).cssParts)).to.deep.equal(unique(rendered));
  });

  it('every custom property the styles read, and no other', async () => {
    const css = [TherapistAttachmentArticle.styles]
      .flat(Infinity as 1)
      .map((sheet) => String(sheet))
      .join('\n');
    const used = unique(css.match(/--therapist-article-[a-z-]+/g) ?? []);
    expect(used.length).to.be.greaterThan(10);
    expect(names((await manifest()).cssProperties)).to.deep.equal(used);
  });

  it('every observed attribute, and no other', async () => {
    expect(names((await manifest()).attributes)).to.deep.equal(
      [...TherapistAttachmentArticle.observedAttributes].sort(),
    );
  });

  it('its slot and its events', async () => {
    const el = await render();
    const slots = [...shadow(el).querySelectorAll('slot')].map((slot) => slot.name);
    const doc = await manifest();
    expect(names(doc.slots)).to.deep.equal(unique(slots));
    expect(names(doc.events)).to.deep.equal([
      'therapist-article-cta-click',
      'therapist-article-form-failed',
      'therapist-article-form-sent',
      'therapist-article-form-submit',
      'therapist-article-read',
      'therapist-article-view',
    ]);
  });

  it('documents the defaults the element really starts with', async () => {
    const el = document.createElement('therapist-attachment-article') as unknown as Record<
      string,
      unknown
    >;
    const starts = Object.fromEntries(Object.keys(DEFAULTS).map((key) => [key, el[key]]));
    // Some start unset, which means their default: `theme` (blend in), the addresses, the texts.
    expect(starts).to.deep.equal({
      ...DEFAULTS,
      readMoreHref: undefined,
      formAction: undefined,
      strings: undefined,
    });
    const documented = Object.fromEntries(
      ((await manifest()).attributes ?? []).map((a) => [a.name, a.default]),
    );
    for (const [key, row] of Object.entries(ATTRIBUTES)) {
      const value = starts[key];
      if (typeof value === 'object') continue; // form-strings: `{}`
      const expected =
        value === undefined ? undefined : typeof value === 'string' ? `'${value}'` : String(value);
      expect(documented[row.attribute], row.attribute).to.equal(expected);
    }
  });

  it('declares every attribute of the table, with its name and type, and no other', () => {
    const declared = TherapistAttachmentArticle.properties as Record<
      string,
      {attribute?: string; type?: unknown}
    >;
    expect(Object.keys(declared).sort()).to.deep.equal(Object.keys(ATTRIBUTES).sort());
    for (const [key, row] of Object.entries(ATTRIBUTES)) {
      const {attribute = key.toLowerCase(), type = String} = declared[key]!;
      expect(attribute, key).to.equal(row.attribute);
      const expected =
        row.type === 'integer' || row.type === 'number'
          ? Number
          : row.type === 'boolean'
            ? Boolean
            : String;
      // form-strings parses JSON with its own converter.
      if (row.type !== 'json') expect(type, key).to.equal(expected);
    }
  });
});
