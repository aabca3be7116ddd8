import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ArticleReadEvent, ArticleViewEvent} from './events.js';

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: ParentNode};

/**
 * The reading signals (`therapist-article-view`, `therapist-article-read`): watches the article
 * and its call-to-action come on screen, until both have, and fires each event once per
 * element. An IntersectionObserver only: nothing is measured, sent or stored.
 */
export class ReadingSignals implements ReactiveController {
  /** The signals already fired, by event name. */
  private readonly fired = new Set<string>();
  private observer?: IntersectionObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    // Connected again after it was moved: watch again what is left to see.
    if ((this.host as {hasUpdated?: boolean}).hasUpdated) this.watch();
  }

  hostUpdated(): void {
    if (!this.observer) this.watch();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private watch(): void {
    if (this.fired.size > 1) return;
    this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        this.signal(new ArticleViewEvent());
        if (entry.target.matches('.cta')) this.signal(new ArticleReadEvent());
      }
      if (this.fired.size > 1) this.observer!.disconnect();
    });
    for (const selector of ['.article', '.cta']) {
      this.observer.observe(this.host.renderRoot.querySelector(selector)!);
    }
  }

  private signal(event: Event): void {
    if (this.fired.has(event.type)) return;
    this.fired.add(event.type);
    this.host.dispatchEvent(event);
  }
}
