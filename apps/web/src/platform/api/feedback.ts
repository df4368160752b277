/**
 * Bridge to antd's context-aware `message` / `notification` / `modal` (App.useApp), so that code
 * outside components (the query cache) can show errors with the current theme and locale.
 */
import type { App } from 'antd';
import { tr } from '../i18n';
import { ApiError, errorText } from './api-error';

export type FeedbackApi = ReturnType<typeof App.useApp>;

let feedback: FeedbackApi | null = null;

export function registerFeedback(api: FeedbackApi): void {
  feedback = api;
}

/** Field-level problems in `details`, when the server sends them (zod issues or a field map). */
export function detailMessages(details: unknown): string[] {
  if (Array.isArray(details)) {
    return details.flatMap((d: unknown) => {
      if (d && typeof d === 'object' && 'message' in d && typeof d.message === 'string') return [d.message];
      return typeof d === 'string' ? [d] : [];
    });
  }
  if (details && typeof details === 'object') {
    const fieldErrors =
      'fieldErrors' in details ? details.fieldErrors : 'issues' in details ? details.issues : null;
    if (Array.isArray(fieldErrors)) return detailMessages(fieldErrors);
    if (fieldErrors && typeof fieldErrors === 'object') {
      return Object.values(fieldErrors).flatMap((v: unknown) => (Array.isArray(v) ? detailMessages(v) : []));
    }
  }
  return [];
}

/** Shows an error the way the whole app does: a toast, or a notification when there is more to say. */
export function showError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  // A lost session is handled by redirecting to the login page, without a toast on top.
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return;
  const text = errorText(error);
  if (!feedback) {
    console.error(text, error);
    return;
  }
  const details = error instanceof ApiError ? detailMessages(error.details) : [];
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  if (details.length === 0 && !(requestId && error instanceof ApiError && error.status >= 500)) {
    void feedback.message.error(text);
    return;
  }
  const lines = [...details.slice(0, 8)];
  if (requestId) lines.push(tr(`请求编号：${requestId}`, `Request id: ${requestId}`));
  feedback.notification.error({
    title: text,
    description: lines.join('\n'),
    style: { whiteSpace: 'pre-line' },
  });
}

export function showSuccess(text: string): void {
  if (feedback) void feedback.message.success(text);
}
