import { html, nothing, type TemplateResult } from 'lit';
import type { Comment } from '../../contract/public.js';
import { AnswerCounts, SectionQuestion } from '../../contract/questions.js';
import { errorMessage } from '../../internal/govuk/error-message.js';
import type { Strings } from '../../i18n/index.js';
import { questionCy } from '../../i18n/cy/question.js';
import { questionEn } from '../../i18n/en/question.js';
import type { QuestionStrings } from '../../i18n/features/question.js';
import { formatNumber } from '../../i18n/format.js';

/*
 * A section's closed question: GOV.UK radios or checkboxes above the comment box, the answer
 * beside a published response, and after the close how many chose each option. Fetched only by
 * pages whose sections ask one, so that other pages never download it.
 */

const wordsFor = (strings: Strings): QuestionStrings => (strings.locale.startsWith('cy') ? questionCy : questionEn);

/** The question as the backend sent it, once checked; null for anything that is not a question, which is then not asked. */
export function checkedQuestion(question: unknown): SectionQuestion | null {
  const checked = SectionQuestion.safeParse(question);
  return checked.success ? checked.data : null;
}

/** What the form tells the question's field: its answer so far, its error, and how to change it. */
export interface QuestionFieldState {
  strings: Strings;
  answer: readonly string[];
  error: string | undefined;
  setAnswer: (answer: string[]) => void;
}

/**
 * The question as GOV.UK radios (single choice) or checkboxes (multiple), in a fieldset whose
 * legend is the question; each option's id is `answer-<n>`, so that the error summary links to the first.
 */
export function questionField(question: SectionQuestion, state: QuestionFieldState): TemplateResult {
  const words = wordsFor(state.strings);
  const multiple = question.type === 'multiple';
  const describedBy = [multiple && 'answer-hint', state.error && 'answer-error'].filter(Boolean).join(' ');
  const toggle = (option: string, checked: boolean) =>
    state.setAnswer(
      multiple ? question.options.filter((each) => (each === option ? checked : state.answer.includes(each))) : checked ? [option] : [],
    );
  return html`
    <div class="field ${state.error ? 'has-error' : ''}" part="field question">
      <fieldset aria-describedby=${describedBy || nothing}>
        <legend class="question-legend">${question.text}</legend>
        ${multiple ? html`<div class="hint" id="answer-hint">${words.selectAll}</div>` : nothing}
        ${errorMessage('answer-error', state.strings.errorPrefix, state.error)}
        ${question.options.map(
          (option, index) => html`
            <div class="choice">
              <input
                id="answer-${index}"
                type=${multiple ? 'checkbox' : 'radio'}
                name="answer"
                .value=${option}
                .checked=${state.answer.includes(option)}
                @change=${(event: Event) => toggle(option, (event.target as HTMLInputElement).checked)}
              />
              <label for="answer-${index}">${option}</label>
            </div>
          `,
        )}
      </fieldset>
    </div>
  `;
}

/** Whether the comment box is shown beside the question, and its label: "Comment (optional)" where the question makes it so. */
export function bodyLabel(question: SectionQuestion, strings: Strings): string | null {
  const freeText = question.freeText ?? 'required';
  if (freeText === 'none') return null;
  return freeText === 'optional' ? `${strings.bodyLabel} ${wordsFor(strings).optional}` : strings.bodyLabel;
}

/** A published response's answer, as text beside it: "Answer: Agree". */
export function answerOf(comment: Comment, strings: Strings): TemplateResult | typeof nothing {
  return comment.answer?.length
    ? html`<p class="comment-answer" part="comment-answer">${wordsFor(strings).answer(comment.answer)}</p>`
    : nothing;
}

/** After the close, when the consultation shows them, how many chose each option, as a table. */
export function answerCountsTable(question: SectionQuestion, counts: unknown, strings: Strings): TemplateResult | typeof nothing {
  const checked = AnswerCounts.safeParse(counts);
  if (!checked.success) return nothing;
  const words = wordsFor(strings);
  return html`
    <table class="answer-counts" part="answer-counts">
      <caption>${words.countsCaption(question.text)}</caption>
      <thead>
        <tr><th scope="col">${words.optionHeading}</th><th scope="col">${words.countHeading}</th></tr>
      </thead>
      <tbody>
        ${checked.data.map((row) => html`<tr><th scope="row">${row.option}</th><td>${formatNumber(row.count)}</td></tr>`)}
      </tbody>
    </table>
  `;
}
