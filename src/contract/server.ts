import * as z from 'zod/mini';
import { limits } from './limits.js';
import { SectionQuestion } from './questions.js';
import {
  Comment,
  CommentStatus,
  Consultation,
  id,
  isoDateTimePattern,
  Outcome,
  pageId,
  Respondent,
  ResponseLanguage,
  sectionId,
  Visibility,
  wholeNumber,
} from './schemas.js';
import { atMostCharacters, emailPattern } from './new-comment.js';

/*
 * Shapes only servers and the moderation console use: queries, moderation and export. Kept apart
 * from the public shapes so that a reader's page never downloads them.
 */

/** Query of `GET /api/v1/comments`. */
export const ListCommentsQuery = /* @__PURE__ */ z.object({
  page: pageId,
  section: sectionId,
  limit: z.optional(z.coerce.number().check(z.minimum(1), z.maximum(limits.listLimitMax), z.refine(Number.isInteger))),
  cursor: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
});
export type ListCommentsQuery = z.input<typeof ListCommentsQuery>;

/** A refused new comment: `400 { error: "validation", fields: { name: "Enter your name" } }`. */
export const ValidationErrorBody = /* @__PURE__ */ z.object({
  error: z.literal('validation'),
  fields: z.record(z.string(), z.string()),
});
export type ValidationErrorBody = z.infer<typeof ValidationErrorBody>;

/** Where a response's emailed receipt is: waiting (and perhaps being tried again), sent, or given up on. */
export const receiptStates = ['pending', 'sent', 'failed'] as const;
export const ReceiptState = /* @__PURE__ */ z.enum(receiptStates);
export type ReceiptState = z.infer<typeof ReceiptState>;

/** A comment as moderators see it: with the email, the visibility and when it last changed. */
export const ModerationComment = /* @__PURE__ */ z.object({
  ...Comment.shape,
  email: z.string(),
  visibility: Visibility,
  updatedAt: z.string().check(z.regex(isoDateTimePattern)),
  /** Whom the respondent answered for, when asked. */
  respondent: z.optional(z.nullable(Respondent)),
  /** The language the response was written in. */
  lang: z.optional(z.nullable(ResponseLanguage)),
  /** The reference the respondent was given, such as `CC-7K3M-Q9TX`. */
  reference: z.optional(z.nullable(z.string())),
  /** Where its emailed receipt is, when the server sends receipts: `pending`, `sent` or `failed`. */
  receipt: z.optional(z.nullable(ReceiptState)),
  /**
   * Readers' reports: how many readers reported it, how many of those since a moderator last
   * decided on it, and the reasons they gave, oldest first.
   */
  reports: z.optional(z.object({ count: wholeNumber, unreviewed: wholeNumber, reasons: z.array(z.string()) })),
  /** The campaign of near-identical responses it belongs to (the id of the campaign's first response), if any. */
  campaign: z.optional(z.nullable(z.string())),
  /** How many responses its campaign holds, whatever their status. */
  campaignSize: z.optional(wholeNumber),
  /** In a queue that lists each campaign once: how many responses matching the filters this one stands for. */
  shownTogether: z.optional(wholeNumber),
});
export type ModerationComment = z.infer<typeof ModerationComment>;

/** Query of `GET /api/v1/moderation/comments`: every filter is optional. */
export const ModerationQuery = /* @__PURE__ */ z.object({
  status: z.optional(CommentStatus),
  page: z.optional(pageId),
  section: z.optional(sectionId),
  visibility: z.optional(Visibility),
  /** Responses whose emailed receipt is in this state: `failed` lists the receipts that could not be sent. */
  receipt: z.optional(ReceiptState),
  /** A reference as a respondent might read it out: case, spaces and look-alike letters do not matter. */
  reference: z.optional(z.string().check(z.maxLength(40))),
  /** `true`: only comments readers have reported since a moderator last decided on them. */
  reported: z.optional(z.enum(['true'])),
  /** Only this campaign's responses, one by one; without it, each campaign is listed once. */
  campaign: z.optional(z.string().check(z.maxLength(limits.idMax))),
  /** Only responses sent from this address, whatever its case: a respondent asking what they sent. */
  email: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.emailMax))),
  limit: z.optional(z.coerce.number().check(z.minimum(1), z.maximum(limits.moderationLimitMax), z.refine(Number.isInteger))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type ModerationQuery = z.input<typeof ModerationQuery>;

/**
 * The moderation queue, newest first, with how many comments match each status, and how many
 * readers have reported since a moderator last decided (both whatever the status filter).
 */
export const ModerationPage = /* @__PURE__ */ z.object({
  comments: z.array(ModerationComment),
  nextCursor: z.nullable(z.string()),
  total: wholeNumber,
  statusCounts: z.record(z.string(), wholeNumber),
  reportedCount: wholeNumber,
});
export type ModerationPage = z.infer<typeof ModerationPage>;

/** Body of `PATCH /api/v1/moderation/comments/{id}`. */
export const StatusUpdate = /* @__PURE__ */ z.object({
  status: z.enum(['published', 'rejected', 'spam']),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

/** Body of `POST /api/v1/comments/{id}/reports`: a reader reporting a published comment, with a reason if they give one. */
export const ReportInput = /* @__PURE__ */ z.object({
  reason: z.optional(z.nullable(z.string().check(z.trim(), atMostCharacters(limits.reportReasonMax, 'tooLong')))),
});
export type ReportInput = z.input<typeof ReportInput>;

/** Body of `PATCH /api/v1/moderation/campaigns/{campaign}`: a status for every response of a campaign, or only for those in status `from`. */
export const CampaignStatusUpdate = /* @__PURE__ */ z.object({
  status: z.enum(['published', 'rejected', 'spam']),
  from: z.optional(CommentStatus),
  /**
   * The responses whose text the moderator was shown: approving publishes only the campaign's
   * responses whose normalised text is one of theirs. Required to approve.
   */
  seen: z.optional(z.array(z.string().check(z.maxLength(limits.idMax))).check(z.minLength(1), z.maxLength(limits.moderationLimitMax))),
});
export type CampaignStatusUpdate = z.infer<typeof CampaignStatusUpdate>;

/** Query of `GET /api/v1/moderation/export`. */
export const ExportQuery = /* @__PURE__ */ z.object({
  page: z.optional(pageId),
  /** `consult`: a zip in the input layout of Consult, the UK government's analysis tool; needs a page. */
  format: z.optional(z.enum(['csv', 'json', 'consult'])),
});

/** Body of `POST /api/v1/moderation/erase`. */
export const EraseRequest = /* @__PURE__ */ z.object({
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.emailMax)),
});
/** How many responses an erasure touched. */
export const EraseResult = /* @__PURE__ */ z.object({ erased: wholeNumber });

/** `GET /api/v1/health`. */
export const Health = /* @__PURE__ */ z.object({
  status: z.enum(['ok', 'unavailable']),
  /** `ok` once the database answered and took a write; else why not. */
  database: z.enum(['ok', 'unreachable', 'read-only']),
  storage: z.enum(['sqlite', 'postgres']),
});

const text = (max: number) => /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/**
 * Whether an ISO 8601 date and time names a moment that exists: a month of the year, a day of that
 * month (29 February only in a leap year), an hour of the day, and an offset that some place uses
 * (up to 14 hours). `Date.parse` would quietly turn 30 February into 2 March.
 */
export function isRealDateTime(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59 &&
    offsetHours * 60 + offsetMinutes <= 14 * 60
  );
}

const dateTime = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(isoDateTimePattern, 'an ISO 8601 date and time with its offset, such as 2027-03-31T23:59:00+01:00'),
    z.refine(isRealDateTime, 'a date and time that exists, such as 2027-03-31T23:59:00+01:00 (not 30 February, nor hour 25)'),
  );

/**
 * Body of `PUT /api/v1/moderation/consultations/{page}`: the whole record, which replaces what was
 * there. Leaving out `closesAt` (or sending null) keeps it open; moving it extends or reopens it.
 */
export const ConsultationInput = /* @__PURE__ */ z
  .object({
    title: text(limits.titleMax),
    opensAt: z.optional(z.nullable(dateTime)),
    closesAt: z.optional(z.nullable(dateTime)),
    department: z.optional(z.nullable(text(limits.titleMax))),
    askOrganisation: z.optional(z.boolean()),
    /** Where respondents write to withdraw a response; never shown in a public answer. */
    contactEmail: z.optional(
      z.nullable(z.string().check(z.trim(), z.maxLength(limits.emailMax), z.regex(emailPattern, 'an email address'))),
    ),
    /** Whether, once it has closed, each section shows how many responses chose each option of its question. */
    showAnswerCounts: z.optional(z.boolean()),
    sections: z.optional(
      z
        .array(
          z
            .object({
              id: sectionId,
              title: text(limits.titleMax),
              question: z.optional(z.nullable(SectionQuestion)),
              /** Earlier ids or heading slugs: posts and lists to one are the section's own. */
              aliases: z.optional(z.array(sectionId).check(z.maxLength(limits.aliasesMax))),
              /** The section's published wording: each change of it is a new version. */
              text: z.optional(z.nullable(text(limits.sectionTextMax))),
              /** What changed in the wording, for the public change log; kept with the new version. */
              note: z.optional(z.nullable(text(limits.noteMax))),
            })
            .check(
              z.refine((section) => !section.question || new Set(section.question.options).size === section.question.options.length, {
                message: 'each option must be different',
                path: ['question', 'options'],
              }),
            ),
        )
        .check(z.maxLength(limits.sectionsMax)),
    ),
  })
  .check(
    z.refine((input) => !input.opensAt || !input.closesAt || Date.parse(input.opensAt) < Date.parse(input.closesAt), {
      message: 'closesAt must be after opensAt',
      path: ['closesAt'],
    }),
    // An id names one section: an alias may be neither another section's id nor another's alias.
    z.check((context) => {
      const named = new Map<string, number>();
      (context.value.sections ?? []).forEach((section, i) => {
        for (const name of [section.id, ...(section.aliases ?? [])]) {
          const other = named.get(name);
          if (other !== undefined && other !== i)
            context.issues.push({
              code: 'custom',
              input: context.value,
              path: ['sections', i, 'aliases'],
              message: `"${name}" already names another section`,
            });
          named.set(name, i);
        }
      });
    }),
  );
export type ConsultationInput = z.input<typeof ConsultationInput>;

/** A consultation as moderators see it: with its contact, its sections and its responses by status. */
export const ModerationConsultation = /* @__PURE__ */ z.object({
  ...Consultation.shape,
  contactEmail: z.nullable(z.string()),
  showAnswerCounts: z.boolean(),
  sections: z.array(
    z.object({
      id: sectionId,
      title: z.string(),
      question: z.nullable(SectionQuestion),
      aliases: z.array(sectionId),
      text: z.nullable(z.string()),
      /** The version of the wording now, or null while the section has none. */
      version: z.nullable(wholeNumber),
    }),
  ),
  updatedAt: z.string().check(z.regex(isoDateTimePattern)),
  /** Responses to the page by status (`pending`, `published`, …). */
  statusCounts: z.record(z.string(), wholeNumber),
});
export type ModerationConsultation = z.infer<typeof ModerationConsultation>;

/** `GET /api/v1/moderation/consultations`, and the answer to a PUT (`{ consultation }`). */
export const ConsultationList = /* @__PURE__ */ z.object({ consultations: z.array(ModerationConsultation) });

/** One section's responses in the overview: published with a name, without one, sent privately, and waiting. */
export const SectionFigures = /* @__PURE__ */ z.object({
  section: sectionId,
  title: z.string(),
  public: wholeNumber,
  anonymous: wholeNumber,
  private: wholeNumber,
  pending: wholeNumber,
});
export type SectionFigures = z.infer<typeof SectionFigures>;

/** How a section's closed question was answered, option by option, and by whom. */
export const QuestionFigures = /* @__PURE__ */ z.object({
  section: sectionId,
  title: z.string(),
  /** The question's own words. */
  text: z.string(),
  type: z.enum(['single', 'multiple']),
  /** Responses that chose at least one option. */
  answered: wholeNumber,
  options: z.array(z.object({ option: z.string(), individual: wholeNumber, organisation: wholeNumber, notAsked: wholeNumber })),
});
export type QuestionFigures = z.infer<typeof QuestionFigures>;

/**
 * `GET /api/v1/moderation/overview?page=P`: a consultation's shape at a glance. Responses are the
 * public's (not the department's), whatever their status but spam; days are UK dates.
 */
export const Overview = /* @__PURE__ */ z.object({
  page: pageId,
  consultation: z.nullable(ModerationConsultation),
  total: wholeNumber,
  sections: z.array(SectionFigures),
  /** Every day from the first response to the last, `2026-12-04`, with how many arrived that day in UK time. */
  perDay: z.array(z.object({ date: z.string(), count: wholeNumber })),
  respondents: z.object({ individual: wholeNumber, organisation: wholeNumber, notAsked: wholeNumber }),
  languages: z.object({ en: wholeNumber, cy: wholeNumber, unknown: wholeNumber }),
  /** Each section's closed question, in the consultation's order; left out by backends without questions. */
  questions: z.optional(z.array(QuestionFigures)),
});
export type Overview = z.infer<typeof Overview>;
export const SavedConsultation = /* @__PURE__ */ z.object({ consultation: ModerationConsultation });

/** `GET /api/v1/consultations/{page}`. */
export const PublicConsultation = /* @__PURE__ */ z.object({ consultation: Consultation });

/**
 * Body of `POST /api/v1/moderation/comments`: the department's own response, published at once
 * under its name, whatever the consultation's state.
 */
export const OfficialCommentInput = /* @__PURE__ */ z.object({
  page: pageId,
  section: sectionId,
  parentId: z.optional(z.nullable(id)),
  body: text(limits.outcomeMax),
});
export type OfficialCommentInput = z.input<typeof OfficialCommentInput>;

/** Body of `PUT /api/v1/moderation/outcomes/{page}/{section}`. */
export const OutcomeInput = /* @__PURE__ */ z.object({ body: text(limits.outcomeMax) });
export const SavedOutcome = /* @__PURE__ */ z.object({ outcome: Outcome });
