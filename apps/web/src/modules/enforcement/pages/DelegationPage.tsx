import { POWER_STATUSES, type DelegatedPower, type PowerStatus } from '@fazhi/contracts';
import {
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton, showError } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui/PageCard';
import { useOrgs } from '../../org';
import {
  DELEGATION_PATH,
  useCreateRound,
  useDelegatedPowers,
  useDelegationRounds,
  useTownships,
  useUpdateCapacity,
  useWithdrawPower,
} from '../api/delegation';

const statusColor: Record<PowerStatus, string> = {
  pending: 'orange',
  in_effect: 'green',
  withdrawn: 'default',
};

/** 乡镇（街道）赋权事项 (行政处罚法 第二十四条): powers, adjustment rounds, township capacity. */
export function DelegationPage() {
  const t = useT();
  const [status, setStatus] = useState<PowerStatus | undefined>('in_effect');
  const [q, setQ] = useState('');
  const filters = { status, q: q || undefined };
  const powers = useDelegatedPowers(filters);
  const [adjusting, setAdjusting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<DelegatedPower | null>(null);
  return (
    <PageCard
      title={t('乡镇（街道）赋权事项', 'Delegated township powers')}
      testId="delegation-page"
      extra={
        <Space>
          {powers.data?.canAdjust && (
            <Button type="primary" onClick={() => setAdjusting(true)}>
              {t('登记调整批次', 'New adjustment round')}
            </Button>
          )}
          <ExportButton
            listPath={`${DELEGATION_PATH}/powers`}
            filters={filters}
            fileBaseName="乡镇赋权事项"
          />
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'powers',
            label: t('赋权事项', 'Powers'),
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    value={status}
                    onChange={setStatus}
                    style={{ width: 140 }}
                    options={Object.entries(POWER_STATUSES).map(([value, label]) => ({ value, label }))}
                  />
                  <Input.Search placeholder={t('事项名称', 'Name')} allowClear onSearch={setQ} />
                </Space>
                <Table<DelegatedPower>
                  rowKey="id"
                  size="small"
                  loading={powers.isLoading}
                  dataSource={powers.data?.items ?? []}
                  columns={[
                    { title: t('乡镇（街道）', 'Township'), dataIndex: 'townshipName' },
                    { title: t('事项', 'Power'), dataIndex: 'name' },
                    { title: t('原实施部门', 'Source'), dataIndex: 'sourceOrgName' },
                    { title: t('决定文号', 'Decision'), dataIndex: 'decisionDocNumber' },
                    { title: t('生效', 'From'), dataIndex: 'effectiveOn' },
                    { title: t('收回', 'Withdrawn'), dataIndex: 'withdrawnOn' },
                    {
                      title: t('状态', 'Status'),
                      dataIndex: 'status',
                      render: (s: PowerStatus) => <Tag color={statusColor[s]}>{POWER_STATUSES[s]}</Tag>,
                    },
                    {
                      title: '',
                      render: (_, p) =>
                        p.actions.includes('withdraw') && (
                          <Button size="small" onClick={() => setWithdrawing(p)}>
                            {t('收回', 'Withdraw')}
                          </Button>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          { key: 'rounds', label: t('调整批次', 'Rounds'), children: <RoundsTab /> },
          { key: 'capacity', label: t('承接能力', 'Capacity'), children: <CapacityTab /> },
        ]}
      />
      {adjusting && <RoundForm onClose={() => setAdjusting(false)} />}
      {withdrawing && <WithdrawForm power={withdrawing} onClose={() => setWithdrawing(null)} />}
    </PageCard>
  );
}

function RoundsTab() {
  const t = useT();
  const rounds = useDelegationRounds();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={rounds.isLoading}
      dataSource={rounds.data?.items ?? []}
      columns={[
        { title: t('批次', 'Round'), dataIndex: 'title' },
        { title: t('决定文号', 'Decision'), dataIndex: 'decisionDocNumber' },
        { title: t('决定日期', 'Decided'), dataIndex: 'decisionDate' },
        { title: t('生效日期', 'Effective'), dataIndex: 'effectiveOn' },
        { title: t('新增', 'Added'), dataIndex: 'added' },
        { title: t('收回', 'Withdrawn'), dataIndex: 'withdrawn' },
      ]}
    />
  );
}

function CapacityTab() {
  const t = useT();
  const towns = useTownships();
  const update = useUpdateCapacity();
  const [edit, setEdit] = useState<Record<string, { staff: number; certifiedManual: number | null }>>({});
  return (
    <>
      <p style={{ color: '#888' }}>
        {t(
          '持证人数取自执法证件库（当日有效的行政执法证）；尚未录入证件库的乡镇可填写手工持证人数。',
          'Certified officers come from the certificate register; a manual figure may be kept until it is filled.',
        )}
      </p>
      <Table
        rowKey="orgId"
        size="small"
        loading={towns.isLoading}
        dataSource={towns.data?.items ?? []}
        columns={[
          { title: t('乡镇（街道）', 'Township'), dataIndex: 'name' },
          { title: t('实施中事项', 'Powers in effect'), dataIndex: 'powersInEffect' },
          { title: t('持证人数（证件库）', 'Certified (register)'), dataIndex: 'certifiedFromRegister' },
          {
            title: t('执法人员数', 'Staff'),
            render: (_, r) =>
              towns.data?.canEdit ? (
                <InputNumber
                  min={0}
                  defaultValue={r.staff}
                  onChange={(v) =>
                    setEdit((e) => ({ ...e, [r.orgId]: { ...(e[r.orgId] ?? r), staff: v ?? 0 } }))
                  }
                />
              ) : (
                r.staff
              ),
          },
          {
            title: t('持证人数（手工）', 'Certified (manual)'),
            render: (_, r) =>
              towns.data?.canEdit ? (
                <InputNumber
                  min={0}
                  defaultValue={r.certifiedManual ?? undefined}
                  onChange={(v) =>
                    setEdit((e) => ({
                      ...e,
                      [r.orgId]: { ...(e[r.orgId] ?? r), certifiedManual: v ?? null },
                    }))
                  }
                />
              ) : (
                (r.certifiedManual ?? '—')
              ),
          },
          {
            title: '',
            render: (_, r) =>
              edit[r.orgId] && (
                <Button
                  size="small"
                  loading={update.isPending}
                  onClick={() =>
                    update.mutate(
                      {
                        orgId: r.orgId,
                        staff: edit[r.orgId]!.staff,
                        certifiedManual: edit[r.orgId]!.certifiedManual,
                        note: r.note,
                        version: r.version,
                      },
                      { onError: showError, onSuccess: () => setEdit(({ [r.orgId]: _, ...rest }) => rest) },
                    )
                  }
                >
                  {t('保存', 'Save')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

function RoundForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const create = useCreateRound();
  const orgs = useOrgs();
  const powers = useDelegatedPowers({ status: 'in_effect' });
  const [form] = Form.useForm();
  const townships = (orgs.data ?? [])
    .filter((o) => o.type === 'township')
    .map((o) => ({ value: o.id, label: o.name }));
  const all = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Drawer
      open
      width={900}
      onClose={onClose}
      title={t('登记调整批次', 'Adjustment round')}
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('保存', 'Save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ add: [], withdraw: [] }}
        onFinish={(v: Record<string, unknown> & { decisionDate: Dayjs; effectiveOn: Dayjs }) =>
          create.mutate(
            {
              ...v,
              decisionDate: v.decisionDate.format('YYYY-MM-DD'),
              effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
            },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="title" label={t('批次名称', 'Title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="decisionDocNumber"
            label={t('决定文号', 'Decision no.')}
            rules={[{ required: true }]}
          >
            <Input placeholder="新政〔2023〕15号" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('决定日期', 'Decided on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveOn" label={t('生效日期', 'Effective on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.List name="add">
          {(fields, { add, remove }) => (
            <>
              <h4>{t('新增赋权事项', 'Powers added')}</h4>
              {fields.map((f) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item
                    name={[f.name, 'townshipOrgId']}
                    rules={[{ required: true }]}
                    style={{ width: 160 }}
                  >
                    <Select
                      placeholder={t('乡镇', 'Township')}
                      options={townships}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'sourceOrgId']}
                    rules={[{ required: true }]}
                    style={{ width: 160 }}
                  >
                    <Select
                      placeholder={t('原实施部门', 'Source')}
                      options={all}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('事项名称', 'Power')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'legalBasis']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('法律依据', 'Legal basis')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({})}>{t('添加', 'Add')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="withdraw" label={t('收回赋权事项', 'Powers withdrawn')} style={{ marginTop: 16 }}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(powers.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.townshipName}：${p.name}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function WithdrawForm({ power, onClose }: { power: DelegatedPower; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawPower();
  const [form] = Form.useForm();
  return (
    <Drawer
      open
      width={480}
      onClose={onClose}
      title={`${t('收回', 'Withdraw')}：${power.name}`}
      extra={
        <Button type="primary" danger loading={withdraw.isPending} onClick={() => form.submit()}>
          {t('收回', 'Withdraw')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { withdrawnOn: Dayjs; decisionDocNumber: string }) =>
          withdraw.mutate(
            {
              id: power.id,
              version: power.version,
              withdrawnOn: v.withdrawnOn.format('YYYY-MM-DD'),
              decisionDocNumber: v.decisionDocNumber,
            },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item
          name="decisionDocNumber"
          label={t('收回决定文号', 'Decision no.')}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="withdrawnOn" label={t('收回日期', 'Withdrawn on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
