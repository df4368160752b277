import type { CollectionMyTarget, CollectionTargetStatus } from '@fazhi/contracts';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { useMyTargets } from '../api/collection';
import { TargetStatusTag } from '../components/CollectionTags';

/** 本单位填报 — the tasks the caller's organisation is asked to fill. */
export function MySubmissionsPage() {
  const t = useT();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const q = useMyTargets({ page, pageSize });
  const columns: TableColumnsType<CollectionMyTarget> = [
    {
      title: t('填报任务', 'Task'),
      dataIndex: 'taskTitle',
      render: (_v, r) => (
        <Link to={`/collection/submissions/${r.id}`} data-testid={`submission-link-${r.id}`}>
          {r.taskTitle}
        </Link>
      ),
    },
    { title: t('期间', 'Period'), dataIndex: 'period', width: 90 },
    { title: t('截止日期', 'Due'), dataIndex: 'dueDate', width: 110, render: formatDate },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 180,
      render: (s: CollectionTargetStatus, r) => <TargetStatusTag status={s} overdue={r.overdue} />,
    },
    { title: t('已填指标', 'Filled'), dataIndex: 'filledCount', width: 90 },
    { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
    {
      title: t('退回理由', 'Return reason'),
      dataIndex: 'returnReason',
      ellipsis: true,
      render: (v: string | null) => (v ? v : '—'),
    },
  ];
  return (
    <PageCard title={t('本单位填报', 'Our submissions')} testId="my-submissions-page">
      <Table<CollectionMyTarget>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        columns={columns}
        dataSource={q.data?.items ?? []}
        onRow={(r) =>
          ({ 'data-testid': 'target-row', 'data-target-id': r.id }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
    </PageCard>
  );
}
