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
