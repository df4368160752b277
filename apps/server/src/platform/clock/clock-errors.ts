import { ClockInputError } from '@fazhi/contracts';
import { AppError } from '../errors';

/**
 * The pure clock functions throw ClockInputError with a Chinese message; the API answers those as coded
 * 400s (INVALID_DATE for a date that does not exist or is out of range, VALIDATION_FAILED otherwise).
 */
export function toClockAppError(e: unknown): unknown {
  if (!(e instanceof ClockInputError)) return e;
  const code =
    e.code === 'invalid_date' || e.code === 'date_out_of_range' ? 'INVALID_DATE' : 'VALIDATION_FAILED';
  return new AppError(code, e.message, { reason: e.code });
}

/** Runs a pure clock computation, turning its input errors into AppErrors. */
export function clockCompute<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toClockAppError(e);
  }
}
