import { INSPECTION_RESULTS, type Inspection } from '@fazhi/contracts';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../../platform/access';
import { ExportButton, showError, showSuccess, useCurrentUser } from '../../../../platform/api';
import { useT } from '../../../../platform/i18n';
import {
  useBodyOfficers,
  useCapCheck,
  useEnterprises,
  useInspectionItems,
  useInspectionPlans,
  useInspections,
  useRecordInspection,
} from '../../api/inspections';

/** 检查记录: list + export, and the recording form with the yearly-cap warning before saving. */
export function RecordsTab() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState<number>();
  const filters = { page, pageSize: 20, year };
  const list = useInspections(filters);
  const [open, setOpen] = useState(false);

  const columns: TableColumnsType<Inspection> = [
    { title: t('检查日期', 'Date'), dataIndex: 'inspectedOn', width: 110 },
    { title: t('检查事项', 'Item'), render: (_, r) => `${r.item.code} ${r.item.name}` },
    {
      title: t('实施机关', 'Bodies'),
      width: 220,
      render: (_, r) => (
        <>
          {r.bodies.map((b) => b.name).join('、')}{' '}
          {r.joint && <Tag color="purple">{t('综合查一次', 'Joint')}</Tag>}
        </>
      ),
    },
    { title: t('被检查企业', 'Enterprises'), render: (_, r) => r.enterprises.map((e) => e.name).join('、') },
    {
      title: t('执法证号', 'Certificates'),
      width: 200,
      render: (_, r) => r.officers.map((o) => o.certificateNumber).join('、'),
    },
    { title: t('结果', 'Result'), width: 100, render: (_, r) => INSPECTION_RESULTS[r.result] },
    { title: t('超限理由', 'Override'), dataIndex: 'overrideReason', width: 140 },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="year" onChange={(d: Dayjs | null) => setYear(d ? d.year() : undefined)} />
        <ExportButton listPath="/api/enforcement/inspections" filters={filters} fileBaseName="涉企行政检查" />
        {can('enforcement.body') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="inspection-create">
            {t('登记检查', 'Record inspection')}
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
      {open && <RecordDrawer onClose={() => setOpen(false)} />}
    </>
  );
}

function RecordDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const orgId = useCurrentUser().orgId;
  const [form] = Form.useForm();
  const enterpriseIds = Form.useWatch<string[] | undefined>('enterpriseIds', form);
  const date = Form.useWatch<Dayjs | undefined>('inspectedOn', form);
  const items = useInspectionItems({ pageSize: 200, published: 'true', orgId });
  const plans = useInspectionPlans({ pageSize: 200, orgId, status: 'accepted' });
  const [q, setQ] = useState<string>();
  const enterprises = useEnterprises({ pageSize: 50, q });
  const officers = useBodyOfficers(orgId);
  const cap = useCapCheck({
    enterpriseId: enterpriseIds?.[0],
    bodyId: orgId,
    date: date?.format('YYYY-MM-DD'),
  });
  const record = useRecordInspection();

  return (
    <Drawer open onClose={onClose} title={t('登记行政检查', 'Record an inspection')} width={600}>
      {cap.data?.warning && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={cap.data.warning} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ onsite: true, result: 'no_problem' }}
        onFinish={(v: Record<string, unknown> & { inspectedOn: Dayjs }) =>
          record.mutate(
            { ...v, inspectedOn: v.inspectedOn.format('YYYY-MM-DD') },
            {
              onSuccess: () => {
                showSuccess(t('已登记', 'Recorded'));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item
          name="itemId"
          label={t('检查事项（本机关已公布清单）', 'Item (published list)')}
          rules={[{ required: true }]}
        >
          <Select
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item name="planId" label={t('检查计划（已备案/批准）', 'Plan (accepted)')}>
          <Select
            allowClear
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('检查日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="enterpriseIds" label={t('被检查企业', 'Enterprises')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={(v) => setQ(v || undefined)}
            options={(enterprises.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.uscc}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="officerIds"
          label={t('执法人员（两名以上，检查当日证件有效）', 'Officers (≥ 2, certificate valid that day)')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="onsite" label={t('现场检查', 'On site')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="result" label={t('检查结果', 'Result')}>
          <Select options={Object.entries(INSPECTION_RESULTS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="findings" label={t('发现问题', 'Findings')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {cap.data?.wouldExceed && (
          <Form.Item
            name="overrideReason"
            label={t('超过年度上限的理由', 'Reason for exceeding the cap')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="inspection-submit">
          {t('登记', 'Record')}
        </Button>
      </Form>
    </Drawer>
  );
}
