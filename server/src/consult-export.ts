import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ConsultationRecord, ConsultReader, ConsultRow } from './storage/storage.js';

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
 * box is shown), its title otherwise; then any other section responses came to. One themefinder_id
 * per respondent across sections, each listed in respondents.jsonl.
 *
 * The zip is written as it is read, file after file, each from a scan of the responses in the order
 * of their respondents: the server holds one batch of responses and one respondent's answers at a
 * time, whatever the consultation's size. Respondents are numbered in that order, the same in every
 * scan, since every scan reads one snapshot of the database.
 */

/** Text Consult's importer reads as no answer at all (consultation_setup.py): such a response adds nothing to analyse. */
const noAnswer = new Set(['', 'Not Provided', '-']);

/** How much of a file's text is gathered before it is compressed and handed on. */
const chunkCharacters = 64 * 1024;

/** One respondent's responses in a scan, and the number that stands for them in every file. */
interface Respondent {
  id: number;
  responses: ConsultRow[];
}

/**
 * The responses of a scan gathered by respondent, numbered from 1: a respondent is known by their
 * email address, whatever its case; a response whose sender gave none, or whose data was erased, is
 * a respondent of its own.
 */
async function* respondentsOf(batches: AsyncIterable<ConsultRow[]>): AsyncIterable<Respondent> {
  let current: Respondent | undefined;
  let currentKey = '';
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const key = row.emailKey ? `email:${row.emailKey}` : `response:${row.id}`;
      if (current && key === currentKey) {
        current.responses.push(row);
        continue;
      }
      if (current) yield current;
      count += 1;
      current = { id: count, responses: [row] };
      currentKey = key;
    }
  }
  if (current) yield current;
}

/** A zip written file after file, the compressed bytes taken as they come. */
class ZipStream {
  private readonly zip: Zip;
  private ready: Uint8Array[] = [];

  constructor() {
    this.zip = new Zip((error, chunk) => {
      if (error) throw error;
      this.ready.push(chunk);
    });
  }

  /** The bytes written since last taken. */
  take(): Uint8Array[] {
    const taken = this.ready;
    this.ready = [];
    return taken;
  }

  /** Writes one file from its lines, compressing each chunk of them as it is gathered. */
  async *file(name: string, lines: AsyncIterable<string>): AsyncIterable<Uint8Array> {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    let gathered = '';
    for await (const line of lines) {
      gathered += line;
      if (gathered.length < chunkCharacters) continue;
      file.push(strToU8(gathered));
      gathered = '';
      yield* this.take();
    }
    file.push(strToU8(gathered), true);
    yield* this.take();
  }

  end(): Uint8Array[] {
    this.zip.end();
    return this.take();
  }
}

/** One line of JSON, ended by a line feed. */
const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

/** What a respondent said last about themselves stands: a later response may name an organisation. */
function demographicsOf(responses: ConsultRow[]): Record<string, string[]> {
  const demographics: Record<string, string[]> = {};
  for (const response of responses) {
    if (response.respondent) demographics.respondent_type = [response.respondent];
    if (response.organisation) demographics.organisation = [response.organisation];
    if (response.lang) demographics.language = [response.lang];
  }
  return demographics;
}

/**
 * The zip of one consultation, as it is written: its snapshot is taken when the first byte is
 * asked for, and ended with the last, or when the download stops.
 */
export async function* consultExport(
  open: () => Promise<ConsultReader>,
  consultation: ConsultationRecord | undefined,
): AsyncIterable<Uint8Array> {
  const reader = await open();
  try {
    yield* consultZip(reader, consultation);
  } finally {
    await reader.close();
  }
}

/**
 * The zip, as it is written from a reader the caller closes. Several responses of one
 * respondent to one section are one answer, their texts in the order written, a blank line apart,
 * their choices in the order the question declares them.
 */
export async function* consultZip(reader: ConsultReader, consultation: ConsultationRecord | undefined): AsyncIterable<Uint8Array> {
  const zip = new ZipStream();
  const titles = new Map((consultation?.sections ?? []).map((section) => [section.id, section.title]));
  const questions = new Map((consultation?.sections ?? []).map((section) => [section.id, section.question ?? null]));
  // The consultation's sections first, in its order; then any other section responses came to,
  // as the first scan finds them.
  const sections = [...titles.keys()];

  async function* respondentLines(): AsyncIterable<string> {
    for await (const { id, responses } of respondentsOf(reader.scan(null))) {
      for (const { section } of responses) if (!titles.has(section) && !sections.includes(section)) sections.push(section);
      yield jsonLine({ themefinder_id: id, demographic_data: demographicsOf(responses) });
    }
  }
  yield* zip.file('inputs/respondents.jsonl', respondentLines());

  for (const [index, section] of sections.entries()) {
    const number = index + 1;
    const asked = questions.get(section) ?? null;
    const hasFreeText = asked?.freeText !== 'none';
    const options = asked?.options ?? [];
    const folder = `inputs/question_part_${number}`;
    const question = {
      question_text: asked?.text ?? titles.get(section) ?? section,
      question_number: number,
      has_free_text: hasFreeText,
      multi_choice_options: options,
    };
    yield* zip.file(
      `${folder}/question.json`,
      (async function* () {
        yield jsonLine(question);
      })(),
    );
    if (hasFreeText) {
      yield* zip.file(
        `${folder}/responses.jsonl`,
        (async function* () {
          for await (const { id, responses } of respondentsOf(reader.scan(section))) {
            const texts = responses.flatMap(({ body }) => (body === null || noAnswer.has(body) ? [] : [body]));
            if (texts.length) yield jsonLine({ themefinder_id: id, text: texts.join('\n\n') });
          }
        })(),
      );
    }
    if (options.length) {
      yield* zip.file(
        `${folder}/multi_choice.jsonl`,
        (async function* () {
          for await (const { id, responses } of respondentsOf(reader.scan(section))) {
            const chosen = new Set(responses.flatMap(({ answer }) => answer ?? []));
            if (options.some((option) => chosen.has(option)))
              yield jsonLine({ themefinder_id: id, options: options.filter((option) => chosen.has(option)) });
          }
        })(),
      );
    }
  }
  yield* zip.end();
}
