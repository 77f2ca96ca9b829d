/** Sent with every answer, errors included: no type sniffing, and no address of the page sent to other sites. */
export const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // `no-referrer` would make browsers send `Origin: null` with the form's own post, which is refused.
  'Referrer-Policy': 'same-origin',
} as const;

/**
 * Public reads are the same for everyone, with or without an Origin, so any site may read them and
 * a shared cache can hand any copy to any browser.
 */
export const publicReadHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, Idempotent-Replayed, Content-Disposition',
} as const;

/** How long shared caches and browsers may keep public answers, and serve them stale while they check. */
export const publicCacheControl = 'public, max-age=10, stale-while-revalidate=60';
