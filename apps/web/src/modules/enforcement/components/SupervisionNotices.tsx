import {
  SUPERVISION_NOTICE_KINDS,
  SUPERVISION_NOTICE_STATUSES,
  SUPERVISION_NOTICE_TRANSITIONS,
  type SupervisionNotice,
  type SupervisionNoticeAction,
} from '@fazhi/contracts';
import {
  Button,
  Descriptions,
  Flex,
  Input,
  List,
  Modal,
  Select,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton, showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import {
  useIssueNotice,
  useNoticeAction,
  useSupervisionNotices,
  SUPERVISION_PATHS,
} from '../api/supervision';
import { RecordFormModal, type RecordField } from './RecordFormModal';

const STATUS_COLORS: Record<string, string> = {
  issued: 'blue',
  responded: 'gold',
  escalated: 'red',
  closed: 'green',
};

/** Deadline badge: 已超期 / 临期 (≤3 days) / days left, for notices still waiting for the body. */
export function DeadlineBadge({ n }: { n: SupervisionNotice }) {
  const t = useT();
  if (n.status !== 'issued') return <span>{n.effectiveDue}</span>;
  const left = dayjs(n.effectiveDue).diff(dayjs().startOf('day'), 'day');
  const color = left < 0 ? 'red' : left <= 3 ? 'orange' : 'default';
  const text =
    left < 0 ? t(`已超期${-left}天`, `${-left} days overdue`) : t(`剩余${left}天`, `${left} days left`);
  return (
    <Flex gap={4} align="center">
      {n.effectiveDue}
      <Tag color={color} data-testid={`notice-deadline-${n.id}`}>
        {text}
      </Tag>
    </Flex>
  );
}

/** 意见书 / 决定书: list with deadline badges, issue form, the body's response, office actions, timeline. */
export function SupervisionNotices() {
  const t = useT();
  const can = useCan();
  const [filters, setFilters] = useState<{ page: number; pageSize: number; status?: string; kind?: string }>({
    page: 1,
    pageSize: 20,
  });
  const notices = useSupervisionNotices(filters);
  const issue = useIssueNotice();
  const [issuing, setIssuing] = useState(false);
  const [acting, setActing] = useState<{ n: SupervisionNotice; action: SupervisionNoticeAction } | null>(
    null,
  );

  const fields: RecordField[] = [
    {
      name: 'kind',
      label: t('文书类型', 'Kind'),
      kind: 'select',
      required: true,
      options: Object.entries(SUPERVISION_NOTICE_KINDS).map(([value, label]) => ({ value, label })),
    },
    { name: 'orgId', label: t('被监督的执法主体', 'Body'), kind: 'org', required: true },
    { name: 'title', label: t('标题', 'Title'), kind: 'text', required: true },
    { name: 'facts', label: t('认定的事实和问题', 'Facts'), kind: 'textarea', required: true },
    {
      name: 'items',
      label: t('整改意见（每行一条）', 'Items (one per line)'),
      kind: 'lines',
      required: true,
    },
    { name: 'issuedOn', label: t('下达日期（默认今天）', 'Issued on'), kind: 'date' },
    {
      name: 'deadlineAmount',
      label: t('反馈期限（默认15个工作日）', 'Response period (default 15 working days)'),
      kind: 'number',
    },
    {
      name: 'deadlineUnit',
      label: t('期限单位', 'Unit'),
      kind: 'select',
      options: [
        { value: 'working_days', label: t('工作日', 'working days') },
        { value: 'calendar_days', label: t('自然日', 'calendar days') },
      ],
    },
  ];

  return (
    <>
      <Flex gap="small" wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('文书类型', 'Kind')}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind, page: 1 })}
          options={Object.entries(SUPERVISION_NOTICE_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('状态', 'Status')}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status, page: 1 })}
          options={Object.entries(SUPERVISION_NOTICE_STATUSES).map(([value, label]) => ({ value, label }))}
        />
        <ExportButton
          listPath={SUPERVISION_PATHS.notices}
          filters={{ ...filters }}
          fileBaseName={t('执法监督文书', 'supervision-notices')}
          testId="notices-export"
        />
        {can('enforcement.supervise') && (
          <Button type="primary" onClick={() => setIssuing(true)} data-testid="notice-issue">
            {t('下达监督文书', 'Issue notice')}
          </Button>
        )}
      </Flex>
      <Table<SupervisionNotice>
        rowKey="id"
        size="middle"
        loading={notices.isLoading}
        dataSource={notices.data?.items}
        data-testid="notices-table"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: notices.data?.total,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
        expandable={{ expandedRowRender: (n) => <NoticeDetail n={n} /> }}
        columns={[
          { title: t('文号', 'Number'), dataIndex: 'number', width: 220 },
          { title: t('类型', 'Kind'), width: 150, render: (_, n) => SUPERVISION_NOTICE_KINDS[n.kind] },
          { title: t('标题', 'Title'), dataIndex: 'title' },
          { title: t('被监督单位', 'Body'), width: 180, render: (_, n) => n.org.name },
          { title: t('下达日期', 'Issued'), dataIndex: 'issuedOn', width: 110 },
          { title: t('意见条数', 'Items'), dataIndex: 'itemCount', width: 80, align: 'right' },
          { title: t('反馈期限', 'Deadline'), width: 190, render: (_, n) => <DeadlineBadge n={n} /> },
          {
            title: t('状态', 'Status'),
            width: 100,
            render: (_, n) => (
              <Tag color={STATUS_COLORS[n.status]}>{SUPERVISION_NOTICE_STATUSES[n.status]}</Tag>
            ),
          },
          {
            title: t('操作', 'Actions'),
            width: 220,
            render: (_, n) => (
              <Flex gap={4} wrap>
                {(n.actions as SupervisionNoticeAction[]).map((a) => (
                  <Button
                    key={a}
                    size="small"
                    onClick={() => setActing({ n, action: a })}
                    data-testid={`notice-${a}-${n.id}`}
                  >
                    {SUPERVISION_NOTICE_TRANSITIONS[a].zh}
                  </Button>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <RecordFormModal
        open={issuing}
        title={t('下达行政执法监督文书', 'Issue a supervision notice')}
        fields={fields}
        initialValues={{ kind: 'opinion', deadlineUnit: 'working_days' }}
        onClose={() => setIssuing(false)}
        pending={issue.isPending}
        onSubmit={async (v) => {
          const n = await issue.mutateAsync(v);
          showSuccess(
            t(`已下达：${n.number}，反馈期限 ${n.dueDate}`, `Issued ${n.number}, due ${n.dueDate}`),
          );
        }}
        testId="notice-form"
      />
      {acting && <NoticeActionModal n={acting.n} action={acting.action} onClose={() => setActing(null)} />}
    </>
  );
}

function NoticeDetail({ n }: { n: SupervisionNotice }) {
  const t = useT();
  return (
    <Flex gap="large" wrap>
      <div style={{ flex: 2, minWidth: 360 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('下达机关', 'Issuer')}>{n.issuer.name}</Descriptions.Item>
          <Descriptions.Item label={t('事实和问题', 'Facts')}>{n.facts}</Descriptions.Item>
          <Descriptions.Item label={t('期限', 'Period')}>
            {n.deadlineAmount}
            {n.deadlineUnit === 'working_days' ? t('个工作日', ' working days') : t('日', ' days')}（
            {n.dueDate}
            {n.effectiveDue !== n.dueDate
              ? t(`，已延长至 ${n.effectiveDue}`, `, extended to ${n.effectiveDue}`)
              : ''}
            ）
          </Descriptions.Item>
        </Descriptions>
        <List
          size="small"
          header={t('整改意见及反馈', 'Items and responses')}
          dataSource={n.items}
          renderItem={(i) => (
            <List.Item>
              <div>
                <Typography.Text strong>
                  {i.seq}. {i.content}
                </Typography.Text>
                <div>
                  {i.response ? (
                    <Typography.Text type="secondary">
                      {t('反馈', 'Response')}（{i.respondedOn}）：{i.response}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="warning">{t('尚未反馈', 'No response yet')}</Typography.Text>
                  )}
                </div>
              </div>
            </List.Item>
          )}
        />
      </div>
      <div style={{ flex: 1, minWidth: 240 }}>
        <Timeline
          items={n.timeline.map((e) => ({
            children: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')} ${e.by} ${e.action}${e.note ? `：${e.note}` : ''}`,
          }))}
        />
      </div>
    </Flex>
  );
}

function NoticeActionModal({
  n,
  action,
  onClose,
}: {
  n: SupervisionNotice;
  action: SupervisionNoticeAction;
  onClose: () => void;
}) {
  const t = useT();
  const act = useNoticeAction();
  const [responses, setResponses] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [to, setTo] = useState<'decision' | 'government'>('decision');
  const submit = async () => {
    const base = { id: n.id, action, version: n.version };
    if (action === 'respond')
      await act.mutateAsync({
        ...base,
        items: Object.entries(responses)
          .filter(([, r]) => r.trim())
          .map(([itemId, response]) => ({ itemId, response })),
      });
    else if (action === 'extend') await act.mutateAsync({ ...base, newDue: date, reason: text });
    else if (action === 'close') await act.mutateAsync({ ...base, note: text });
    else await act.mutateAsync({ ...base, to, reason: text });
    showSuccess(t('已保存', 'Saved'));
    onClose();
  };
  return (
    <Modal
      open
      title={`${SUPERVISION_NOTICE_TRANSITIONS[action].zh}：${n.number}`}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={act.isPending}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
    >
      {action === 'respond' &&
        n.items.map((i) => (
          <div key={i.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {i.seq}. {i.content}
            </Typography.Text>
            <Input.TextArea
              rows={2}
              defaultValue={i.response}
              onChange={(e) => setResponses({ ...responses, [i.id]: e.target.value })}
              data-testid={`notice-response-${i.seq}`}
            />
          </div>
        ))}
      {action === 'extend' && (
        <Input
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          style={{ marginBottom: 12 }}
          data-testid="notice-extend-date"
        />
      )}
      {action === 'escalate' && (
        <Select
          value={to}
          onChange={setTo}
          style={{ width: '100%', marginBottom: 12 }}
          options={[
            { value: 'decision', label: t('下达行政执法监督决定书', 'Issue a decision') },
            { value: 'government', label: t('报告本级人民政府', 'Report to the government') },
          ]}
        />
      )}
      {action !== 'respond' && (
        <Input.TextArea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={action === 'close' ? t('办结意见（可选）', 'Note (optional)') : t('理由', 'Reason')}
          data-testid="notice-action-text"
        />
      )}
    </Modal>
  );
}
