import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {ArticleReadEvent, ArticleViewEvent} from '../src/events.js';
import type {TherapistAttachmentArticle} from '../src/therapist-attachment-article.js';
import {part} from './helpers.js';

/**
 * An idle point for “nothing was fired”: a fresh IntersectionObserver's first report comes
 * in the same task as, and after, the reports of observers made before it (the element's) for
 * the same rendering update.
 */
const settled = (target: Element) =>
  new Promise<void>((resolve) => {
    const probe = new IntersectionObserver(() => {
      probe.disconnect();
      resolve();
    });
    probe.observe(target);
  });

/** Counts the reading signals that reach the document. */
function count() {
  const seen: Record<string, Event[]> = {
    'therapist-article-view': [],
    'therapist-article-read': [],
  };
  const listener = (event: Event) => seen[event.type]!.push(event);
  for (const type of Object.keys(seen)) document.addEventListener(type, listener);
  return {
    seen,
    stop: () => {
      for (const type of Object.keys(seen)) document.removeEventListener(type, listener);
    },
  };
}

/** The element between two screens of page, so it starts below the fold. */
async function belowTheFold(attributes = '') {
  const page = await fixture<HTMLDivElement>(html`
    <div>
      <div style="height: 150vh"></div>
      <therapist-attachment-article cta-href="/book"></therapist-attachment-article>
      <div style="height: 150vh"></div>
    </div>
  `);
  const el = page.querySelector<TherapistAttachmentArticle>('therapist-attachment-article')!;
  if (attributes) el.setAttribute(attributes, '');
  await el.updateComplete;
  return el;
}

describe('reading signals', () => {
  let counter: ReturnType<typeof count>;
  beforeEach(() => {
    window.scrollTo(0, 0);
    counter = count();
  });
  afterEach(() => {
    counter.stop();
    window.scrollTo(0, 0);
  });

  it('fires view once when the article scrolls into view, and read only at the call-to-action', async () => {
    const el = await belowTheFold();
    await settled(el);
    expect(counter.seen['therapist-article-view']).to.have.length(0);

    const view = oneEvent(document, 'therapist-article-view');
    part(el, 'title').scrollIntoView({block: 'start'});
    const event = await view;
    expect(event).to.be.instanceOf(ArticleViewEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.target).to.equal(el);
    await settled(el);
    expect(
      counter.seen['therapist-article-read'],
      'the call-to-action is a screen below',
    ).to.have.length(0);

    const read = oneEvent(document, 'therapist-article-read');
    part(el, 'cta').scrollIntoView({block: 'end'});
    const readEvent = await read;
    expect(readEvent).to.be.instanceOf(ArticleReadEvent);
    expect(readEvent.bubbles && readEvent.composed).to.equal(true);
    expect(readEvent.target).to.equal(el);
  });

  it('fires neither twice: scrolling away and back, or moving the element, changes nothing', async () => {
    const el = await belowTheFold();
    const read = oneEvent(document, 'therapist-article-read');
    part(el, 'cta').scrollIntoView({block: 'end'});
    await read;
    window.scrollTo(0, 0);
    await settled(el);
    part(el, 'title').scrollIntoView();
    await settled(el);
    part(el, 'cta').scrollIntoView({block: 'end'});
    await settled(el);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    el.scrollIntoView();
    await settled(el);
    expect(counter.seen['therapist-article-view']).to.have.length(1);
    expect(counter.seen['therapist-article-read']).to.have.length(1);
  });

  it('fires view before read when the whole article is on screen at once', async () => {
    const el = await belowTheFold();
    el.style.setProperty('--therapist-article-font-size', '2px');
    part(el, 'cta').scrollIntoView({block: 'end'});
    await oneEvent(document, 'therapist-article-read');
    expect(
      Object.values(counter.seen)
        .flat()
        .map((e) => e.type),
    ).to.deep.equal(['therapist-article-view', 'therapist-article-read']);
  });

  it('fires nothing while the element is hidden, and view once it is shown', async () => {
    const el = await belowTheFold('hidden');
    const spacer = el.previousElementSibling as HTMLElement;
    // Where the article would be is on screen: the end of the first spacer.
    window.scrollTo(0, spacer.offsetTop + spacer.offsetHeight - 100);
    await settled(spacer);
    await settled(spacer);
    expect(counter.seen['therapist-article-view']).to.have.length(0);
    expect(counter.seen['therapist-article-read']).to.have.length(0);
    const view = oneEvent(document, 'therapist-article-view');
    el.hidden = false;
    await view;
    expect(counter.seen['therapist-article-view']).to.have.length(1);
  });
});
