import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';

interface FieldIssue {
  name: string;
  message: string;
}

const CONTEXTS = new Set(['body', 'querystring', 'params', 'headers']);

/** The server writes `body.username` (validation context + instance path): the form field is `username`. */
function fieldOfPath(path: string): string {
  const parts = path.split('.').filter(Boolean);
  if (parts.length > 1 && CONTEXTS.has(parts[0] ?? '')) parts.shift();
  return parts[0] ?? '';
}

/** Reads `details` as zod issues (`[{ path, message }]`) or a flattened field map. */
function fieldIssues(details: unknown): FieldIssue[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && 'issues' in details && Array.isArray(details.issues)
      ? details.issues
      : null;
  if (list) {
    return list.flatMap((d: unknown) => {
      if (!d || typeof d !== 'object' || !('message' in d) || typeof d.message !== 'string') return [];
      const path = 'path' in d ? d.path : 'field' in d ? d.field : undefined;
      const name = Array.isArray(path)
        ? String(path[0] ?? '')
        : typeof path === 'string'
          ? fieldOfPath(path)
          : '';
      return name ? [{ name, message: d.message }] : [];
    });
  }
  if (details && typeof details === 'object' && 'fieldErrors' in details) {
    const fe = details.fieldErrors;
    if (fe && typeof fe === 'object') {
      return Object.entries(fe).flatMap(([name, msgs]: [string, unknown]) =>
        Array.isArray(msgs) && typeof msgs[0] === 'string' ? [{ name, message: msgs[0] }] : [],
      );
    }
  }
  return [];
}

/** Puts the server's field-level validation messages next to the form's fields. */
export function applyServerErrors(form: FormInstance, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const issues = fieldIssues(error.details).filter((i) => known.has(i.name));
  if (issues.length) form.setFields(issues.map((i) => ({ name: i.name, errors: [i.message] })));
}
