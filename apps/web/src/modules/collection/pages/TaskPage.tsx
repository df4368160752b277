import { DownloadOutlined } from '@ant-design/icons';
import type { CollectionRollupRow, CollectionTargetRow, OrgType } from '@fazhi/contracts';
import {
  Button,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { downloadFile, showError, showSuccess } from '../../../platform/api';
import { formatDate, formatDateTime } from '../../../platform/format';
import { orgTypeLabel, useLabel, useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { managedTargetPath, useDecide, useTarget, useTask, useTaskAction } from '../api/collection';
import { TargetStatusTag, TaskStatusTag } from '../components/CollectionTags';
import { draftOf, SubmissionForm } from '../components/SubmissionForm';

const fmt = (v: number | null, unit: string) => (v === null ? '—' : unit === '%' ? `${v}%` : String(v));

/** A target's submission as the justice bureau sees it (read-only), with its evidence. */
function TargetDrawer({
  taskId,
  targetId,
  onClose,
}: {
  taskId: string;
  targetId: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const q = useTarget(targetId ?? undefined, taskId);
  return (
    <Drawer
      open={!!targetId}
      onClose={onClose}
      size={960}
      title={q.data?.orgName ?? t('填报内容', 'Submission')}
      destroyOnHidden
    >
      {q.data ? (
        <SubmissionForm
          target={q.data}
          draft={draftOf(q.data)}
          editable={false}
          onDownloadEvidence={(fileId, name) =>
            void downloadFile(
              `${managedTargetPath(taskId, q.data.id)}/evidence/${fileId}`,
              undefined,
              name,
            ).catch(showError)
          }
        />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

/** 任务详情 — targets with their status, accept / return, the roll-up, export. */
export function TaskPage() {
  const t = useT();
  const label = useLabel();
  const { taskId } = useParams();
  const q = useTask(taskId);
  const taskAction = useTaskAction();
  const decide = useDecide();
  const [viewing, setViewing] = useState<string | null>(null);
  const [returning, setReturning] = useState<CollectionTargetRow | null>(null);
  const [reason, setReason] = useState('');

  if (q.isLoading) return <Skeleton active />;
  const task = q.data;
  if (q.isError || !task)
    return <Result status="404" title={t('任务不存在或无权访问', 'Not found or no access')} />;

  const act = async (action: 'open' | 'close') => {
    try {
      await taskAction.mutateAsync({ task, action });
      showSuccess(
        action === 'open' ? t('任务已下发，已通知各填报单位', 'Task opened') : t('任务已关闭', 'Task closed'),
      );
    } catch (e) {
      showError(e);
    }
  };
  const accept = async (r: CollectionTargetRow) => {
    try {
      await decide.mutateAsync({ taskId: task.id, targetId: r.id, version: r.version, action: 'accept' });
      showSuccess(t('已采纳，数值已计入指标', 'Accepted'));
    } catch (e) {
      showError(e);
    }
  };
  const doReturn = async () => {
    if (!returning) return;
    try {
      await decide.mutateAsync({
        taskId: task.id,
        targetId: returning.id,
        version: returning.version,
        action: 'return',
        reason,
      });
      showSuccess(t('已退回并通知填报单位', 'Returned'));
      setReturning(null);
      setReason('');
    } catch (e) {
      showError(e);
    }
  };

  const targetColumns: TableColumnsType<CollectionTargetRow> = [
    {
      title: t('填报单位', 'Organisation'),
      dataIndex: 'orgName',
      render: (v: string, r) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => setViewing(r.id)}
          data-testid={`target-view-${r.id}`}
        >
          {v}
        </Button>
      ),
    },
    {
      title: t('类型', 'Type'),
      dataIndex: 'orgType',
      width: 110,
      render: (v: string) => label(orgTypeLabel(v as OrgType)),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 180,
      render: (_v, r) => <TargetStatusTag status={r.status} overdue={r.overdue} />,
    },
    {
      title: t('已填', 'Filled'),
      dataIndex: 'filledCount',
      width: 70,
      render: (n: number) => `${n}/${task.indicatorCount}`,
    },
    { title: t('签批时间', 'Signed'), dataIndex: 'signedAt', width: 170, render: formatDateTime },
    {
      title: t('退回理由', 'Return reason'),
      dataIndex: 'returnReason',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 170,
      render: (_v, r) => (
        <Space>
          {r.actions.includes('accept') && (
            <Popconfirm
              title={t('采纳后数值计入本地区指标，确认采纳？', 'Accept the values?')}
              onConfirm={() => void accept(r)}
            >
              <Button size="small" type="primary" data-testid="target-accept">
                {t('采纳', 'Accept')}
              </Button>
            </Popconfirm>
          )}
          {r.actions.includes('return') && (
            <Button size="small" danger onClick={() => setReturning(r)} data-testid="target-return">
              {r.status === 'pending' ? t('准予补报', 'Allow late') : t('退回', 'Return')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const rollupColumns: TableColumnsType<CollectionRollupRow> = [
    {
      title: t('指标', 'Indicator'),
      dataIndex: 'name',
      render: (v: string, r) => <Tooltip title={r.code}>{v}</Tooltip>,
    },
    { title: t('单位', 'Unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('汇总值（已采纳单位）', 'Roll-up (accepted)'),
      key: 'collected',
      width: 220,
      render: (_v, r) => (
        <Space data-testid={`rollup-${r.code}`}>
          <Typography.Text strong>{r.display}</Typography.Text>
          {r.collected.denominator !== null && (
            <Typography.Text type="secondary">
              ({r.collected.numerator}/{r.collected.denominator})
            </Typography.Text>
          )}
          {r.rollup === 'none' && <Tag>{t('不汇总', 'Not aggregated')}</Tag>}
        </Space>
      ),
    },
    { title: t('采纳单位数', 'Accepted'), dataIndex: 'acceptedCount', width: 100 },
    {
      title: t('系统计算值', 'Computed'),
      key: 'computed',
      width: 180,
      render: (_v, r) =>
        r.computed ? (
          <Space>
            {fmt(r.computed.value, r.unit)}
            {r.differs && <Tag color="warning">{t('与填报不一致', 'Differs')}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PageCard
      title={task.title}
      testId="collection-task-page"
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                `/api/collection/tasks/${task.id}/targets.xlsx`,
                undefined,
                '填报进度.xlsx',
              ).catch(showError)
            }
            data-testid="task-export-progress"
          >
            {t('导出填报进度', 'Export progress')}
          </Button>
          {task.actions.includes('open') && (
            <Popconfirm
              title={t(
                '下发后各单位开始计时并收到通知，确认下发？',
                'Open the task and notify the organisations?',
              )}
              onConfirm={() => void act('open')}
            >
              <Button type="primary" loading={taskAction.isPending} data-testid="task-open">
                {t('下发任务', 'Open task')}
              </Button>
            </Popconfirm>
          )}
          {task.actions.includes('close') && (
            <Popconfirm
              title={t('关闭后各单位不能再填报，确认关闭？', 'Close the task?')}
              onConfirm={() => void act('close')}
            >
              <Button loading={taskAction.isPending} data-testid="task-close">
                {t('关闭任务', 'Close task')}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('期间', 'Period')}>{task.period}</Descriptions.Item>
        <Descriptions.Item label={t('截止日期', 'Due')}>{formatDate(task.dueDate)}</Descriptions.Item>
        <Descriptions.Item label={t('状态', 'Status')}>
          <TaskStatusTag status={task.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('进度', 'Progress')}>
          {t(
            `共 ${task.progress.total} 个单位：已采纳 ${task.progress.accepted}，已签批 ${task.progress.signed}，待签批 ${task.progress.submitted}，待填报 ${task.progress.pending}，已退回 ${task.progress.returned}，超期 ${task.progress.overdue}`,
            `${task.progress.total} organisations: ${task.progress.accepted} accepted, ${task.progress.signed} signed, ${task.progress.submitted} submitted, ${task.progress.pending} pending, ${task.progress.returned} returned, ${task.progress.overdue} overdue`,
          )}
        </Descriptions.Item>
        {task.instructions && (
          <Descriptions.Item label={t('填报说明', 'Instructions')}>{task.instructions}</Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'targets',
            label: t('填报单位', 'Organisations'),
            children: (
              <Table<CollectionTargetRow>
                rowKey="id"
                size="middle"
                columns={targetColumns}
                dataSource={task.targets}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                onRow={(r) =>
                  ({
                    'data-testid': 'target-row',
                    'data-org-name': r.orgName,
                  }) as React.HTMLAttributes<HTMLElement>
                }
              />
            ),
          },
          {
            key: 'rollup',
            label: t('汇总', 'Roll-up'),
            children: (
              <Table<CollectionRollupRow>
                rowKey="code"
                size="middle"
                columns={rollupColumns}
                dataSource={task.rollup}
                pagination={false}
              />
            ),
          },
        ]}
      />
      <TargetDrawer taskId={task.id} targetId={viewing} onClose={() => setViewing(null)} />
      <Modal
        open={!!returning}
        title={
          returning?.status === 'pending'
            ? t('准予补报', 'Allow a late submission')
            : t('退回填报', 'Return the submission')
        }
        onCancel={() => setReturning(null)}
        onOk={() => void doReturn()}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < 2,
          loading: decide.isPending,
          ...{ 'data-testid': 'return-confirm' },
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{returning?.orgName}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('请说明需要更正的内容', 'What must be corrected')}
          data-testid="return-reason"
        />
      </Modal>
    </PageCard>
  );
}
