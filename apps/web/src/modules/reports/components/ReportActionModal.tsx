import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  REPORT_TRANSITIONS,
  type Report,
  type ReportAction,
  type ReportTransitionInput,
} from '@fazhi/contracts';
import { Alert, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ComponentProps } from 'react';
import { isApiError } from '../../../platform/api';
import { useLabel, useT } from '../../../platform/i18n';
import { useReportTransition } from '../api/reports';

const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** The modal of one lifecycle step, with the step's record (sign-offs, secrecy review, sending, publication). */
export function ReportActionModal({
  report,
  action,
  onClose,
}: {
  report: Report;
  action: ReportAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm();
  const transition = useReportTransition();
  const [error, setError] = useState<string | null>(null);
  if (!action) return null;
  const def = REPORT_TRANSITIONS[action];
  const submit = async () => {
    const v = await form.validateFields();
    let input: ReportTransitionInput;
    switch (action) {
      case 'secrecy_review':
        input = {
          action,
          version: report.version,
          reviewer: v.reviewer,
          reviewedOn: iso(v.reviewedOn),
          conclusion: v.conclusion,
        };
        break;
      case 'sign':
        input = {
          action,
          version: report.version,
          issuedOn: iso(v.issuedOn),
          docNumber: v.docNumber || null,
          signer: v.signer || null,
          signoffs: (v.signoffs ?? []).map((s: { name: string; position: string; signedOn: Dayjs }) => ({
            name: s.name,
            position: s.position,
            signedOn: iso(s.signedOn),
          })),
        };
        break;
      case 'send':
        input = {
          action,
          version: report.version,
          sendings: (v.sendings ?? []).map(
            (s: { recipient: string; copyTo?: string; sentOn: Dayjs; channel?: string }) => ({
              recipient: s.recipient,
              copyTo: (s.copyTo ?? '')
                .split(/[，,、\n]/)
                .map((x) => x.trim())
                .filter(Boolean),
              sentOn: iso(s.sentOn),
              channel: s.channel ?? '',
            }),
          ),
        };
        break;
      case 'publish':
        input = { action, version: report.version, publishedOn: iso(v.publishedOn), url: v.url || null };
        break;
      default:
        input = { action, version: report.version, note: v.note || undefined };
    }
    setError(null);
    try {
      await transition.mutateAsync({ id: report.id, input });
      form.resetFields();
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e.localizedMessage() : String(e));
    }
  };
  const today = dayjs();
  return (
    <Modal
      open
      title={label(def)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={transition.isPending}
      width={action === 'sign' || action === 'send' ? 720 : 520}
      okButtonProps={{ 'data-testid': 'report-action-submit' } as ComponentProps<typeof Button>}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="report-action-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          reviewedOn: today,
          issuedOn: today,
          publishedOn: today,
          docNumber: report.docNumber ?? undefined,
          signer: report.signer ?? undefined,
          signoffs: [{ signedOn: today }],
          sendings: [{ sentOn: today }],
        }}
      >
        {action === 'secrecy_review' && (
          <>
            <Form.Item
              name="reviewer"
              label={t('保密审查人（机构）', 'Reviewer')}
              rules={[{ required: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="reviewedOn" label={t('审查日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="conclusion" label={t('审查结论', 'Conclusion')} rules={[{ required: true }]}>
              <Input.TextArea
                rows={3}
                maxLength={500}
                placeholder={t('如：不涉及国家秘密和工作秘密，可以公开', '')}
              />
            </Form.Item>
          </>
        )}
        {action === 'sign' && (
          <>
            <Form.List name="signoffs">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, message: t('姓名', 'Name') }]}
                      >
                        <Input placeholder={t('党政主要负责人姓名', 'Name')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'position']}
                        rules={[{ required: true, message: t('职务', 'Position') }]}
                      >
                        <Input placeholder={t('职务', 'Position')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'signedOn']} rules={[{ required: true }]}>
                        <DatePicker />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ signedOn: today })}>
                    {t('添加签发人', 'Add signatory')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="docNumber" label={t('发文字号', 'Document number')} style={{ marginTop: 16 }}>
              <Input maxLength={40} placeholder="三政文〔2026〕5号" />
            </Form.Item>
            {report.kind === 'to_superior' && (
              <Form.Item
                name="signer"
                label={t('签发人（上行文）', 'Signer (upward report)')}
                rules={[{ required: true }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            )}
            <Form.Item name="issuedOn" label={t('成文日期', 'Date of issue')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {action === 'send' && (
          <Form.List name="sendings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'recipient']}
                      rules={[{ required: true, message: t('报送对象', 'Recipient') }]}
                    >
                      <Input placeholder={t('报送对象，如 市人大常委会', 'Recipient')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'copyTo']}>
                      <Input placeholder={t('抄送（逗号分隔）', 'Copy to')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'sentOn']} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'channel']}>
                      <Input placeholder={t('方式，如 机要交换', 'Channel')} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ sentOn: today })}>
                  {t('添加报送对象', 'Add recipient')}
                </Button>
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  message={t(`报送期限：${report.deadlines.sendBy}`, `Send by ${report.deadlines.sendBy}`)}
                />
              </>
            )}
          </Form.List>
        )}
        {action === 'publish' && (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              message={t(
                `公开期限：${report.deadlines.publishBy}；公开后报告中的数据即被固定`,
                `Publish by ${report.deadlines.publishBy}; figures are frozen at publication`,
              )}
            />
            <Form.Item name="publishedOn" label={t('公开日期', 'Published on')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="url" label={t('公开网址', 'URL')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        {['start_draft', 'to_discussion', 'to_review', 'revise', 'archive'].includes(action) && (
          <Form.Item name="note" label={t('说明（可选）', 'Note (optional)')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
