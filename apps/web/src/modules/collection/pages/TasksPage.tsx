import { PlusOutlined } from '@ant-design/icons';
import {
  COLLECTION_TASK_STATUSES,
  collectionTaskStatusNames,
  type CollectionTaskStatus,
  type CollectionTaskSummary,
} from '@fazhi/contracts';
import { Button, Flex, Input, Progress, Select, Table, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { taskQuery, useTasks, type TaskFilters } from '../api/collection';
import { TaskStatusTag } from '../components/CollectionTags';
import { TaskCreateDrawer } from '../components/TaskCreateDrawer';

const FILTER_KEYS = ['period', 'status', 'q', 'create'] as const;

/** 填报任务 — the justice bureau's tasks in its region, with progress; `?create=1` opens the drawer. */
export function TasksPage() {
  const t = useT();
  const label = useLabel();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const filters: TaskFilters = {
    period: values.period,
    status: collectionTaskStatusNames.find((s) => s === values.status),
    q: values.q,
    page,
    pageSize,
  };
  const tasks = useTasks(filters);

  const columns: TableColumnsType<CollectionTaskSummary> = [
    {
      title: t('任务名称', 'Title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_v, r) => (
        <Link to={`/collection/tasks/${r.id}`} data-testid={`task-link-${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    { title: t('期间', 'Period'), dataIndex: 'period', width: 90 },
    { title: t('下发单位', 'Issued by'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t('截止日期', 'Due'), dataIndex: 'dueDate', width: 110, render: formatDate },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 90,
      render: (s: CollectionTaskStatus) => <TaskStatusTag status={s} />,
    },
    {
      title: t('进度（已采纳/单位数）', 'Progress (accepted/total)'),
      key: 'progress',
      width: 260,
      render: (_v, r) => (
        <Tooltip
          title={t(
            `待填报 ${r.progress.pending}，待签批 ${r.progress.submitted}，已签批 ${r.progress.signed}，已退回 ${r.progress.returned}，超期 ${r.progress.overdue}`,
            `pending ${r.progress.pending}, submitted ${r.progress.submitted}, signed ${r.progress.signed}, returned ${r.progress.returned}, overdue ${r.progress.overdue}`,
          )}
        >
          <Progress
            size="small"
            percent={r.progress.total ? Math.round((r.progress.accepted / r.progress.total) * 100) : 0}
            success={{
              percent: r.progress.total ? Math.round((r.progress.accepted / r.progress.total) * 100) : 0,
            }}
            format={() => `${r.progress.accepted}/${r.progress.total}`}
            status={r.progress.overdue ? 'exception' : undefined}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <PageCard
      title={t('填报任务', 'Collection tasks')}
      testId="collection-tasks-page"
      extra={
        <>
          <ExportButton
            listPath="/api/collection/tasks"
            filters={taskQuery(filters)}
            fileBaseName={t('填报任务', 'collection-tasks')}
            testId="task-export"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => update({ create: '1' })}
            data-testid="task-create"
          >
            {t('新建任务', 'New task')}
          </Button>
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索任务名称', 'Search title')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Input
          allowClear
          defaultValue={values.period}
          placeholder={t('期间，如 2025', 'Period, e.g. 2025')}
          onPressEnter={(e) => update({ period: e.currentTarget.value.trim() || undefined })}
          style={{ width: 160 }}
        />
        <Select<CollectionTaskStatus>
          allowClear
          value={filters.status}
          placeholder={t('全部状态', 'All statuses')}
          options={collectionTaskStatusNames.map((s) => ({
            value: s,
            label: label(COLLECTION_TASK_STATUSES[s]),
          }))}
          onChange={(status) => update({ status })}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<CollectionTaskSummary>
        rowKey="id"
        size="middle"
        loading={tasks.isFetching}
        columns={columns}
        dataSource={tasks.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: tasks.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
      <TaskCreateDrawer open={values.create === '1'} onClose={() => update({ create: undefined })} />
    </PageCard>
  );
}
