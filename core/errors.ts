/**
 * One catalogue of domain errors. Edges turn these into HTTP statuses or friendly cards; the
 * message is for developers and never contains pupil data.
 */
export const errorCodes = {
  notFound: 404,
  conflict: 409,
  preconditionFailed: 412,
  invalidInput: 400,
  unauthenticated: 401,
  forbidden: 403,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorCodes;

export class BelongError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * For invalid input: one code per problem (e.g. `endBeforeStart`), so cards and the tab can
     * say each one in the reader's language. The message says them in English for developers.
     */
    readonly problems?: readonly string[],
  ) {
    super(message);
    this.name = 'BelongError';
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

export const isBelongError = (e: unknown, code?: ErrorCode): e is BelongError =>
  e instanceof BelongError && (code === undefined || e.code === code);

/**
 * A conditional write lost to another writer: the key appeared (insert), the version moved on
 * (replace with an etag) or the entity went away meanwhile.
 */
export const isLostRace = (e: unknown): boolean =>
  isBelongError(e, 'conflict') ||
  isBelongError(e, 'preconditionFailed') ||
  isBelongError(e, 'notFound');
