import * as z from 'zod/mini';

/**
 * The limits of a closed question: its text, each option (and the department's error message),
 * and how many options. Kept here rather than in `limits`, which every reader's page downloads.
 */
export const questionLimits = { textMax: 500, optionMax: 200, optionsMin: 2, optionsMax: 20 } as const;

/** `single`: one answer, as radios; `multiple`: any number, as checkboxes. */
export const questionTypes = ['single', 'multiple'] as const;
/** Whether the comment box is required beside the question, offered, or not shown at all. */
export const freeTextModes = ['required', 'optional', 'none'] as const;

const questionText = (max: number) => /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A closed question a section asks above its comment box, such as "Do you agree with our
 * proposal to charge for visitor permits?" with Agree / Disagree / Neither. Answers are the
 * options' texts exactly as declared, which is why an option that has answers can be added to but
 * never removed or reworded.
 */
export const SectionQuestion = /* @__PURE__ */ z.object({
  text: questionText(questionLimits.textMax),
  type: z.enum(questionTypes),
  /** 2 to 20, each different (checked with the consultation, `ConsultationInput`, so that a reader's page never loads a refinement). */
  options: z
    .array(questionText(questionLimits.optionMax))
    .check(z.minLength(questionLimits.optionsMin), z.maxLength(questionLimits.optionsMax)),
  /** Whether a respondent must answer it; default true. */
  required: z.optional(z.boolean()),
  /** Whether the comment box is required, optional or not asked; default `required`. */
  freeText: z.optional(z.enum(freeTextModes)),
  /**
   * What a respondent who left a required question unanswered is told, in the department's words
   * ("Select whether you agree with charging for visitor permits"); by default, "Select an answer".
   */
  errorMessage: z.optional(questionText(questionLimits.optionMax)),
});
export type SectionQuestion = z.infer<typeof SectionQuestion>;

/** How many responses chose each option, in the order the options are declared. */
export const AnswerCounts = /* @__PURE__ */ z.array(z.object({ option: z.string(), count: z.number() }));
export type AnswerCounts = z.infer<typeof AnswerCounts>;

type QuestionedSection = { id: string; question?: SectionQuestion | null };

/**
 * The options that a change of a consultation's sections would take away (removed, reworded, or
 * their section dropped), section by section, with the field of the change that a refusal names:
 * a backend refuses the change when any of them has answers.
 */
export function optionsTakenAway(
  before: readonly QuestionedSection[],
  after: readonly QuestionedSection[],
): { section: string; field: string; options: string[] }[] {
  return before.flatMap((previous) => {
    const index = after.findIndex((section) => section.id === previous.id);
    const kept = new Set(after[index]?.question?.options ?? []);
    const options = (previous.question?.options ?? []).filter((option) => !kept.has(option));
    return options.length ? [{ section: previous.id, field: index < 0 ? 'sections' : `sections.${index}.question.options`, options }] : [];
  });
}

/** Why a change that takes away an answered option is refused (`409 option_in_use`). */
export const optionInUseMessage = (option: string, section: string): string =>
  `The option "${option}" of the question in section "${section}" has answers: options can be added, but one with answers cannot be removed or reworded.`;

/**
 * How many responses chose each option of a question, in the order it declares them, from
 * tallies of each combination chosen: those published and those received privately (counted,
 * never shown), not those waiting, refused or kept as spam.
 */
export function answerCounts(
  question: SectionQuestion,
  tallies: readonly { options: readonly string[]; status: string; count: number }[],
): AnswerCounts {
  const counted = tallies.filter((tally) => tally.status === 'published' || tally.status === 'received');
  return question.options.map((option) => ({
    option,
    count: counted.reduce((sum, tally) => sum + (tally.options.includes(option) ? tally.count : 0), 0),
  }));
}
