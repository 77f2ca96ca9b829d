import { campaignThreshold, decodeSignature, similarity } from './fingerprint.js';

/** A response already grouped that shares a band with one being grouped. */
export interface Candidate {
  id: string;
  campaign: string | null;
  fingerprint: string;
}

/** A response ready to be grouped: its signature, stored as `fingerprint`, and its band keys. */
export interface Fingerprinted {
  id: string;
  /** Empty for what is never grouped (the department's own responses). */
  fingerprint: string;
  signature?: Uint32Array;
  bands: string[];
}

/** The candidate most like the response, if any is like it enough to be one campaign with it. */
export function bestMatch(
  signature: Uint32Array,
  candidates: Candidate[],
  threshold = campaignThreshold,
): { candidate: Candidate; similarity: number } | undefined {
  let best: { candidate: Candidate; similarity: number } | undefined;
  for (const candidate of candidates) {
    const alike = similarity(signature, decodeSignature(candidate.fingerprint));
    if (alike >= threshold && (!best || alike > best.similarity)) best = { candidate, similarity: alike };
  }
  return best;
}

/** Candidates read per response: enough to find its campaign, few enough that a large one costs no more. */
export const candidatesPerResponse = 24;

/** What grouping decides for one response: its campaign, and what to write. */
export interface CampaignStep {
  /** The campaign the response joins, if any. */
  campaign: string | null;
  /** The response it matched, which leads the campaign when it had none. */
  leader?: string;
  /** Whether its band keys are kept: not for a copy of a response already kept, which adds nothing. */
  keepBands: boolean;
}

/** Decides a response's campaign from the candidates that share a band with it. */
export function campaignStep(item: Fingerprinted, candidates: Candidate[], threshold?: number): CampaignStep {
  if (!item.signature) return { campaign: null, keepBands: false };
  const match = bestMatch(item.signature, candidates, threshold);
  if (!match) return { campaign: null, keepBands: true };
  return { campaign: match.candidate.campaign ?? match.candidate.id, leader: match.candidate.id, keepBands: match.similarity < 1 };
}

/** What grouping a batch writes: each response's fingerprint and campaign, new leaders, and band keys kept. */
export interface CampaignPlan {
  grouped: { id: string; fingerprint: string; campaign: string | null }[];
  leaders: { id: string; campaign: string }[];
  bands: { band: string; id: string }[];
}

/**
 * Groups a batch in order, as storage would one by one, but from candidates read up front (by band
 * key): each response also meets the ones before it in the batch, and sees the campaigns they
 * started. So a database that answers each query over the network groups a batch in a few queries.
 */
export function planCampaigns(items: Fingerprinted[], stored: Map<string, Candidate[]>): CampaignPlan {
  const plan: CampaignPlan = { grouped: [], leaders: [], bands: [] };
  const byBand = new Map(stored);
  /** Campaigns decided in this batch, for candidates read before they were. */
  const campaignOf = new Map<string, string>();
  for (const item of items) {
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const band of item.bands) {
      for (const candidate of byBand.get(band) ?? []) {
        if (candidate.id === item.id || seen.has(candidate.id) || candidates.length >= candidatesPerResponse) continue;
        seen.add(candidate.id);
        candidates.push({ ...candidate, campaign: campaignOf.get(candidate.id) ?? candidate.campaign });
      }
    }
    const step = campaignStep(item, candidates);
    if (step.leader && step.campaign && !candidates.find((c) => c.id === step.leader)!.campaign) {
      plan.leaders.push({ id: step.leader, campaign: step.campaign });
      campaignOf.set(step.leader, step.campaign);
    }
    if (step.campaign) campaignOf.set(item.id, step.campaign);
    plan.grouped.push({ id: item.id, fingerprint: item.fingerprint, campaign: step.campaign });
    if (step.keepBands) {
      for (const band of item.bands) {
        plan.bands.push({ band, id: item.id });
        byBand.set(band, [...(byBand.get(band) ?? []), { id: item.id, campaign: step.campaign, fingerprint: item.fingerprint }]);
      }
    }
  }
  // A response can lead a campaign that began after it, later in the same batch.
  for (const grouped of plan.grouped) grouped.campaign = campaignOf.get(grouped.id) ?? grouped.campaign;
  return plan;
}
