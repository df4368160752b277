import {
  INSPECTION_PLAN_KINDS,
  INSPECTION_PLAN_STATUSES,
  INSPECTION_PLAN_TRANSITIONS,
  type InspectionPlan,
  type InspectionPlanAction,
} from '@fazhi/contracts';
import {
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../platform/access';
import { showError, showSuccess } from '../../../../platform/api';
import { useT } from '../../../../platform/i18n';
import { useCreatePlan, useInspectionItems, useInspectionPlans, usePlanAction } from '../../api/inspections';

/** 检查计划: the body drafts and submits; the supervision office accepts (备案/批准) or returns. */
export function PlansTab() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const list = useInspectionPlans({ page, pageSize: 20 });
  const items = useInspectionItems({ pageSize: 200, published: 'true' });
  const act = usePlanAction();
  const create = useCreatePlan();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();

  const run = (r: InspectionPlan, action: InspectionPlanAction) => {
    const note =
      action === 'return' ? (window.prompt(t('退回理由', 'Reason for return')) ?? undefined) : undefined;
    if (action === 'return' && !note) return;
    act.mutate(
      { id: r.id, action, version: r.version, note },
      { onSuccess: () => showSuccess(t('已办理', 'Done')), onError: showError },
    );
  };

  const columns: TableColumnsType<InspectionPlan> = [
    { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
    { title: t('计划名称', 'Title'), dataIndex: 'title' },
    { title: t('类型', 'Kind'), width: 120, render: (_, r) => INSPECTION_PLAN_KINDS[r.kind] },
    { title: t('执法主体', 'Body'), width: 180, render: (_, r) => r.org.name },
    { title: t('事项数', 'Items'), width: 70, render: (_, r) => r.itemIds.length },
    {
      title: t('状态', 'Status'),
      width: 170,
      render: (_, r) => (
        <Tag color={r.status === 'accepted' ? 'green' : r.status === 'returned' ? 'red' : 'blue'}>
          {INSPECTION_PLAN_STATUSES[r.status]} {r.decidedOn ?? r.submittedOn ?? ''}
        </Tag>
      ),
    },
    {
      title: t('操作', 'Actions'),
      width: 200,
      render: (_, r) => (
        <Space>
          {(r.actions as InspectionPlanAction[]).map((a) => (
            <Button key={a} size="small" onClick={() => run(r, a)} data-testid={`plan-${a}-${r.id}`}>
              {t(INSPECTION_PLAN_TRANSITIONS[a].zh, INSPECTION_PLAN_TRANSITIONS[a].en)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      {can('enforcement.body') && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setOpen(true)}
          data-testid="plan-create"
        >
          {t('新建检查计划', 'New plan')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
      />
      <Drawer open={open} onClose={() => setOpen(false)} title={t('新建检查计划', 'New plan')} width={520}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ year: new Date().getFullYear(), kind: 'annual', itemIds: [] }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: () => {
                setOpen(false);
                form.resetFields();
              },
              onError: showError,
            })
          }
        >
          <Form.Item name="year" label={t('年度', 'Year')}>
            <InputNumber min={2000} max={2199} />
          </Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Select
              options={Object.entries(INSPECTION_PLAN_KINDS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('计划名称', 'Title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="itemIds"
            label={t('检查事项（本机关已公布）', 'Items (published)')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}
