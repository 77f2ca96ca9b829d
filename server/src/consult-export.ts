import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ConsultationRecord, StoredComment } from './storage/storage.js';

/*
 * A consultation's responses as Consult, the UK government's tool for analysing consultation
 * responses (github.com/i-dot-ai/consult), imports them: what the pydantic models of its
 * backend/data_pipeline/models.py accept (every one forbids other fields) and its
 * backend/data_pipeline/sync/consultation_setup.py reads, under the inputs/ folder it reads from:
 *
 *   inputs/respondents.jsonl                    { themefinder_id, demographic_data: { field: [values] } }
 *   inputs/question_part_<n>/question.json      { question_text, question_number, has_free_text, multi_choice_options }
 *   inputs/question_part_<n>/responses.jsonl    { themefinder_id, text }
 *   inputs/question_part_<n>/multi_choice.jsonl { themefinder_id, options }
 *
 * One question per section, numbered in the consultation's order of sections: the section's own
 * closed question where it asks one (its options declared, and free text only where the comment
 * box is shown), its title otherwise; one themefinder_id per respondent across sections, each
 * listed in respondents.jsonl.
 */

/** Responses an analyst reads: not the department's own, and not what moderators rejected or marked as spam. */
const analysed = (comment: StoredComment) => comment.role !== 'official' && comment.status !== 'rejected' && comment.status !== 'spam';

/** Text Consult's importer reads as no answer at all (consultation_setup.py): such a response adds nothing to analyse. */
const noAnswer = new Set(['', 'Not Provided', '-']);

/** One line of JSON per value, each ended by a line feed. */
const jsonLines = (values: unknown[]) => values.map((value) => `${JSON.stringify(value)}\n`).join('');

/**
 * The zip. A respondent is known by their email address, whatever its case; a response whose
 * sender's data was erased is a respondent of its own. Several responses of one respondent to one
 * section are one answer, their texts in the order written, a blank line apart.
 */
export function consultZip(comments: StoredComment[], consultation: ConsultationRecord | undefined): Uint8Array {
  const responses = comments.filter(analysed);
  const titles = new Map((consultation?.sections ?? []).map((section) => [section.id, section.title]));
  const questions = new Map((consultation?.sections ?? []).map((section) => [section.id, section.question ?? null]));
  // The consultation's sections first, in its order; then any other section responses came to.
  const sections = [...titles.keys(), ...new Set(responses.map((r) => r.section).filter((section) => !titles.has(section)))];

  const idOf = new Map<string, number>();
  const respondents: { themefinder_id: number; demographic_data: Record<string, string[]> }[] = [];
  const respondentOf = (comment: StoredComment): number => {
    const key = comment.email ? `email:${comment.email.toLowerCase()}` : `response:${comment.id}`;
    let id = idOf.get(key);
    if (id === undefined) {
      id = respondents.length + 1;
      idOf.set(key, id);
      respondents.push({ themefinder_id: id, demographic_data: {} });
    }
    // What a respondent said last about themselves stands: a later response may name an organisation.
    const demographics = respondents[id - 1]!.demographic_data;
    if (comment.respondent) demographics.respondent_type = [comment.respondent];
    if (comment.organisation) demographics.organisation = [comment.organisation];
    if (comment.lang) demographics.language = [comment.lang];
    return id;
  };

  const files: Zippable = {};
  sections.forEach((section, index) => {
    const number = index + 1;
    const asked = questions.get(section) ?? null;
    const hasFreeText = asked?.freeText !== 'none';
    const options = asked?.options ?? [];
    const texts = new Map<number, string[]>();
    const chosen = new Map<number, Set<string>>();
    for (const comment of responses.filter((r) => r.section === section)) {
      const text = hasFreeText && !noAnswer.has(comment.body) ? comment.body : null;
      const answer = (comment.answer ?? []).filter((option) => options.includes(option));
      if (!text && !answer.length) continue;
      const id = respondentOf(comment);
      if (text) texts.set(id, [...(texts.get(id) ?? []), text]);
      if (answer.length) chosen.set(id, new Set([...(chosen.get(id) ?? []), ...answer]));
    }
    const question = {
      question_text: asked?.text ?? titles.get(section) ?? section,
      question_number: number,
      has_free_text: hasFreeText,
      multi_choice_options: options,
    };
    const folder = `inputs/question_part_${number}`;
    files[`${folder}/question.json`] = strToU8(`${JSON.stringify(question)}\n`);
    if (hasFreeText) {
      files[`${folder}/responses.jsonl`] = strToU8(
        jsonLines([...texts].map(([id, each]) => ({ themefinder_id: id, text: each.join('\n\n') }))),
      );
    }
    // A respondent's choices across their responses to the section, in the order the question declares them.
    if (options.length) {
      files[`${folder}/multi_choice.jsonl`] = strToU8(
        jsonLines([...chosen].map(([id, set]) => ({ themefinder_id: id, options: options.filter((option) => set.has(option)) }))),
      );
    }
  });
  files['inputs/respondents.jsonl'] = strToU8(jsonLines(respondents));
  return zipSync(files, { level: 6 });
}
