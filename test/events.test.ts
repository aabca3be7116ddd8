import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {CtaClickEvent} from '../src/events.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part, render, shadow} from './helpers.js';

const button = (el: Element) => part<HTMLAnchorElement>(el, 'cta-button');

describe('therapist-article-cta-click', () => {
  it('fires on the host page when the button is clicked, with the resolved href', async () => {
    const el = await render({'cta-href': '#nowhere-to-go', 'cta-target': '_top'});
    const seenOnDocument = oneEvent(document, 'therapist-article-cta-click');
    button(el).click();
    const event = (await seenOnDocument) as CtaClickEvent;
    expect(event).to.be.instanceOf(CtaClickEvent);
    expect(event.detail).to.deep.equal({href: '#nowhere-to-go', target: '_top'});
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
  });

  it('reports the safe default when the given href was refused', async () => {
    const el = await render({'cta-href': 'javascript:alert(1)'});
    el.addEventListener('therapist-article-cta-click', (e) => e.preventDefault());
    const fired = oneEvent(el, 'therapist-article-cta-click');
    button(el).click();
    expect(((await fired) as CtaClickEvent).detail.href).to.equal('#contact');
  });

  it('lets the site stop the navigation with preventDefault()', async () => {
    const el = await render({'cta-href': '#stay-here'});
    el.addEventListener('therapist-article-cta-click', (e) => e.preventDefault());
    let defaultPrevented = false;
    // A listener on the document sees the click after the element has handled it.
    const watch = (e: Event) => (defaultPrevented = e.defaultPrevented);
    document.addEventListener('click', watch, {once: true});
    button(el).click();
    expect(defaultPrevented).to.equal(true);
    expect(location.hash).not.to.equal('#stay-here');
  });

  it('is not fired without a user action', async () => {
    let count = 0;
    document.addEventListener('therapist-article-cta-click', () => count++);
    const el = await render({'cta-href': '/elsewhere', 'cta-label': 'Go'});
    el.headingLevel = 3;
    await el.updateComplete;
    expect(count).to.equal(0);
  });

  it('is reached by keyboard and fires on Enter', async () => {
    const el = await render({'cta-href': '#keyboard'});
    el.addEventListener('therapist-article-cta-click', (e) => e.preventDefault());
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(button(el));
    expect(getComputedStyle(button(el)).outlineStyle).to.equal('solid');
    const fired = oneEvent(el, 'therapist-article-cta-click');
    await sendKeys({press: 'Enter'});
    expect(((await fired) as CtaClickEvent).detail.href).to.equal('#keyboard');
    before.remove();
  });
});

describe('cta slot', () => {
  it('replaces the button with the site’s own markup', async () => {
    const el = await fixture<TherapistAttachmentArticle>(html`
      <therapist-attachment-article>
        <button slot="cta" id="book">Book a free consultation</button>
      </therapist-attachment-article>
    `);
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="cta"]')!;
    const assigned = slot.assignedElements();
    expect(assigned.map((node) => node.id)).to.deep.equal(['book']);
    // The fallback link is not shown when the slot is filled.
    expect(button(el).getClientRects().length).to.equal(0);
    expect(slot.closest('[part~="cta"]')).to.equal(part(el, 'cta'));
  });

  it('shows the link when nothing is slotted', async () => {
    const el = await render();
    expect(button(el).getClientRects().length).to.be.greaterThan(0);
  });
});
