import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  lengthOf,
  limits,
  respondents,
  visibilities,
  type Comment,
  type Respondent,
  type CommentField,
  type Visibility,
} from '../../contract/public.js';
import type { CommentsBackend, PostedComment } from '../../backends/backend.js';
import type { ConsultationClosedError } from '../../backends/errors.js';
import type { CivicErrorDetail } from '../../events.js';
import type { Strings } from '../../i18n/index.js';
import { readJson, remove, text, writeJson } from '../../internal/storage.js';
import { authorOf, questionPart } from './thread-view.js';
import type { SectionQuestion } from '../../contract/questions.js';
import { errorMessage } from '../../internal/govuk/error-message.js';

/**
 * The form's checks, their English messages and sending, fetched once a reader starts to use a
 * form (it takes focus) rather than with the page: most readers of a consultation never write.
 */
type Sending = typeof import('./form-sending.js');
let loadedSending: Sending | undefined;
const fetchSending = async (): Promise<Sending> => (loadedSending ??= await import('./form-sending.js'));
/** Fetches the sending code ahead of the first submit; a failure then is reported at the submit. */
const prefetchSending = () => void fetchSending().catch(() => undefined);

/** What the reader has typed. */
interface FormValues {
  name: string;
  email: string;
  respondent: Respondent | '';
  organisation: string;
  body: string;
  visibility: Visibility | '';
  remember: boolean;
  /** The options chosen in answer to the section's question. */
  answer: string[];
}

/** The part of a draft kept on the device between visits: never the name or the email. */
interface StoredDraft {
  body: string;
  visibility: Visibility | '';
  parentId: string | null;
  answer?: string[];
}

/** Who the reader is: kept for the tab only, or on the device when the reader asks. */
interface StoredIdentity {
  name: string;
  email: string;
  respondent?: Respondent | '';
  organisation?: string;
}

const identityKey = 'civic-comments:identity';
const characterCountDelay = 1000;

/** What the form needs of the element it belongs to. */
export interface FormHost extends ReactiveControllerHost {
  readonly pageId: string;
  readonly section: string;
  readonly strings: Strings;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly configurationProblem: Error;
  /** Whether the consultation asks whom each response comes from. */
  readonly askOrganisation: boolean;
  resolveBackend(): Promise<CommentsBackend | undefined>;
  reportError(error: unknown, operation: CivicErrorDetail['operation']): void;
}

/**
 * The response form of a thread: what the reader types, kept as a draft until it has been sent;
 * its checks and error summary in the GOV.UK pattern; the reply it is open under; and sending, once
 * however often the button is pressed, with one idempotency key until the comment is stored (the
 * checks and sending come in the chunk fetched when the form is first used). The element draws the
 * form where it belongs and hears of each comment stored through `onSent`, and of a consultation
 * found closed on sending through `onClosed`.
 */
export class CommentForm implements ReactiveController {
  values: FormValues = { name: '', email: '', respondent: '', organisation: '', body: '', visibility: '', remember: false, answer: [] };
  /** The comment the form is open under, or null for a new comment on the section. */
  replyTo: string | null = null;
  errors: Partial<Record<CommentField, string>> = {};
  submitState: 'idle' | 'submitting' | 'failed' = 'idle';
  submitMessage = '';
  characterCountAnnouncement = '';
  /** The section's closed question, once its code is here and has checked it; null when it asks none. */
  question: SectionQuestion | null = null;

  /** The request in flight, aborted if the element leaves the page. */
  submitController?: AbortController;
  /** Kept until a submission succeeds, so that trying again after a network error stores it once. */
  idempotencyKey?: string;
  /** Set while the first submit waits for the sending code, so that pressing again sends nothing more. */
  #fetchingSending = false;
  #characterCountTimer?: ReturnType<typeof setTimeout>;
  /** A reply's draft reopens under its comment once the thread has loaded. */
  #pendingReplyTarget: string | null = null;

  constructor(
    readonly host: FormHost,
    private readonly onSent: (comment: PostedComment, announcement: string) => void,
    /** The backend refused the comment because the consultation is not open: what was typed stays. */
    readonly onClosed: (error: ConsultationClosedError) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.submitController?.abort();
    clearTimeout(this.#characterCountTimer);
  }

  /** Changes what the form shows. */
  update(
    change: Partial<
      Pick<CommentForm, 'values' | 'replyTo' | 'errors' | 'submitState' | 'submitMessage' | 'characterCountAnnouncement' | 'question'>
    >,
  ): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  get #draftKey(): string {
    return `civic-comments:draft:${this.host.pageId}:${this.host.section}`;
  }

  // ---- Drafts --------------------------------------------------------------------------------

  /** Takes up the draft kept for this page and section, and the reader's name and email. */
  restoreDraft(): void {
    if (!this.host.section) return;
    const remembered = readJson<StoredIdentity>('local', identityKey);
    const identity = remembered ?? readJson<StoredIdentity>('session', identityKey);
    const draft = readJson<StoredDraft>('local', this.#draftKey);
    const visibility = visibilities.includes(draft?.visibility as Visibility) ? draft!.visibility : '';
    const respondent = respondents.includes(identity?.respondent as Respondent) ? identity!.respondent! : '';
    this.update({
      values: {
        name: text(identity?.name, this.values.name),
        email: text(identity?.email, this.values.email),
        respondent: respondent || this.values.respondent,
        organisation: text(identity?.organisation, this.values.organisation),
        body: text(draft?.body, this.values.body),
        visibility: visibility || this.values.visibility,
        remember: Boolean(remembered),
        answer: Array.isArray(draft?.answer) ? draft.answer : this.values.answer,
      },
    });
    this.#pendingReplyTarget = typeof draft?.parentId === 'string' ? draft.parentId : null;
  }

  /** Once the thread has loaded: reopens a reply's draft under its comment, if the thread shows it. */
  restoreReplyTarget(comments: Comment[]): void {
    const target = this.#pendingReplyTarget;
    this.#pendingReplyTarget = null;
    if (target && comments.some((c) => c.id === target)) this.update({ replyTo: target });
  }

  #saveDraft(): void {
    const { name, email, respondent, organisation, body, visibility, remember, answer } = this.values;
    const identity: StoredIdentity = { name, email, respondent, organisation };
    writeJson('session', identityKey, identity);
    if (remember) writeJson('local', identityKey, identity);
    else remove('local', identityKey);
    if (body || visibility || this.replyTo || answer.length) {
      writeJson('local', this.#draftKey, { body, visibility, parentId: this.replyTo, answer } satisfies StoredDraft);
    } else {
      remove('local', this.#draftKey);
    }
  }

  #setValue<K extends keyof FormValues>(key: K, value: FormValues[K]): void {
    this.update({ values: { ...this.values, [key]: value } });
    this.#saveDraft();
    if (key === 'body') this.#scheduleCharacterCountAnnouncement();
  }

  #scheduleCharacterCountAnnouncement(): void {
    // As in the GOV.UK character count: screen readers hear the count once typing pauses.
    clearTimeout(this.#characterCountTimer);
    this.#characterCountTimer = setTimeout(
      () => this.update({ characterCountAnnouncement: this.#characterCountText() }),
      characterCountDelay,
    );
  }

  #characterCountText(): string {
    const left = limits.bodyMax - lengthOf(this.values.body.trim());
    return left >= 0 ? this.host.strings.charactersRemaining(left) : this.host.strings.charactersTooMany(-left);
  }

  // ---- Replying ------------------------------------------------------------------------------

  async openReply(comment: Comment): Promise<void> {
    this.update({ replyTo: comment.id, errors: {} });
    this.#saveDraft();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#body')?.focus();
  }

  readonly #cancelReply = async (): Promise<void> => {
    const parentId = this.replyTo;
    if (!parentId) return;
    this.update({ replyTo: null, errors: {} });
    this.#saveDraft();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[data-reply-to="${CSS.escape(parentId)}"]`)?.focus();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.replyTo) {
      event.preventDefault();
      void this.#cancelReply();
    }
  };

  // ---- Submitting ----------------------------------------------------------------------------

  readonly #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // However often the button is pressed, one request is in flight; a press while the sending
    // code is still on its way leaves the first press to go on.
    if (this.submitState === 'submitting' || this.#fetchingSending) return;
    let sending = loadedSending;
    if (!sending) {
      this.#fetchingSending = true;
      try {
        sending = await fetchSending();
      } catch (error) {
        // Offline before the checks arrived: what was typed stays, and the reader is told to try again.
        this.update({ submitState: 'failed', submitMessage: this.host.strings.submitFailed });
        this.host.reportError(error, 'submit');
        return;
      } finally {
        this.#fetchingSending = false;
      }
    }
    const checked = sending.check(this.host, this.values, this.replyTo, this.question);
    if ('errors' in checked) return this.showErrors(checked.errors);
    this.update({ submitState: 'submitting', submitMessage: '', errors: {} });
    const controller = (this.submitController = new AbortController());
    const outcome = await sending.post(
      this.host,
      checked.comment,
      (this.idempotencyKey ??= sending.newIdempotencyKey()),
      controller.signal,
    );
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'sent') {
      this.idempotencyKey = undefined;
      return this.sent(outcome.comment, outcome.announcement);
    }
    if (outcome.kind === 'failed') {
      // Shown first, so that whoever listens for the error finds the reader already told.
      this.update({ submitState: 'failed', submitMessage: outcome.message });
      return this.host.reportError(outcome.error, 'submit');
    }
    this.update({ submitState: 'idle' });
    if (outcome.kind === 'closed') this.onClosed(outcome.error);
    else if (outcome.kind === 'invalid') await this.showErrors(outcome.errors);
  };

  /** Shows the form's problems, and moves focus to their summary. */
  async showErrors(errors: Partial<Record<CommentField, string>>): Promise<void> {
    this.update({ errors });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** The comment is stored: the form empties, its draft goes, and the element shows the comment and says so. */
  sent(comment: PostedComment, announcement: string): void {
    this.update({
      submitState: 'idle',
      values: { ...this.values, body: '', visibility: '', answer: [] },
      replyTo: null,
      characterCountAnnouncement: '',
    });
    remove('local', this.#draftKey);
    this.#saveDraft();
    this.onSent(comment, announcement);
  }

  // ---- Rendering -----------------------------------------------------------------------------

  /** The form, as a new comment on the section or as a reply under `parent`, its heading at `level`. */
  render(level: number, parent: Comment | null): TemplateResult {
    const strings = this.host.strings;
    const { values, errors } = this;
    const submitting = this.submitState === 'submitting';
    const left = limits.bodyMax - lengthOf(values.body.trim());
    // A reply answers no question; the question's own code words the comment box beside it, or leaves it out.
    const question = !parent && questionPart && this.question;
    const bodyLabel = question ? questionPart!.bodyLabel(question, strings) : strings.bodyLabel;
    return html`
      <form class="form ${parent ? 'reply-form' : ''}" part="form" novalidate @submit=${this.#submit} @keydown=${this.#onKeydown} @focusin=${prefetchSending}>
        <div class="form-heading" role="heading" aria-level=${parent ? Math.min(6, level + 1) : level} id="form-heading">
          ${parent ? strings.replyHeading(authorOf(parent, strings)) : strings.formHeading}
        </div>
        ${loadedSending && Object.keys(errors).length ? loadedSending.errorSummary(strings.errorSummaryTitle, errors) : nothing}

        ${this.#renderInput('name', 'text', strings.nameLabel)}
        ${this.#renderInput('email', 'email', strings.emailLabel, strings.emailHint)}
        ${this.host.askOrganisation ? this.#renderRespondent(strings) : nothing}
        ${
          question
            ? questionPart!.questionField(question, {
                strings,
                answer: values.answer,
                error: errors.answer,
                setAnswer: (answer) => this.#setValue('answer', answer),
              })
            : nothing
        }

        <div class="field ${errors.body ? 'has-error' : ''}" part="field" ?hidden=${bodyLabel === null}>
          <label for="body">${bodyLabel}</label>
          ${this.#renderFieldError('body')}
          <textarea
            id="body"
            class="input textarea ${left < 0 ? 'over-limit' : ''}"
            part="input"
            aria-describedby=${errors.body ? 'body-limit body-error' : 'body-limit'}
            aria-invalid=${errors.body || left < 0 ? 'true' : nothing}
            .value=${values.body}
            @input=${(e: InputEvent) => this.#setValue('body', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <div class="visually-hidden" id="body-limit">${strings.bodyLimitHint(limits.bodyMax)}</div>
          <div class="character-count ${left < 0 ? 'over-limit' : ''}" aria-hidden="true">${this.#characterCountText()}</div>
          <div class="visually-hidden" aria-live="polite">${this.characterCountAnnouncement}</div>
        </div>

        <div class="field ${errors.visibility ? 'has-error' : ''}" part="field">
          <fieldset aria-describedby=${errors.visibility ? 'visibility-error' : nothing}>
            <legend>${strings.visibilityLegend}</legend>
            ${this.#renderFieldError('visibility')}
            ${this.#renderChoice('visibility', 'public', strings.visibilityPublic)}
            ${this.#renderChoice('visibility', 'anonymous', strings.visibilityAnonymous)}
            ${this.#renderChoice('visibility', 'private', strings.visibilityPrivate)}
          </fieldset>
        </div>

        <div class="choice" part="field">
          <input
            id="remember"
            type="checkbox"
            .checked=${values.remember}
            @change=${(e: Event) => this.#setValue('remember', (e.target as HTMLInputElement).checked)}
          />
          <label for="remember">${strings.remember}</label>
        </div>

        ${errors.parentId ? html`<p class="error-text" id="parentId" tabindex="-1">${errors.parentId}</p>` : nothing}

        <p class="notice">${strings.moderationNotice}</p>

        <div class="actions">
          <button
            type="submit"
            class="button"
            part="button"
            aria-disabled=${submitting ? 'true' : 'false'}
            aria-describedby=${this.submitMessage ? 'submit-status' : nothing}
          >
            ${strings.submit}
          </button>
          ${
            parent
              ? html`<button type="button" class="button secondary" part="secondary-button" @click=${this.#cancelReply}>${strings.cancel}</button>`
              : nothing
          }
        </div>
        <div class="submit-status ${this.submitMessage ? 'failed' : ''}" id="submit-status" role="status">
          ${submitting ? strings.submitting : this.submitMessage}
        </div>
      </form>
    `;
  }

  /**
   * "Are you responding as an individual or on behalf of an organisation?", as GOV.UK radios whose
   * second choice reveals the organisation's name. The name's field stays in the page, hidden, so
   * that what was typed in it survives a change of mind.
   */
  #renderRespondent(strings: Strings): TemplateResult {
    const { errors } = this;
    return html`
      <div class="field ${errors.respondent || errors.organisation ? 'has-error' : ''}" part="field">
        <fieldset aria-describedby=${errors.respondent ? 'respondent-error' : nothing}>
          <legend>${strings.respondentLegend}</legend>
          ${this.#renderFieldError('respondent')}
          ${this.#renderChoice('respondent', 'individual', strings.respondentIndividual)}
          ${this.#renderChoice('respondent', 'organisation', strings.respondentOrganisation, 'conditional-organisation')}
          <div class="conditional" id="conditional-organisation" ?hidden=${this.values.respondent !== 'organisation'}>
            ${this.#renderInput('organisation', 'text', strings.organisationLabel, undefined, 'organization')}
          </div>
        </fieldset>
      </div>
    `;
  }

  /** A GOV.UK text input: label, hint, error message, then the input, described by the last two. */
  #renderInput(
    field: 'name' | 'email' | 'organisation',
    type: string,
    label: string,
    hint?: string,
    autocomplete: string = field,
  ): TemplateResult {
    const error = this.errors[field];
    const describedBy = [hint && `${field}-hint`, error && `${field}-error`].filter(Boolean).join(' ');
    return html`
      <div class="field ${error ? 'has-error' : ''}" part="field">
        <label for=${field}>${label}</label>
        ${hint ? html`<div class="hint" id="${field}-hint">${hint}</div>` : nothing}
        ${this.#renderFieldError(field)}
        <input
          id=${field}
          class="input"
          part="input"
          type=${type}
          autocomplete=${autocomplete}
          spellcheck="false"
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : nothing}
          .value=${this.values[field]}
          @input=${(e: InputEvent) => this.#setValue(field, (e.target as HTMLInputElement).value)}
        />
      </div>
    `;
  }

  #renderFieldError(field: CommentField): TemplateResult | typeof nothing {
    return errorMessage(`${field}-error`, this.host.strings.errorPrefix, this.errors[field]);
  }

  /** A GOV.UK radio; `controls` names the conditional question it reveals. */
  #renderChoice<K extends 'visibility' | 'respondent'>(
    name: K,
    value: FormValues[K] & string,
    label: string,
    controls?: string,
  ): TemplateResult {
    const id = `${name}-${value}`;
    return html`
      <div class="choice">
        <input
          id=${id}
          type="radio"
          name=${name}
          value=${value}
          aria-controls=${controls ?? nothing}
          .checked=${this.values[name] === value}
          @change=${() => this.#setValue(name, value)}
        />
        <label for=${id}>${label}</label>
      </div>
    `;
  }
}
