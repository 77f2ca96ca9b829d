import { csvHeader, csvRow, exportedResponse, ModerationComment, type QuestionOf, type VersionFrom } from 'civic-comments/contract';
import type { StoredComment } from './storage/storage.js';

/*
 * The CSV and JSON exports, written as they are read: the download starts at once, and however many
 * responses a consultation has, the server holds one batch of them (and the batch's text) at a time,
 * as the reader of the stream takes it. Each is byte for byte the file the whole export would be.
 */

/** What turns a stored response into an exported one: its question and when its wording was published. */
export interface ExportContext {
  questionOf: QuestionOf;
  versionFrom: VersionFrom;
}

/** The CSV: a byte order mark (so that spreadsheet programs read UTF-8), the header row, then a row per response. */
export async function* csvExport(
  batches: AsyncIterable<StoredComment[]>,
  { questionOf, versionFrom }: ExportContext,
): AsyncIterable<string> {
  yield `\uFEFF${csvHeader}`;
  for await (const batch of batches) yield batch.map((response) => csvRow(response, questionOf, versionFrom)).join('');
}

/** The JSON: `{ page, exportedAt, responses: [...] }`, as `JSON.stringify` writes it whole. */
export async function* jsonExport(
  batches: AsyncIterable<StoredComment[]>,
  page: string | null,
  exportedAt: string,
  { questionOf, versionFrom }: ExportContext,
): AsyncIterable<string> {
  yield `{"page":${JSON.stringify(page)},"exportedAt":${JSON.stringify(exportedAt)},"responses":[`;
  let separator = '';
  for await (const batch of batches) {
    let text = '';
    for (const response of batch) {
      text += separator + JSON.stringify(exportedResponse(ModerationComment.parse(response), questionOf, versionFrom));
      separator = ',';
    }
    yield text;
  }
  yield ']}';
}

/**
 * A stream of the parts (text as UTF-8), read only as fast as the client takes it. A failure half-way (the
 * database going away) ends the stream in error, so that the download fails rather than leaving a
 * file that looks whole; it is logged with what had been written.
 */
export function streamOf(parts: AsyncIterable<string | Uint8Array>, what: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  let written = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) return controller.close();
          const bytes = typeof value === 'string' ? encoder.encode(value) : value;
          written += bytes.byteLength;
          controller.enqueue(bytes);
        } catch (error) {
          console.error(`civic-comments-server: ${what} failed after ${written} bytes: ${(error as Error).message}`);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
