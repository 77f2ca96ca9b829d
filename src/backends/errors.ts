/**
 * Errors a backend raises. Each sets `name` itself, since minifiers rename classes, and a network
 * failure is kept apart from an answer that had the wrong shape.
 */
export class CivicCommentsError extends Error {
  override name = 'CivicCommentsError';
}

/** The backend could not be reached, timed out or failed (5xx). Trying again may work. */
export class BackendUnavailableError extends CivicCommentsError {
  override name = 'BackendUnavailableError';
}

/** The backend answered with data that does not match the contract. */
export class ResponseShapeError extends CivicCommentsError {
  override name = 'ResponseShapeError';
}

/** The backend refused a new comment; `fields` maps each field to a message for the reader. */
export class ValidationFailedError extends CivicCommentsError {
  override name = 'ValidationFailedError';
  constructor(readonly fields: Record<string, string>) {
    super(`The comment was refused: ${JSON.stringify(fields)}`);
  }
}

/** Too many comments in a short time; `retryAfter` is in seconds, when the backend said. */
export class RateLimitedError extends CivicCommentsError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfter?: number) {
    super('Too many comments were sent in a short time.');
  }
}

/**
 * The consultation is not taking responses (`state` says whether it has yet to open or has closed),
 * by the backend's clock; nothing was stored.
 */
export class ConsultationClosedError extends CivicCommentsError {
  override name = 'ConsultationClosedError';
  constructor(
    readonly state: 'upcoming' | 'closed',
    readonly opensAt: string | null,
    readonly closesAt: string | null,
    message = 'The consultation is not taking responses.',
  ) {
    super(message);
  }
}

/** An element is set up wrongly; the message names the element and the attribute to fix. */
export class ConfigurationError extends CivicCommentsError {
  override name = 'ConfigurationError';
}
