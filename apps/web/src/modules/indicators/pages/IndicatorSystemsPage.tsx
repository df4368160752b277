import { PlusOutlined } from '@ant-design/icons';
import {
  INDICATOR_KINDS,
  INDICATOR_SYSTEM_STATUSES,
  type IndicatorKind,
  type IndicatorSystemItem,
  type IndicatorSystemStatus,
} from '@fazhi/contracts';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { hasAction, useCan } from '../../../platform/access';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { buildTree, type TreeNode } from '../../../platform/tree';
import { ConfirmButton, PageCard, testIdProps } from '../../../platform/ui';
import {
  useCreateSystem,
  useIndicatorSystem,
  useIndicatorSystems,
  useUpdateSystem,
  type SystemCreateInput,
} from '../api/catalogue';
import { SystemItemDrawer, type ItemEditing } from '../components/SystemItemDrawer';

type Row = IndicatorSystemItem & { children?: Row[] };
const STATUS_COLORS: Record<IndicatorSystemStatus, string> = {
  draft: 'default',
  active: 'success',
  retired: 'warning',
};
const KIND_COLORS: Record<IndicatorKind, string> = {
  computed: 'blue',
  collected: 'green',
  derived: 'purple',
};

const toRows = (nodes: TreeNode<IndicatorSystemItem>[]): Row[] =>
  nodes.map((n) => ({ ...n.item, children: n.children.length ? toRows(n.children) : undefined }));

/** 指标体系: an edition's tree (一级 > 二级 > 三级), evidence requirements and linked indicators; new editions. */
export function IndicatorSystemsPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const systems = useIndicatorSystems();
  const { values, update } = useUrlFilters(['id'] as const);
  const selectedId = values.id ?? systems.data?.items[0]?.id;
  const tree = useIndicatorSystem(selectedId);
  const sys = tree.data;
  const [editing, setEditing] = useState<ItemEditing | null>(null);
  const [creating, setCreating] = useState(false);
  const updateSystem = useUpdateSystem();
  const editable = !!sys && hasAction(sys, 'edit');
  const rows = useMemo(
    () =>
      sys
        ? toRows(
            buildTree(
              sys.items,
              (i) => i.id,
              (i) => i.parentId,
            ),
          )
        : [],
    [sys],
  );
  const allKeys = useMemo(() => sys?.items.map((i) => i.id) ?? [], [sys]);

  const setStatus = async (status: IndicatorSystemStatus) => {
    if (!sys) return;
    await updateSystem.mutateAsync({ id: sys.id, input: { status, version: sys.version } });
    showSuccess(t('状态已更新', 'Status updated'));
  };

  return (
    <PageCard
      title={t('指标体系', 'Indicator systems')}
      testId="indicator-systems-page"
      extra={
        <>
          <Select
            style={{ minWidth: 340 }}
            loading={systems.isLoading}
            value={selectedId}
            onChange={(id: string) => update({ id })}
            options={(systems.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.edition}）· ${label(INDICATOR_SYSTEM_STATUSES[s.status])}`,
            }))}
            data-testid="indicator-system-select"
          />
          {can('indicator.manage') && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="indicator-system-create"
            >
              {t('新建版本', 'New edition')}
            </Button>
          )}
        </>
      }
    >
      {!sys && !tree.isLoading && <Empty description={t('暂无指标体系', 'No indicator system')} />}
      {sys && (
        <>
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('名称', 'Name')}>{sys.name}</Descriptions.Item>
            <Descriptions.Item label={t('版本', 'Edition')}>{sys.edition}</Descriptions.Item>
            <Descriptions.Item label={t('状态', 'Status')}>
              <Tag color={STATUS_COLORS[sys.status]}>{label(INDICATOR_SYSTEM_STATUSES[sys.status])}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {sys.note && <Alert type="info" showIcon message={sys.note} style={{ marginBottom: 12 }} />}
          {editable && (
            <Flex gap="small" style={{ marginBottom: 12 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setEditing({ parent: null })}
                data-testid="system-item-add-root"
              >
                {t('新增一级指标', 'Add first-level item')}
              </Button>
              {sys.status === 'draft' && (
                <ConfirmButton
                  type="default"
                  testId="indicator-system-activate"
                  title={t('启用该版本？', 'Activate this edition?')}
                  onConfirm={() => setStatus('active')}
                >
                  {t('启用', 'Activate')}
                </ConfirmButton>
              )}
              {sys.status === 'active' && (
                <ConfirmButton
                  type="default"
                  danger
                  testId="indicator-system-retire"
                  title={t(
                    '停用该版本？停用后不能再修改。',
                    'Retire this edition? It can no longer be edited.',
                  )}
                  onConfirm={() => setStatus('retired')}
                >
                  {t('停用', 'Retire')}
                </ConfirmButton>
              )}
            </Flex>
          )}
          <Table<Row>
            key={sys.id}
            rowKey="id"
            size="middle"
            loading={tree.isFetching}
            dataSource={rows}
            pagination={false}
            expandable={{ defaultExpandedRowKeys: allKeys }}
            data-testid="indicator-system-tree"
            columns={[
              {
                title: t('指标', 'Item'),
                dataIndex: 'text',
                render: (_v, i) => (
                  <Typography.Text strong={i.level < 3}>
                    {i.number}
                    {i.level === 1 ? '、' : i.level === 2 ? '.' : ' '}
                    {i.text}
                  </Typography.Text>
                ),
              },
              {
                title: t('证明材料要求', 'Evidence required'),
                dataIndex: 'evidenceRequirements',
                width: 260,
                render: (_v, i) =>
                  i.evidenceRequirements.length ? (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {i.evidenceRequirements.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  ) : null,
              },
              {
                title: t('关联指标', 'Linked indicators'),
                dataIndex: 'indicators',
                width: 300,
                render: (_v, i) => (
                  <Space size={[4, 4]} wrap>
                    {i.indicators.map((ind) => (
                      <Tooltip
                        key={ind.code}
                        title={`${ind.code} · ${label(INDICATOR_KINDS[ind.kind as IndicatorKind] ?? INDICATOR_KINDS.collected)}`}
                      >
                        <Tag color={KIND_COLORS[ind.kind as IndicatorKind] ?? 'default'}>
                          {ind.name}
                          {ind.unit ? `（${ind.unit}）` : ''}
                        </Tag>
                      </Tooltip>
                    ))}
                  </Space>
                ),
              },
              ...(editable
                ? [
                    {
                      title: t('操作', 'Actions'),
                      key: 'actions',
                      width: 150,
                      render: (_v: unknown, i: Row) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setEditing({ item: i })}
                            data-testid={`system-item-edit-${i.number}`}
                          >
                            {t('编辑', 'Edit')}
                          </Button>
                          {i.level < 3 && (
                            <Button type="link" size="small" onClick={() => setEditing({ parent: i })}>
                              {t('添加下级', 'Add child')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <SystemItemDrawer system={sys} editing={editing} onClose={() => setEditing(null)} />
        </>
      )}
      <CreateSystemModal
        open={creating}
        copyFrom={sys ? { id: sys.id, code: sys.code, name: sys.name, edition: sys.edition } : null}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          update({ id });
        }}
      />
    </PageCard>
  );
}

/** A new edition: by default a copy of the edition shown (to revise it), as a draft. */
function CreateSystemModal(props: {
  open: boolean;
  copyFrom: { id: string; code: string; name: string; edition: string } | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<SystemCreateInput & { copy: 'yes' | 'no' }>();
  const create = useCreateSystem();
  return (
    <Modal
      open={props.open}
      title={t('新建指标体系版本', 'New indicator-system edition')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={testIdProps('indicator-system-create-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          code: props.copyFrom?.code ?? '',
          name: props.copyFrom?.name ?? '',
          edition: '',
          note: '',
          copy: props.copyFrom ? 'yes' : 'no',
        }}
        onFinish={(v) =>
          create.mutate(
            {
              code: v.code.trim(),
              name: v.name.trim(),
              edition: v.edition.trim(),
              note: (v.note ?? '').trim(),
              copyFromId: v.copy === 'yes' && props.copyFrom ? props.copyFrom.id : null,
            },
            {
              onSuccess: (tree) => {
                showSuccess(t('已新建版本（草稿）', 'Edition created (draft)'));
                props.onCreated(tree.id);
              },
              onError: (e) => applyServerErrors(form, e),
            },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('体系代码', 'Code')}
          rules={[{ required: true, message: t('请填写体系代码', 'Enter a code') }]}
        >
          <Input placeholder="city_county_demonstration" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('名称', 'Name')}
          rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter a name') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="edition"
          label={t('版本', 'Edition')}
          rules={[
            { required: true, whitespace: true, message: t('请填写版本，如 2025年版', 'Enter the edition') },
          ]}
        >
          <Input
            maxLength={40}
            placeholder={t('如 2025年版', 'e.g. 2025年版')}
            data-testid="indicator-system-edition"
          />
        </Form.Item>
        {props.copyFrom && (
          <Form.Item name="copy" label={t('条目', 'Items')}>
            <Select
              options={[
                {
                  value: 'yes',
                  label: t(
                    `复制“${props.copyFrom.edition}”的全部条目`,
                    `Copy every item of ${props.copyFrom.edition}`,
                  ),
                },
                { value: 'no', label: t('空白版本', 'Empty edition') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('说明', 'Note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
