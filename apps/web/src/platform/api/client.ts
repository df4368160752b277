/**
 * The one fetch wrapper: same-origin cookies, the CSRF header on state-changing requests, coded errors
 * parsed into `ApiError`, and session loss / forced password change handed to the app.
 */
import type { z } from 'zod';
import { ApiError } from './api-error';
import { toQueryString, type QueryParams } from './query-string';
import { getCsrfToken, sessionHandlers, setCsrfToken } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: QueryParams;
  /** A JSON-serialisable value, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
}

const LOGIN_PATH = '/api/auth/login';
const ME_PATH = '/api/auth/me';

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const b = body as { code: string; message?: unknown; details?: unknown; requestId?: unknown };
    return new ApiError({
      status: response.status,
      code: b.code,
      message: typeof b.message === 'string' ? b.message : '',
      details: b.details,
      requestId: typeof b.requestId === 'string' ? b.requestId : undefined,
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: '',
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }
  const token = getCsrfToken();
  if (method !== 'GET' && token) headers.set('x-csrf-token', token);
  try {
    return await fetch(path + toQueryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
}

/** Fetches a fresh CSRF token (after the server rotated it). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send(ME_PATH, {});
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: unknown };
  if (typeof me.csrfToken !== 'string') return false;
  setCsrfToken(me.csrfToken);
  return true;
}

/** Sends a request and returns the raw successful response; every failure throws an `ApiError`. */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  let response = await send(path, options);
  if (response.status === 403 && (options.method ?? 'GET') !== 'GET') {
    const error = await parseError(response.clone());
    if (error.code === 'CSRF_INVALID' && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (response.ok) return response;

  const error = await parseError(response);
  if (error.status === 401 && path !== LOGIN_PATH) sessionHandlers().onUnauthenticated(error);
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    sessionHandlers().onPasswordChangeRequired(error);
  }
  throw error;
}

/** Sends a request and validates the JSON answer against a contract schema. */
export async function apiJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await apiRequest(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: '' });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  // The server and the contracts are written in parallel: report drift loudly but keep the page usable.
  console.warn(
    `[api] ${options.method ?? 'GET'} ${path}: response does not match the contract`,
    parsed.error.issues,
  );
  return json as z.output<S>;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: QueryParams, signal?: AbortSignal) =>
    apiJson(path, schema, { query, signal }),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiJson(path, schema, { method: 'POST', body }),
  put: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiJson(path, schema, { method: 'PUT', body }),
  patch: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiJson(path, schema, { method: 'PATCH', body }),
  delete: <S extends z.ZodType>(path: string, schema: S) => apiJson(path, schema, { method: 'DELETE' }),
};
