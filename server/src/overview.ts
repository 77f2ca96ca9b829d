import { overviewFigures, type Overview, type OverviewAnswer, type OverviewCount } from 'civic-comments/contract';
import { moderationConsultation } from './consultations.js';
import type { ConsultationRecord } from './storage/storage.js';

/** A consultation's overview from its counted responses. */
export function overviewOf(
  page: string,
  record: (ConsultationRecord & { statusCounts: Record<string, number> }) | undefined,
  counts: OverviewCount[],
  answers: OverviewAnswer[] = [],
): Overview {
  return {
    page,
    consultation: record ? moderationConsultation(record) : null,
    ...overviewFigures(counts, record?.sections ?? [], answers),
  };
}
