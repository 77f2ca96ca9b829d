import type { SectionChange } from '../contract/versions.js';

/** The change log as a page reads it: the updates after first publication, newest first, and when the wording was first published. */
export function updatesOf(changes: readonly SectionChange[]): { updates: SectionChange[]; firstPublished: string | undefined } {
  const updates = changes.filter((change) => change.version > 1).sort((a, b) => b.at.localeCompare(a.at));
  const firsts = changes.filter((change) => change.version === 1).map((change) => change.at);
  return { updates, firstPublished: firsts.sort()[0] };
}
