import {
  INSPECTION_CATEGORIES,
  INSPECTION_METHODS,
  inspectionItemInputSchema,
  type InspectionItem,
} from '@fazhi/contracts';
import { Button, Drawer, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { hasAction, useCan } from '../../../../platform/access';
import { showError, showSuccess } from '../../../../platform/api';
import { zodRule } from '../../../../platform/forms';
import { useT } from '../../../../platform/i18n';
import { useCreateItem, useInspectionItems, useItemPublish } from '../../api/inspections';

/** 检查事项清单: each body's items; only published items may be inspected (清单之外无检查). */
export function ItemsTab() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const list = useInspectionItems({ page, pageSize: 20, q });
  const publish = useItemPublish();
  const create = useCreateItem();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();

  const columns: TableColumnsType<InspectionItem> = [
    { title: t('编码', 'Code'), dataIndex: 'code', width: 110 },
    { title: t('检查事项', 'Item'), dataIndex: 'name' },
    { title: t('执法主体', 'Body'), width: 180, render: (_, r) => r.org.name },
    { title: t('检查依据', 'Legal basis'), dataIndex: 'legalBasis', ellipsis: true },
    { title: t('方式', 'Method'), width: 100, render: (_, r) => INSPECTION_METHODS[r.method] },
    { title: t('频次', 'Frequency'), dataIndex: 'frequency', width: 140 },
    {
      title: t('状态', 'Status'),
      width: 150,
      render: (_, r) =>
        r.published ? (
          <Tag color="green">{t(`已公布 ${r.publishedOn ?? ''}`, `Published ${r.publishedOn ?? ''}`)}</Tag>
        ) : (
          <Tag>{t('未公布', 'Not published')}</Tag>
        ),
    },
    {
      title: t('操作', 'Actions'),
      width: 110,
      render: (_, r) =>
        (hasAction(r, 'publish') || hasAction(r, 'withdraw')) && (
          <Button
            size="small"
            data-testid={`item-${hasAction(r, 'publish') ? 'publish' : 'withdraw'}-${r.code}`}
            onClick={() =>
              publish.mutate(
                { id: r.id, version: r.version, publish: hasAction(r, 'publish') },
                { onSuccess: () => showSuccess(t('已更新清单', 'List updated')), onError: showError },
              )
            }
          >
            {hasAction(r, 'publish') ? t('公布', 'Publish') : t('撤回', 'Withdraw')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('事项名称或编码', 'Name or code')}
          onSearch={(v) => setQ(v || undefined)}
        />
        {can('enforcement.body') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="item-create">
            {t('新增检查事项', 'New item')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('新增检查事项', 'New inspection item')}
        width={520}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ method: 'onsite', category: 'routine' }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: () => {
                setOpen(false);
                form.resetFields();
                showSuccess(t('已新增，公布后方可据此检查', 'Created; publish it before inspecting'));
              },
              onError: showError,
            })
          }
        >
          <Form.Item
            name="code"
            label={t('事项编码', 'Code')}
            rules={[zodRule(inspectionItemInputSchema.shape.code)]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('检查事项名称', 'Name')}
            rules={[zodRule(inspectionItemInputSchema.shape.name)]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={t('检查依据（法律、法规、规章、国务院决定）', 'Legal basis')}
            rules={[zodRule(inspectionItemInputSchema.shape.legalBasis)]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name="object"
            label={t('检查对象', 'Object')}
            rules={[zodRule(inspectionItemInputSchema.shape.object)]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="method" label={t('检查方式', 'Method')}>
            <Select
              options={Object.entries(INSPECTION_METHODS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('检查类别', 'Category')}>
            <Select
              options={Object.entries(INSPECTION_CATEGORIES).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item
            name="frequency"
            label={t('检查频次', 'Frequency')}
            rules={[zodRule(inspectionItemInputSchema.shape.frequency)]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}
