import { Flex, Table, Typography } from 'antd';
import { useT } from '../../../platform/i18n';

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One changed field in any of the shapes `{ from, to }`, `{ before, after }` or `[before, after]`. */
function pair(v: unknown): { before: unknown; after: unknown } | null {
  if (Array.isArray(v) && v.length === 2) return { before: v[0], after: v[1] };
  if (isRecord(v) && ('from' in v || 'to' in v)) return { before: v.from, after: v.to };
  if (isRecord(v) && ('before' in v || 'after' in v)) return { before: v.before, after: v.after };
  return null;
}

function rowsOf(changes: Record<string, unknown>): DiffRow[] | null {
  const rows: DiffRow[] = [];
  for (const [field, v] of Object.entries(changes)) {
    const p = pair(v);
    if (!p) return null;
    rows.push({ field, ...p });
  }
  return rows;
}

/**
 * Splits the audit `diff` into changed fields and any other detail. The server writes
 * `{ detail?, changes: { field: { from, to } } }` for a change and a free `detail` object otherwise;
 * whole-record `{ before, after }` is read too.
 */
export function splitDiff(diff: unknown): { rows: DiffRow[] | null; detail: unknown } {
  if (!isRecord(diff)) return { rows: null, detail: diff };
  if (isRecord(diff.changes)) return { rows: rowsOf(diff.changes), detail: diff.detail };
  if (isRecord(diff.before) || isRecord(diff.after)) {
    const before = isRecord(diff.before) ? diff.before : {};
    const after = isRecord(diff.after) ? diff.after : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return {
      rows: fields.map((field) => ({ field, before: before[field], after: after[field] })),
      detail: undefined,
    };
  }
  const rows = Object.keys(diff).length ? rowsOf(diff) : null;
  return rows ? { rows, detail: undefined } : { rows: null, detail: diff };
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The before/after of an audit entry; changed fields are highlighted. */
export function AuditDiff({ diff }: { diff: unknown }) {
  const t = useT();
  const { rows, detail } = splitDiff(diff);
  if (!rows && (detail === null || detail === undefined)) {
    return <Typography.Text type="secondary">{t('无变更内容', 'No changes recorded')}</Typography.Text>;
  }
  return (
    <Flex vertical gap="small">
      {detail !== null && detail !== undefined && (
        <pre
          style={{ margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12 }}
          data-testid="audit-diff-detail"
        >
          {JSON.stringify(detail, null, 2)}
        </pre>
      )}
      {rows && (
        <Table<DiffRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          rowClassName={(r) => (show(r.before) !== show(r.after) ? 'fz-diff-changed' : '')}
          columns={[
            { title: t('字段', 'Field'), dataIndex: 'field', width: 200 },
            {
              title: t('修改前', 'Before'),
              dataIndex: 'before',
              render: (v: unknown) => <code>{show(v)}</code>,
            },
            {
              title: t('修改后', 'After'),
              dataIndex: 'after',
              render: (v: unknown) => <code>{show(v)}</code>,
            },
          ]}
          data-testid="audit-diff"
        />
      )}
    </Flex>
  );
}
