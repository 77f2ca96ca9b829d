/*
 * Numbers and counts, written once for every language: English and Welsh public bodies both write
 * thousands with commas ("12,345"), whatever the browser's own locale data holds for Welsh.
 */
const numbers = /* @__PURE__ */ new Intl.NumberFormat('en-GB');

/** A number as GOV.UK and Welsh public bodies write it: "12,345". */
export const formatNumber = (n: number): string => numbers.format(n);

/**
 * A count and its noun, in English: "1 comment", "12 comments". (Welsh keeps the noun singular after
 * a numeral, "12 sylw", so its strings write `formatNumber(n)` and the noun.)
 */
export const countOf = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
