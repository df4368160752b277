import { REPORT_KINDS, reportKindNames, type ReportKind } from '@fazhi/contracts';
import { Alert, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../platform/api';
import { useLabel, useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { useCreateReport } from '../api/reports';

interface Values {
  orgId?: string;
  coOrgId?: string;
  year: number;
  kind: ReportKind;
  title?: string;
}

/** 新建年度报告: the organisation, the year, the kind, and the Party committee of a joint report. */
export function ReportCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateReport();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const r = await create.mutateAsync({
        orgId: v.orgId ?? '',
        coOrgId: v.coOrgId || null,
        year: v.year,
        kind: v.kind,
        title: v.title || undefined,
      });
      onClose();
      form.resetFields();
      void navigate(`/reports/${r.id}`);
    } catch (e) {
      setError(isApiError(e) ? e.localizedMessage() : String(e));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={520}
      title={t('新建年度报告', 'New annual report')}
      data-testid="report-create-drawer"
      footer={
        <DrawerFormFooter testId="report-create" saving={create.isPending} onCancel={onClose} onSave={save} />
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, kind: 'to_congress' }}
      >
        <Form.Item
          name="orgId"
          label={t('报告单位', 'Reporting organisation')}
          rules={[{ required: true, message: t('请选择报告单位', 'Choose the organisation') }]}
        >
          <OrgTreeSelect testId="report-create-org" />
        </Form.Item>
        <Form.Item
          name="coOrgId"
          label={t('联合报告的党委（可选）', 'Party committee of a joint report (optional)')}
          extra={t(
            '党委、政府联合向上级报告时选择同级党委',
            'For a joint Party committee and government report',
          )}
        >
          <OrgTreeSelect testId="report-create-coorg" />
        </Form.Item>
        <Form.Item name="year" label={t('报告年度', 'Year reported on')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} data-testid="report-create-year" />
        </Form.Item>
        <Form.Item name="kind" label={t('报告类型', 'Kind')} rules={[{ required: true }]}>
          <Select
            data-testid="report-create-kind"
            options={reportKindNames.map((k) => ({ value: k, label: label(REPORT_KINDS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('标题（留空自动生成）', 'Title (generated when empty)')}>
          <Input maxLength={120} data-testid="report-create-title" />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          message={t(
            '报告须于次年3月1日前报送、4月1日前向社会公开（《法治政府建设与责任落实督察工作规定》）',
            'Send by 1 March and publish by 1 April of the following year',
          )}
        />
      </Form>
    </Drawer>
  );
}
