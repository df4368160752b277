import { errorMessages, type ErrorCode } from '@fazhi/contracts';
import { tr } from '../i18n';

/** Codes the client itself produces, beside the server's `ErrorCode`s. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  status: number;
  code: ErrorCode | ClientErrorCode | string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/** An error answered by the API as `{ code, message, details, requestId }`, or a transport failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** The server's Chinese message, or the contract's English text when the UI is in English. */
  localizedMessage(): string {
    return localizedErrorMessage(this.code, this.message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

export function localizedErrorMessage(code: string, serverMessage: string): string {
  if (code === 'NETWORK_ERROR')
    return tr('网络连接失败，请检查网络后重试', 'Network error, please try again');
  if (code === 'BAD_RESPONSE') return tr('服务器返回了无法识别的内容', 'Unexpected response from the server');
  if (isErrorCode(code)) {
    const known = errorMessages[code];
    return tr(serverMessage || known.zh, known.en);
  }
  return serverMessage || tr('操作失败', 'The operation failed');
}

/** Any thrown value as a message for the user. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.localizedMessage();
  if (error instanceof Error && error.message) return error.message;
  return tr('操作失败', 'The operation failed');
}
