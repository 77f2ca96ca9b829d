import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import {
  commentFields,
  questionDefaults,
  limits,
  pageId,
  sectionId,
  validationMessages,
  type CommentField,
  type SectionQuestion,
  sectionNamed,
} from 'civic-comments/contract';
import { questionCy, questionEn, type QuestionStrings } from 'civic-comments/i18n';
import { refusal, refusalMessage, sectionTitleOf, type ClosedConsultation } from '../consultations.js';
import type { AppOptions } from '../context.js';
import type { ConsultationRecord } from '../storage/storage.js';
import { ownOrigin, safeReturn } from '../http/origins.js';
import { answered, submitComment } from '../submit.js';
import { respondCy, respondEn, type RespondStrings } from 'civic-comments/i18n';
import { contentSecurityPolicy } from './static.js';

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What the form holds, as typed: kept through a refusal so that nothing is lost. */
interface FormState {
  page: string;
  section: string;
  parentId: string;
  name: string;
  email: string;
  body: string;
  visibility: string;
  respondent: string;
  organisation: string;
  website: string;
  idempotency: string;
  returnTo: string;
  lang: string;
  /** What readers know the section by: its title, when its consultation lists it (see `sectionTitleOf`). */
  sectionTitle?: string;
  /** The options chosen in answer to the section's question (a reply answers none). */
  answer: string[];
  /** The section's closed question, when it asks one and the form is not a reply. */
  question?: SectionQuestion | null;
}

/**
 * A form field as sent. Nothing is cut: what is too long is refused by the same checks as the API,
 * and the whole body is already bounded by the server's body limit.
 */
const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** A field that may be sent several times, as checkboxes are. */
const texts = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((each): each is string => typeof each === 'string');
export const stringsFor = (lang: string) => (lang.toLowerCase().startsWith('cy') ? respondCy : respondEn);
/** Whether the page and section the form was opened for are ones a comment can be stored under. */
const linkValid = (state: { page: string; section: string }) =>
  pageId.safeParse(state.page).success && sectionId.safeParse(state.section).success;

/** What a reader is told to wait while the database is out of reach. */
const unavailableRetrySeconds = 5;

/** The page for a form over the body limit, in the language the browser asks for, since the body was never read. */
export function respondTooLarge(c: Context): Response | Promise<Response> {
  const strings = stringsFor(c.req.header('Accept-Language') ?? '');
  return page(c, strings, 413, html`<h1>${strings.pageTitle}</h1><p>${strings.tooLarge}</p>`);
}

/**
 * The form for readers without JavaScript, or whose browser could not run the widget: a plain HTML
 * page at `GET /respond?page=P&section=S`, whose form-encoded POST goes through the same checks as
 * the API, shows GOV.UK-style errors on the same page with everything kept, and ends on a
 * confirmation page with a link back to the section.
 */
export function respondRoutes(app: Hono, options: AppOptions): void {
  app.get('/respond', async (c) => {
    const query = c.req.query();
    const state: FormState = {
      page: text(query.page),
      section: text(query.section),
      parentId: text(query.parent),
      name: '',
      email: '',
      body: '',
      visibility: '',
      respondent: '',
      organisation: '',
      website: '',
      idempotency: randomBytes(16).toString('hex'),
      returnTo: safeReturn(c, options, text(query.return)),
      lang: text(query.lang),
      answer: [],
    };
    if (!linkValid(state)) {
      const strings = stringsFor(state.lang);
      return page(c, strings, 400, html`<p>${strings.linkBroken}</p>`);
    }
    let consultation: ConsultationRecord | undefined;
    try {
      consultation = await options.storage.getConsultation(state.page);
    } catch (error) {
      if (!options.storage.isUnavailable(error)) throw error;
      c.header('Retry-After', String(unavailableRetrySeconds));
      const strings = stringsFor(state.lang);
      return page(c, strings, 503, html`<h1>${strings.pageTitle}</h1><p>${strings.formUnavailable}</p>`);
    }
    // A link made when the section had an earlier heading answers the section's one thread.
    state.section = sectionNamed(consultation?.sections, state.section)?.id ?? state.section;
    state.sectionTitle = sectionTitleOf(consultation, state.section);
    state.question = questionOf(consultation, state);
    const closed = refusal(consultation);
    if (closed) return closedPage(c, state, closed, 200);
    return formPage(c, state, {}, consultation?.askOrganisation ?? false);
  });

  app.post('/respond', async (c) => {
    // `all`, so that the options of a multiple choice question, one field each, all arrive.
    const form = await c.req.parseBody({ all: true });
    const state: FormState = {
      page: text(form.page),
      section: text(form.section),
      parentId: text(form.parentId),
      name: text(form.name),
      email: text(form.email),
      body: text(form.body),
      visibility: text(form.visibility),
      respondent: text(form.respondent),
      organisation: text(form.organisation),
      website: text(form.website),
      idempotency: /^[\w-]{1,64}$/.test(text(form.idempotency)) ? text(form.idempotency) : randomBytes(16).toString('hex'),
      returnTo: safeReturn(c, options, text(form.returnTo)),
      lang: text(form.lang),
      answer: texts(form.answer),
    };
    const strings = stringsFor(state.lang);
    const origin = c.req.header('Origin');
    const sameOrigin = origin === ownOrigin(c, options);
    // "null" is what a sandboxed frame or a data: page sends: another site, posting through the reader's browser.
    if (
      origin &&
      !sameOrigin &&
      (origin === 'null' || (!options.allowedOrigins.includes('*') && !options.allowedOrigins.includes(origin)))
    ) {
      return page(c, strings, 403, html`<p>${strings.originRefused}</p>`);
    }
    if (!linkValid(state)) return page(c, strings, 400, html`<p>${strings.linkBroken}</p>`);
    let result: Awaited<ReturnType<typeof submitComment>>;
    try {
      result = await submitComment(
        options,
        {
          page: state.page,
          section: state.section,
          parentId: state.parentId || undefined,
          name: state.name,
          email: state.email,
          body: state.body,
          visibility: state.visibility || undefined,
          respondent: state.respondent || undefined,
          organisation: state.organisation || undefined,
          lang: strings.locale === 'cy' ? 'cy' : 'en',
          website: state.website || undefined,
          answer: state.answer.length ? state.answer : undefined,
        },
        { address: options.clientAddress(c.req, c.env), idempotencyKey: `form-${state.idempotency}` },
      );
    } catch (error) {
      // The database is out of reach: the form again, with everything typed, and the same key, so
      // that sending it again later stores it once.
      if (!options.storage.isUnavailable(error)) throw error;
      c.header('Retry-After', String(unavailableRetrySeconds));
      return formPage(c, state, {}, Boolean(state.respondent), 503, strings.sendUnavailable);
    }
    // Asked again only to show the form again: whether it asks whom a response comes from, and its question.
    const asks = async () => {
      const consultation = await options.storage.getConsultation(state.page);
      // A link made when the section had an earlier heading answers the section's one thread.
      state.section = sectionNamed(consultation?.sections, state.section)?.id ?? state.section;
      state.sectionTitle = sectionTitleOf(consultation, state.section);
      state.question = questionOf(consultation, state);
      return consultation?.askOrganisation ?? false;
    };
    if (result.kind === 'invalid' || result.kind === 'unstorable') {
      const errors: Partial<Record<CommentField, string>> = {};
      for (const field of commentFields) {
        const code = result.kind === 'invalid' ? result.codes[field] : undefined;
        const message = code
          ? (((strings.validation ?? validationMessages)[field] as Record<string, string>)[code] ?? code)
          : result.kind === 'unstorable'
            ? result.fields[field]
            : undefined;
        if (message) errors[field] = message;
      }
      const asked = await asks();
      // The department's own words for an unanswered question, where it gave them.
      if (result.kind === 'invalid' && result.codes.answer === 'missing' && state.question?.errorMessage) {
        errors.answer = state.question.errorMessage;
      }
      // Nothing the reader typed was wrong: what the link carried (page, section) cannot be stored.
      if (!Object.keys(errors).length) return page(c, strings, 400, html`<p>${strings.linkBroken}</p>`);
      return formPage(c, state, errors, asked, 400);
    }
    if (result.kind === 'not-open') return closedPage(c, state, result.consultation, 409);
    if (result.kind === 'rate-limited') {
      c.header('Retry-After', String(result.retryAfter));
      return formPage(c, state, {}, await asks(), 429, strings.tooMany);
    }
    if (result.kind === 'removed') {
      return page(c, strings, 410, html`<h1>${strings.pageTitle}</h1><p>${strings.removed}</p>`);
    }
    if (result.kind === 'conflict') {
      // The same form sent again with other words: a new key lets the reader send it as a new comment.
      return formPage(c, { ...state, idempotency: randomBytes(16).toString('hex') }, {}, await asks());
    }
    const { comment, reference } = answered(result.answer);
    const said =
      comment.status === 'published' ? strings.sentPublished : comment.status === 'received' ? strings.sentPrivate : strings.sentPending;
    return page(
      c,
      strings,
      201,
      html`<div class="panel" role="status">
          <h1>${strings.sentTitle}</h1>
          ${reference ? html`<p class="panel-body">${strings.referenceIs(reference)}</p>` : ''}
        </div>
        <p>${said}</p>
        ${reference ? html`<p>${strings.referenceHint}</p>` : ''}
        <p>${state.returnTo ? html`<a href="${state.returnTo}">${strings.backToSection}</a>` : strings.closePage}</p>`,
    );
  });
}

/**
 * The consultation is not taking responses: said in place of the form, with a way back to the
 * comments, and what the reader had typed, if anything, shown back so that nothing is lost.
 */
function closedPage(c: Context, state: FormState, closed: ClosedConsultation, status: 200 | 409) {
  const strings = stringsFor(state.lang);
  return page(
    c,
    strings,
    status,
    html`<h1>${strings.pageTitle}</h1>
      <div class="notice" role="status"><p>${refusalMessage(closed, strings)}</p></div>
      ${
        state.body
          ? html`<h2>${strings.notSentHeading}</h2>
            <p>${strings.notSentHint}</p>
            <p class="kept-comment">${state.body}</p>`
          : ''
      }
      <p>${state.returnTo ? html`<a href="${state.returnTo}">${strings.backToSection}</a>` : strings.closePage}</p>`,
  );
}

function formPage(
  c: Context,
  state: FormState,
  errors: Partial<Record<CommentField, string>>,
  askOrganisation: boolean,
  status: 200 | 400 | 429 | 503 = 200,
  problem = '',
) {
  const strings = stringsFor(state.lang);
  const listed = commentFields.filter((field) => errors[field]);
  // Without a script to move focus to the error summary, the title is what a screen reader reads first.
  const title = listed.length || problem ? `${strings.errorPrefix} ${strings.pageTitle}` : strings.pageTitle;
  const fieldError = (field: CommentField) =>
    errors[field]
      ? html`<p class="error-message" id="${field}-error"><span class="visually-hidden">${strings.errorPrefix}</span> ${errors[field]}</p>`
      : '';
  const describedBy = (field: CommentField, hint?: string) => [hint, errors[field] && `${field}-error`].filter(Boolean).join(' ');
  const choice = (name: 'visibility' | 'respondent', value: string, label: string) => html`<div class="choice">
    <input id="${name}-${value}" type="radio" name="${name}" value="${value}" ${state[name] === value ? 'checked' : ''} />
    <label for="${name}-${value}">${label}</label>
  </div>`;
  // Where each error summary link goes: a group of radios to its first.
  const target: Partial<Record<CommentField, string>> = {
    visibility: 'visibility-public',
    respondent: 'respondent-individual',
    answer: 'answer-0',
  };
  const question = state.question;
  const words = strings.locale === 'cy' ? questionCy : questionEn;
  const freeText = question ? questionDefaults(question).freeText : 'required';
  const hidden = (name: keyof FormState) => html`<input type="hidden" name="${name}" value="${state[name]}" />`;
  return page(
    c,
    strings,
    status,
    html`
      ${
        listed.length
          ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary-title">${strings.errorSummaryTitle}</h2>
            <ul>
              ${listed.map((field) => html`<li><a href="#${target[field] ?? field}">${errors[field]}</a></li>`)}
            </ul>
          </div>`
          : ''
      }
      ${problem ? html`<p class="error-text" role="alert">${problem}</p>` : ''}
      <h1>${strings.pageTitle}</h1>
      <p class="hint">${strings.sectionLabel(state.sectionTitle ?? state.section)}</p>
      <p><a href="/read?${new URLSearchParams({ page: state.page, section: state.section, ...(state.lang && { lang: state.lang }), ...(state.returnTo && { return: state.returnTo }) })}">${strings.readLink}</a></p>
      <form method="post" action="/respond" novalidate>
        ${hidden('page')} ${hidden('section')} ${hidden('parentId')} ${hidden('idempotency')} ${hidden('returnTo')} ${hidden('lang')}
        <div class="field ${errors.name ? 'has-error' : ''}">
          <label for="name">${strings.nameLabel}</label>
          ${fieldError('name')}
          <input class="input" id="name" name="name" type="text" autocomplete="name" spellcheck="false" value="${state.name}" ${describedBy('name') ? html`aria-describedby="${describedBy('name')}"` : ''} />
        </div>
        <div class="field ${errors.email ? 'has-error' : ''}">
          <label for="email">${strings.emailLabel}</label>
          <div class="hint" id="email-hint">${strings.emailHint}</div>
          ${fieldError('email')}
          <input class="input" id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="${state.email}" aria-describedby="${describedBy('email', 'email-hint')}" />
        </div>
        ${
          askOrganisation || state.respondent
            ? html`<div class="field ${errors.respondent || errors.organisation ? 'has-error' : ''}">
              <fieldset ${errors.respondent ? html`aria-describedby="respondent-error"` : ''}>
                <legend>${strings.respondentLegend}</legend>
                ${fieldError('respondent')} ${choice('respondent', 'individual', strings.respondentIndividual)}
                ${choice('respondent', 'organisation', strings.respondentOrganisation)}
                <div class="conditional">
                  <label for="organisation">${strings.organisationLabel}</label>
                  <div class="hint" id="organisation-hint">${strings.organisationHint}</div>
                  ${fieldError('organisation')}
                  <input class="input" id="organisation" name="organisation" type="text" autocomplete="organization" value="${state.organisation}" aria-describedby="${describedBy('organisation', 'organisation-hint')}" />
                </div>
              </fieldset>
            </div>`
            : ''
        }
        ${question ? questionField(question, state, errors, fieldError, words) : ''}
        ${
          freeText === 'none'
            ? ''
            : html`<div class="field ${errors.body ? 'has-error' : ''}">
          <label for="body">${freeText === 'optional' ? `${strings.bodyLabel} ${words.optional}` : strings.bodyLabel}</label>
          <div class="hint" id="body-hint">${strings.bodyLimitHint(limits.bodyMax)}</div>
          ${fieldError('body')}
          <textarea class="input textarea" id="body" name="body" rows="8" aria-describedby="${describedBy('body', 'body-hint')}">${state.body}</textarea>
        </div>`
        }
        <div class="field ${errors.visibility ? 'has-error' : ''}">
          <fieldset ${errors.visibility ? html`aria-describedby="visibility-error"` : ''}>
            <legend>${strings.visibilityLegend}</legend>
            ${fieldError('visibility')} ${choice('visibility', 'public', strings.visibilityPublic)}
            ${choice('visibility', 'anonymous', strings.visibilityAnonymous)} ${choice('visibility', 'private', strings.visibilityPrivate)}
          </fieldset>
        </div>
        ${errors.parentId ? html`<p class="error-text" id="parentId">${errors.parentId}</p>` : ''}
        <div class="website">
          <label for="website">Website</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="${state.website}" />
        </div>
        <p class="notice">${strings.moderationNotice}</p>
        <button class="button" type="submit">${strings.submit}</button>
      </form>
    `,
    title,
  );
}

function page(
  c: Context,
  strings: RespondStrings,
  status: 200 | 201 | 400 | 403 | 409 | 410 | 413 | 429 | 503,
  content: Markup,
  title = strings.pageTitle,
) {
  c.header('Content-Security-Policy', contentSecurityPolicy);
  c.header('Cache-Control', 'no-store');
  return c.html(pageHtml(strings, content, title), status);
}

/** A whole page for readers without JavaScript, in the GOV.UK style of `/respond.css`, with no script and no inline style. */
export function pageHtml(strings: RespondStrings, content: Markup, title: string) {
  return html`<!doctype html>
      <html lang="${strings.locale}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>${title}</title>
          <link rel="stylesheet" href="/respond.css" />
        </head>
        <body>
          <main class="page">${content}</main>
        </body>
      </html>`;
}

/** The question the form asks: the section's, unless the form is a reply, which answers none. */
const questionOf = (consultation: ConsultationRecord | undefined, state: FormState) =>
  state.parentId ? null : (consultation?.sections.find((section) => section.id === state.section)?.question ?? null);

/** The section's question as GOV.UK radios or checkboxes, in a fieldset whose legend is the question. */
function questionField(
  question: SectionQuestion,
  state: FormState,
  errors: Partial<Record<CommentField, string>>,
  fieldError: (field: CommentField) => unknown,
  words: QuestionStrings,
) {
  const multiple = question.type === 'multiple';
  const describedBy = [multiple && 'answer-hint', errors.answer && 'answer-error'].filter(Boolean).join(' ');
  return html`<div class="field ${errors.answer ? 'has-error' : ''}">
    <fieldset ${describedBy ? html`aria-describedby="${describedBy}"` : ''}>
      <legend class="question-legend">${question.text}</legend>
      ${multiple ? html`<div class="hint" id="answer-hint">${words.selectAll}</div>` : ''} ${fieldError('answer')}
      ${question.options.map(
        (option, index) => html`<div class="choice">
          <input id="answer-${index}" type="${multiple ? 'checkbox' : 'radio'}" name="answer" value="${option}" ${state.answer.includes(option) ? 'checked' : ''} />
          <label for="answer-${index}">${option}</label>
        </div>`,
      )}
    </fieldset>
  </div>`;
}
