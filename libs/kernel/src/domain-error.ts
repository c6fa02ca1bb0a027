/**
 * A broken business rule, with a stable code (`STREAM.CLOSED`, say). Deciders throw these
 * (this file imports nothing, so they stay pure); `ProblemFilter` is the one place that turns
 * them into HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 412 | 422 = 409,
    /** The request field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
