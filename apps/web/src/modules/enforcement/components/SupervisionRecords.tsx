import {
  ACCOUNTABILITY_MEASURES,
  SUPERVISION_CHECK_KINDS,
  SUPERVISION_PROBLEM_SOURCES,
  SUPERVISION_PROBLEM_STATUSES,
  type SupervisionProblem,
} from '@fazhi/contracts';
import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import {
  SUPERVISION_PATHS,
  useCreateAccountability,
  useCreateCheck,
  useCreateInterview,
  useCreateProblem,
  useHandleProblem,
  useSupervisionAccountability,
  useSupervisionChecks,
  useSupervisionInterviews,
  useSupervisionProblems,
} from '../api/supervision';
import { RecordFormModal } from './RecordFormModal';

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
type Paging = { page: number; pageSize: number };
const pager = (p: Paging, total: number | undefined, set: (p: Paging) => void) => ({
  current: p.page,
  pageSize: p.pageSize,
  total,
  onChange: (page: number, pageSize: number) => set({ page, pageSize }),
});

/** 监督检查: 日常 / 专项 / 伴随式. */
export function SupervisionChecks() {
  const t = useT();
  const can = useCan();
  const [p, setP] = useState<Paging>({ page: 1, pageSize: 20 });
  const checks = useSupervisionChecks(p);
  const create = useCreateCheck();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Flex gap="small" style={{ marginBottom: 12 }}>
        <ExportButton
          listPath={SUPERVISION_PATHS.checks}
          filters={{}}
          fileBaseName={t('执法监督检查', 'checks')}
          testId="checks-export"
        />
        {can('enforcement.supervise') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="check-create">
            {t('登记监督检查', 'New check')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={checks.isLoading}
        dataSource={checks.data?.items}
        pagination={pager(p, checks.data?.total, setP)}
        data-testid="checks-table"
        columns={[
          { title: t('检查名称', 'Title'), dataIndex: 'title' },
          { title: t('类型', 'Kind'), width: 110, render: (_, c) => SUPERVISION_CHECK_KINDS[c.kind] },
          { title: t('被检查单位', 'Targets'), render: (_, c) => c.targets.map((x) => x.name).join('、') },
          {
            title: t('检查期间', 'Period'),
            width: 200,
            render: (_, c) => `${c.periodFrom} 至 ${c.periodTo}`,
          },
          { title: t('检查发现', 'Findings'), dataIndex: 'findings' },
        ]}
      />
      <RecordFormModal
        open={open}
        title={t('登记执法监督检查', 'New supervision check')}
        testId="check-form"
        pending={create.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(v) => create.mutateAsync(v)}
        initialValues={{ kind: 'routine' }}
        fields={[
          {
            name: 'kind',
            label: t('检查类型', 'Kind'),
            kind: 'select',
            required: true,
            options: opts(SUPERVISION_CHECK_KINDS),
          },
          { name: 'title', label: t('检查名称', 'Title'), kind: 'text', required: true },
          { name: 'targetOrgIds', label: t('被检查的执法主体', 'Body'), kind: 'orgs', required: true },
          { name: 'periodFrom', label: t('开始日期', 'From'), kind: 'date', required: true },
          { name: 'periodTo', label: t('结束日期', 'To'), kind: 'date', required: true },
          { name: 'findings', label: t('检查发现', 'Findings'), kind: 'textarea' },
        ]}
      />
    </>
  );
}

/** 问题线索 (all sources) or 投诉举报 (source = complaint): intake, 交办, 查实, 整改, reply. */
export function SupervisionProblems({ complaints = false }: { complaints?: boolean }) {
  const t = useT();
  const can = useCan();
  const [p, setP] = useState<Paging>({ page: 1, pageSize: 20 });
  const filters = { ...p, ...(complaints ? { source: 'complaint' } : {}) };
  const problems = useSupervisionProblems(filters);
  const create = useCreateProblem();
  const handle = useHandleProblem();
  const [open, setOpen] = useState(false);
  const [handling, setHandling] = useState<SupervisionProblem | null>(null);
  const prefix = complaints ? 'complaint' : 'problem';
  return (
    <>
      <Flex gap="small" style={{ marginBottom: 12 }}>
        <ExportButton
          listPath={SUPERVISION_PATHS.problems}
          filters={complaints ? { source: 'complaint' } : {}}
          fileBaseName={complaints ? t('执法投诉举报', 'complaints') : t('问题线索', 'problems')}
          testId={`${prefix}s-export`}
        />
        {can('enforcement.supervise') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid={`${prefix}-create`}>
            {complaints ? t('登记投诉举报', 'New complaint') : t('登记问题线索', 'New clue / problem')}
          </Button>
        )}
      </Flex>
      <Table<SupervisionProblem>
        rowKey="id"
        size="middle"
        loading={problems.isLoading}
        dataSource={problems.data?.items}
        pagination={pager(p, problems.data?.total, setP)}
        data-testid={`${prefix}s-table`}
        columns={[
          { title: t('执法主体', 'Body'), width: 180, render: (_, x) => x.org.name },
          { title: t('来源', 'Source'), width: 110, render: (_, x) => SUPERVISION_PROBLEM_SOURCES[x.source] },
          {
            title: t('类别', 'Type'),
            width: 70,
            render: (_, x) => (x.isClue ? t('线索', 'Clue') : t('问题', 'Problem')),
          },
          { title: t('描述', 'Description'), dataIndex: 'description' },
          ...(complaints
            ? [{ title: t('投诉人', 'Complainant'), dataIndex: 'complainant', width: 100 }]
            : []),
          { title: t('收到日期', 'Received'), dataIndex: 'receivedOn', width: 110 },
          { title: t('承办', 'Assignee'), dataIndex: 'assignee', width: 140 },
          { title: t('答复', 'Reply'), dataIndex: 'reply' },
          {
            title: t('状态', 'Status'),
            width: 90,
            render: (_, x) => <Tag>{SUPERVISION_PROBLEM_STATUSES[x.status]}</Tag>,
          },
          {
            title: t('操作', 'Actions'),
            width: 90,
            render: (_, x) =>
              x.actions.length ? (
                <Button size="small" onClick={() => setHandling(x)} data-testid={`${prefix}-handle-${x.id}`}>
                  {t('办理', 'Handle')}
                </Button>
              ) : null,
          },
        ]}
      />
      <RecordFormModal
        open={open}
        title={complaints ? t('登记投诉举报', 'New complaint') : t('登记问题线索', 'New clue / problem')}
        testId={`${prefix}-form`}
        pending={create.isPending}
        onClose={() => setOpen(false)}
        onSubmit={(v) =>
          create.mutateAsync({ ...v, ...(complaints ? { source: 'complaint', isClue: true } : {}) })
        }
        initialValues={{ source: 'check', isClue: false }}
        fields={[
          { name: 'orgId', label: t('涉及的执法主体', 'Body'), kind: 'org', required: true },
          ...(complaints
            ? [{ name: 'complainant', label: t('投诉举报人', 'Complainant'), kind: 'text' as const }]
            : [
                {
                  name: 'source',
                  label: t('来源', 'Source'),
                  kind: 'select' as const,
                  required: true,
                  options: opts(SUPERVISION_PROBLEM_SOURCES),
                },
                { name: 'isClue', label: t('待核查的线索', 'Clue to verify'), kind: 'switch' as const },
              ]),
          { name: 'description', label: t('描述', 'Description'), kind: 'textarea', required: true },
          { name: 'receivedOn', label: t('收到日期', 'Received on'), kind: 'date', required: true },
        ]}
      />
      {handling && (
        <RecordFormModal
          open
          title={t('办理', 'Handle')}
          testId={`${prefix}-handle-form`}
          pending={handle.isPending}
          onClose={() => setHandling(null)}
          onSubmit={(v) => handle.mutateAsync({ id: handling.id, version: handling.version, ...v })}
          initialValues={{ status: handling.actions[0], assignee: handling.assignee, reply: handling.reply }}
          fields={[
            {
              name: 'status',
              label: t('办理结果', 'Outcome'),
              kind: 'select',
              required: true,
              options: handling.actions.map((s) => ({ value: s, label: SUPERVISION_PROBLEM_STATUSES[s] })),
            },
            { name: 'assignee', label: t('承办单位/承办人', 'Assignee'), kind: 'text' },
            { name: 'reply', label: t('答复', 'Reply'), kind: 'textarea' },
            { name: 'on', label: t('办理日期（默认今天）', 'Date'), kind: 'date' },
          ]}
        />
      )}
    </>
  );
}

/** 约谈 and 追责 records. */
export function SupervisionInterviewsAccountability() {
  const t = useT();
  const can = useCan();
  const [pi, setPi] = useState<Paging>({ page: 1, pageSize: 10 });
  const [pa, setPa] = useState<Paging>({ page: 1, pageSize: 10 });
  const interviews = useSupervisionInterviews(pi);
  const accountability = useSupervisionAccountability(pa);
  const createI = useCreateInterview();
  const createA = useCreateAccountability();
  const [open, setOpen] = useState<'i' | 'a' | null>(null);
  const office = can('enforcement.supervise');
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <strong>{t('约谈', 'Interviews')}</strong>
        {office && (
          <Button onClick={() => setOpen('i')} data-testid="interview-create">
            {t('登记约谈', 'New interview')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={interviews.isLoading}
        dataSource={interviews.data?.items}
        pagination={pager(pi, interviews.data?.total, setPi)}
        data-testid="interviews-table"
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
          { title: t('单位', 'Body'), width: 180, render: (_, x) => x.org.name },
          { title: t('被约谈人员', 'Persons'), dataIndex: 'persons', width: 180 },
          { title: t('事由', 'Reason'), dataIndex: 'reason' },
          { title: t('约谈内容', 'Content'), dataIndex: 'content' },
        ]}
      />
      <Flex justify="space-between" style={{ margin: '16px 0 8px' }}>
        <strong>{t('追责', 'Accountability')}</strong>
        {office && (
          <Button onClick={() => setOpen('a')} data-testid="accountability-create">
            {t('登记追责', 'New accountability')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={accountability.isLoading}
        dataSource={accountability.data?.items}
        pagination={pager(pa, accountability.data?.total, setPa)}
        data-testid="accountability-table"
        columns={[
          { title: t('决定日期', 'Decided'), dataIndex: 'decidedOn', width: 110 },
          { title: t('单位', 'Body'), width: 180, render: (_, x) => x.org.name },
          { title: t('被追责人员', 'Person'), dataIndex: 'person', width: 120 },
          {
            title: t('追责方式', 'Measure'),
            width: 140,
            render: (_, x) => ACCOUNTABILITY_MEASURES[x.measure],
          },
          { title: t('决定机关', 'Authority'), dataIndex: 'authority', width: 200 },
          { title: t('事由', 'Reason'), dataIndex: 'reason' },
        ]}
      />
      <RecordFormModal
        open={open === 'i'}
        title={t('登记约谈', 'New interview')}
        testId="interview-form"
        pending={createI.isPending}
        onClose={() => setOpen(null)}
        onSubmit={(v) => createI.mutateAsync(v)}
        fields={[
          { name: 'orgId', label: t('被约谈单位', 'Body'), kind: 'org', required: true },
          { name: 'heldOn', label: t('约谈日期', 'Date'), kind: 'date', required: true },
          { name: 'persons', label: t('被约谈人员（姓名、职务）', 'Persons'), kind: 'text', required: true },
          { name: 'reason', label: t('约谈事由', 'Reason'), kind: 'textarea', required: true },
          { name: 'content', label: t('约谈内容', 'Content'), kind: 'textarea' },
        ]}
      />
      <RecordFormModal
        open={open === 'a'}
        title={t('登记追责', 'New accountability')}
        testId="accountability-form"
        pending={createA.isPending}
        onClose={() => setOpen(null)}
        onSubmit={(v) => createA.mutateAsync(v)}
        fields={[
          { name: 'orgId', label: t('所在单位', 'Body'), kind: 'org', required: true },
          { name: 'person', label: t('被追责人员', 'Person'), kind: 'text', required: true },
          {
            name: 'measure',
            label: t('追责方式', 'Measure'),
            kind: 'select',
            required: true,
            options: opts(ACCOUNTABILITY_MEASURES),
          },
          { name: 'authority', label: t('决定机关', 'Authority'), kind: 'text', required: true },
          { name: 'decidedOn', label: t('决定日期', 'Decided on'), kind: 'date', required: true },
          { name: 'reason', label: t('追责事由', 'Reason'), kind: 'textarea', required: true },
        ]}
      />
    </>
  );
}
