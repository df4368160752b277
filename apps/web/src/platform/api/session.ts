/**
 * Session state kept outside React: the CSRF token (from GET /api/auth/me → csrfToken) and the hooks
 * the app registers to react to a lost session or a required password change.
 */
import type { ApiError } from './api-error';

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

export interface SessionHandlers {
  /** 401 on any request except a failed login: the session is gone. */
  onUnauthenticated: (error: ApiError) => void;
  /** 403 PASSWORD_CHANGE_REQUIRED: the user must change the password before anything else. */
  onPasswordChangeRequired: (error: ApiError) => void;
}

let handlers: SessionHandlers = {
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

export function registerSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}
export function sessionHandlers(): SessionHandlers {
  return handlers;
}
