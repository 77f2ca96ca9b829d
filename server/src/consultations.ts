import { type ErrorCode, consultationState, type Consultation, type ModerationConsultation, versionNow } from 'civic-comments/contract';
import { noticeWords, type Strings } from 'civic-comments/i18n';
import type { ConsultationRecord } from './storage/storage.js';

/** A consultation as the public sees it, in its state at `now` by the server's clock. */
export function publicConsultation(record: ConsultationRecord, now = Date.now()): Consultation {
  return {
    page: record.page,
    title: record.title,
    opensAt: record.opensAt,
    closesAt: record.closesAt,
    state: consultationState(record, now),
    department: record.department,
    askOrganisation: record.askOrganisation,
  };
}

/** A consultation as moderators see it. */
export const moderationConsultation = (
  record: ConsultationRecord & { statusCounts: Record<string, number> },
  now = Date.now(),
): ModerationConsultation => ({
  ...publicConsultation(record, now),
  contactEmail: record.contactEmail,
  showAnswerCounts: record.showAnswerCounts,
  sections: record.sections.map((section) => ({
    id: section.id,
    title: section.title,
    question: section.question ?? null,
    aliases: section.aliases ?? [],
    text: section.text ?? null,
    version: versionNow(section),
  })),
  updatedAt: record.updatedAt,
  statusCounts: record.statusCounts,
});

/**
 * When the consultation next changes state with no write at all (it opens, or it closes), so that
 * an answer which shows its state is kept no longer than that.
 */
export function nextChange(record: ConsultationRecord | undefined, now = Date.now()): number | undefined {
  return [record?.opensAt, record?.closesAt].map((date) => (date ? Date.parse(date) : NaN)).find((time) => time > now);
}

/** Why a post is refused at `now`, with the dates, or undefined while the consultation is open. */
export function refusal(record: ConsultationRecord | undefined, now = Date.now()): ClosedConsultation | undefined {
  if (!record) return undefined;
  const state = consultationState(record, now);
  if (state === 'open') return undefined;
  return { state, opensAt: record.opensAt, closesAt: record.closesAt };
}

export interface ClosedConsultation {
  state: 'upcoming' | 'closed';
  opensAt: string | null;
  closesAt: string | null;
}

/** What a refused reader is told, in their language: "This consultation closed on 31 March 2027 at 11:59pm." */
export function refusalMessage(closed: ClosedConsultation, strings: Strings): string {
  const words = noticeWords(strings);
  return closed.state === 'upcoming'
    ? words.upcoming(strings.formatDateTime(closed.opensAt!))
    : `${words.closed(strings.formatDateTime(closed.closesAt!))} ${words.closedHint}`;
}

/** The error code of a refusal in the API's one error shape. */
export const refusalCode = (closed: ClosedConsultation): ErrorCode =>
  closed.state === 'upcoming' ? 'consultation_not_open' : 'consultation_closed';

/** Dates as stored: ISO 8601 in UTC, which sorts as time does, whatever offset they were sent with. */
/** What readers know a section by: the title its consultation gives it, or else its id. */
export const sectionTitleOf = (consultation: Pick<ConsultationRecord, 'sections'> | undefined, section: string): string =>
  consultation?.sections.find((each) => each.id === section)?.title ?? section;

export const storedDate = (date: string | null | undefined) => (date ? new Date(date).toISOString() : null);
