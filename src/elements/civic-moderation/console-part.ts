import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModerationBackend } from '../../backends/moderation.js';
import type { ModerationStrings } from '../../i18n/features/moderation.js';

/** The console, as its parts see it. */
export interface ConsoleHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the console lends its parts; it keeps these to itself otherwise. */
export interface ConsoleAccess {
  strings(): ModerationStrings;
  api(): ModerationBackend;
  /** A refused token sends the moderator back to sign in. */
  signedOut(): void;
}

/**
 * A part of the console with state of its own (a form, a view): a reactive controller that renders
 * the console again whenever that state changes.
 */
export abstract class ConsolePart<Access extends ConsoleAccess = ConsoleAccess> implements ReactiveController {
  constructor(
    protected readonly host: ConsoleHost,
    protected readonly console: Access,
  ) {
    host.addController(this);
  }

  /** What to forget when the console leaves the page: it may come back to another state of things. */
  abstract hostDisconnected(): void;

  /** Changes this part's state, then renders the console. */
  protected change(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** Moves focus once the console has rendered. */
  protected async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
