import type { AuditEntry } from '@fazhi/contracts';
import {
  AutoComplete,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useMemo } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { formatDateTime, fromIsoDate, toIsoDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { auditQuery, useAuditLog, type AuditFilters, type AuditOutcome } from '../api';
import { AuditDiff, VerifyChainButton } from '../components';

const FILTER_KEYS = ['q', 'action', 'entityType', 'outcome', 'from', 'to'] as const;
const OUTCOME_COLORS: Record<AuditOutcome, string> = { ok: 'green', denied: 'orange', failed: 'red' };

/** 审计日志 (审计管理员): search, filter, before/after, export, verify the hash chain. */
export function AuditPage() {
  const t = useT();
  const can = useCan();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS, 50);
  const filters: AuditFilters = {
    ...values,
    outcome: values.outcome as AuditOutcome | undefined,
    page,
    pageSize,
  };
  const log = useAuditLog(filters);
  const items = useMemo(() => log.data?.items ?? [], [log.data]);

  const outcomeLabel = (o: AuditOutcome) =>
    ({ ok: t('成功', 'OK'), denied: t('拒绝', 'Denied'), failed: t('失败', 'Failed') })[o];
  // suggestions from what is on screen; any value may be typed
  const seen = (pick: (e: AuditEntry) => string) =>
    [...new Set(items.map(pick))].sort().map((value) => ({ value }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('序号', 'Seq'), dataIndex: 'seq', width: 90 },
    { title: t('时间', 'Time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('操作人', 'Actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (v: string | null) => v ?? t('系统', 'System'),
    },
    { title: t('操作', 'Action'), dataIndex: 'action', width: 180, render: (v: string) => <code>{v}</code> },
    { title: t('对象类型', 'Entity'), dataIndex: 'entityType', width: 130 },
    {
      title: t('对象编号', 'Entity id'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('结果', 'Outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (v: AuditOutcome) => <Tag color={OUTCOME_COLORS[v]}>{outcomeLabel(v)}</Tag>,
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <PageCard
      title={t('审计日志', 'Audit log')}
      testId="audit-page"
      extra={
        <>
          {can('audit.verify') && <VerifyChainButton />}
          <ExportButton
            listPath="/api/audit"
            filters={auditQuery(filters)}
            fileBaseName={t('审计日志', 'audit-log')}
            testId="audit-export"
          />
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索操作人、对象编号、请求编号', 'Search actor, entity id, request id')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 260 }}
          data-testid="audit-search"
        />
        <AutoComplete
          allowClear
          defaultValue={values.action}
          options={seen((e) => e.action)}
          placeholder={t('操作，如 user.create', 'Action, e.g. user.create')}
          onSelect={(action: string) => update({ action })}
          onChange={(v: string) => v === '' && update({ action: undefined })}
          onBlur={(e) => update({ action: (e.target as HTMLInputElement).value.trim() || undefined })}
          style={{ width: 200 }}
          data-testid="audit-filter-action"
        />
        <AutoComplete
          allowClear
          defaultValue={values.entityType}
          options={seen((e) => e.entityType)}
          placeholder={t('对象类型', 'Entity type')}
          onSelect={(entityType: string) => update({ entityType })}
          onChange={(v: string) => v === '' && update({ entityType: undefined })}
          onBlur={(e) => update({ entityType: (e.target as HTMLInputElement).value.trim() || undefined })}
          style={{ width: 160 }}
          data-testid="audit-filter-entity-type"
        />
        <Select<AuditOutcome>
          allowClear
          value={filters.outcome}
          placeholder={t('结果', 'Outcome')}
          options={(['ok', 'denied', 'failed'] as const).map((o) => ({ value: o, label: outcomeLabel(o) }))}
          onChange={(outcome) => update({ outcome })}
          style={{ width: 110 }}
          data-testid="audit-filter-outcome"
        />
        <DatePicker.RangePicker
          value={[fromIsoDate(values.from) ?? null, fromIsoDate(values.to) ?? null]}
          onChange={(range) => update({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
          data-testid="audit-filter-dates"
        />
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={log.isFetching}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (e) => (
            <Flex vertical gap="small">
              <Descriptions
                size="small"
                column={3}
                items={[
                  { key: 'req', label: t('请求编号', 'Request id'), children: e.requestId ?? '—' },
                  { key: 'org', label: t('单位编号', 'Organisation id'), children: e.orgId ?? '—' },
                  { key: 'actor', label: t('操作人编号', 'Actor id'), children: e.actorId ?? '—' },
                ]}
              />
              <AuditDiff diff={e.diff} />
            </Flex>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
        data-testid="audit-table"
      />
    </PageCard>
  );
}
