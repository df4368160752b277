/** Before/after difference of two flat records: only the fields that changed. Sensitive fields are masked. */
const SENSITIVE = new Set(['passwordHash', 'idNumberEnc', 'mobileEnc', 'csrfToken', 'errorFile']);

export function recordDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'updatedAt' || k === 'createdAt') continue;
    const a = before?.[k];
    const b = after?.[k];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    out[k] = SENSITIVE.has(k)
      ? { from: a == null ? null : '***', to: b == null ? null : '***' }
      : { from: a ?? null, to: b ?? null };
  }
  return out;
}
