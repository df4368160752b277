import { errorMessages, type ErrorCode } from '@fazhi/contracts';

/** The one application error: a code from the contracts, mapped to HTTP status and Chinese message in one place. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorMessages[code].zh);
    this.status = errorMessages[code].status;
  }
}

export const fail = (code: ErrorCode, message?: string, details?: unknown): never => {
  throw new AppError(code, message, details);
};

/** PostgreSQL unique violation → DUPLICATE with a message naming what collided. */
export function isUniqueViolation(e: unknown): boolean {
  const err = (e as { cause?: unknown }).cause ?? e;
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
export function uniqueConstraint(e: unknown): string | undefined {
  const err = ((e as { cause?: unknown }).cause ?? e) as { constraint?: string };
  return err.constraint;
}
