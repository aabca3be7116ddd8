// The frame heights the configurator gives for Wix's Embed HTML and Google Sites
// (site/frame-heights.ts) are measured, not guessed: this re-measures them with the built
// drop-in and fails when the committed figures are stale. Regenerate with
// `npm run build && npm run frame-heights`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {before, describe, it} from 'node:test';
import {
  FRAME_WIDTHS,
  LOOKS,
  OUT,
  configuratorChoices,
  frameKey,
  layouts,
  measure,
} from '../../scripts/frame-heights.mjs';
import {requireBuild} from './support.mjs';

/** Fonts and rounding move a figure a little between runs and machines; a layout change more. */
const tolerance = (px) => Math.max(16, Math.ceil(px * 0.015));

/** The committed figures, read from the generated TypeScript file. */
function committed() {
  const text = fs.readFileSync(OUT, 'utf8');
  const body = text.slice(text.indexOf('= {', text.indexOf('FRAME_HEIGHTS')) + 2);
  const heights = {};
  for (const [, key, phone, desktop] of body.matchAll(
    /'([\w/-]+)': \{phone: (\d+), desktop: (\d+)\}/g,
  )) {
    heights[key] = {phone: Number(phone), desktop: Number(desktop)};
  }
  const widths = /FRAME_WIDTHS = \{phone: (\d+), desktop: (\d+)\}/.exec(text);
  return {heights, widths: {phone: Number(widths[1]), desktop: Number(widths[2])}};
}

describe('frame heights (site/frame-heights.ts)', () => {
  let measured;
  before(async () => {
    requireBuild();
    measured = await measure();
  });

  it('covers every look, column width and layout, at the widths measured', async () => {
    const {heights, widths} = committed();
    assert.deepEqual(widths, FRAME_WIDTHS);
    const {widths: columns, teaserMax} = await configuratorChoices();
    const keys = LOOKS.flatMap((look) =>
      columns.flatMap((column) => layouts(teaserMax).map((l) => frameKey(look, column, l))),
    );
    assert.deepEqual(Object.keys(heights).sort(), keys.sort());
  });

  it('the committed figures match what the built element measures now', () => {
    const {heights} = committed();
    const stale = [];
    for (const [key, now] of Object.entries(measured)) {
      for (const width of ['phone', 'desktop']) {
        const then = heights[key]?.[width];
        if (!(Math.abs(now[width] - then) <= tolerance(now[width]))) {
          stale.push(`${key} at ${width}: ${then} committed, ${now[width]} measured`);
        }
      }
    }
    assert.deepEqual(stale, [], 'run `npm run build && npm run frame-heights` and commit');
  });

  it('measures what a reader sees: taller on a phone, in a narrow column, with more paragraphs', () => {
    for (const look of LOOKS) {
      const at = (column, layout) => measured[frameKey(look, column, layout)];
      const full = at('', 'full-link');
      assert.ok(full.phone > full.desktop * 1.4, `${look}: ${JSON.stringify(full)}`);
      assert.ok(at('', 'full-form').phone > full.phone, `${look}: the form is taller`);
      assert.ok(at('56ch', 'full-link').desktop > at('none', 'full-link').desktop, look);
      for (let n = 2; n <= 10; n++) {
        assert.ok(at('', `teaser-${n}`).phone > at('', `teaser-${n - 1}`).phone, `${look} ${n}`);
      }
      assert.ok(at('', 'teaser-3').phone < full.phone / 2, `${look}: the closed teaser is short`);
    }
  });
});
