import { Table, Typography } from 'antd';
import { useT } from '../../../platform/i18n';

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the audit `diff` in the shapes a server may write: `{ before, after }` (whole records),
 * `{ field: { before, after } }` / `{ field: [before, after] }` (changed fields). Null when unknown.
 */
export function diffRows(diff: unknown): DiffRow[] | null {
  if (!isRecord(diff)) return null;
  if ('before' in diff || 'after' in diff) {
    const before = isRecord(diff.before) ? diff.before : {};
    const after = isRecord(diff.after) ? diff.after : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.map((field) => ({ field, before: before[field], after: after[field] }));
  }
  const entries = Object.entries(diff);
  const pairs = entries.every(
    ([, v]) => (Array.isArray(v) && v.length === 2) || (isRecord(v) && ('before' in v || 'after' in v)),
  );
  if (!pairs || entries.length === 0) return null;
  return entries.map(([field, v]) =>
    Array.isArray(v)
      ? { field, before: v[0], after: v[1] }
      : { field, before: isRecord(v) ? v.before : undefined, after: isRecord(v) ? v.after : undefined },
  );
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The before/after of an audit entry; changed fields are highlighted. */
export function AuditDiff({ diff }: { diff: unknown }) {
  const t = useT();
  if (diff === null || diff === undefined)
    return <Typography.Text type="secondary">{t('无变更内容', 'No changes recorded')}</Typography.Text>;
  const rows = diffRows(diff);
  if (!rows) {
    return (
      <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12 }} data-testid="audit-diff-raw">
        {JSON.stringify(diff, null, 2)}
      </pre>
    );
  }
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (show(r.before) !== show(r.after) ? 'fz-diff-changed' : '')}
      columns={[
        { title: t('字段', 'Field'), dataIndex: 'field', width: 200 },
        { title: t('修改前', 'Before'), dataIndex: 'before', render: (v: unknown) => <code>{show(v)}</code> },
        { title: t('修改后', 'After'), dataIndex: 'after', render: (v: unknown) => <code>{show(v)}</code> },
      ]}
      data-testid="audit-diff"
    />
  );
}
