import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyServerErrors } from '../../../platform/forms';
import { toIsoDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';

/** A field of a small record form (supervision records: checks, problems, notices, 约谈, 追责 …). */
export type RecordField = {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'textarea'
    | 'date'
    | 'org'
    | /** one organisation sent as a list */ 'orgs'
    | 'select'
    | 'number'
    | 'lines'
    | 'switch';
  required?: boolean;
  options?: { value: string; label: string }[];
  extra?: string;
};

/** A modal form built from field specs; dates become YYYY-MM-DD, 'lines' a list of non-empty lines. */
export function RecordFormModal({
  open,
  title,
  fields,
  initialValues,
  onClose,
  onSubmit,
  pending,
  testId,
}: {
  open: boolean;
  title: string;
  fields: RecordField[];
  initialValues?: Record<string, unknown>;
  onClose: () => void;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  pending: boolean;
  testId: string;
}) {
  const t = useT();
  const [form] = Form.useForm<Record<string, unknown>>();
  const submit = async (raw: Record<string, unknown>) => {
    const v: Record<string, unknown> = {};
    for (const f of fields) {
      const x = raw[f.name];
      if (x === undefined || x === null || x === '') continue;
      if (f.kind === 'date') v[f.name] = toIsoDate(x as Dayjs);
      else if (f.kind === 'orgs') v[f.name] = [x];
      else if (f.kind === 'lines')
        v[f.name] = String(x)
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
      else v[f.name] = x;
    }
    try {
      await onSubmit(v);
      form.resetFields();
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={pending}
      okButtonProps={testIdProps(`${testId}-submit`)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            rules={
              f.required ? [{ required: true, message: t(`请填写${f.label}`, `${f.label} is required`) }] : []
            }
          >
            {f.kind === 'orgs' ? (
              <OrgTreeSelect testId={`${testId}-${f.name}`} />
            ) : f.kind === 'textarea' || f.kind === 'lines' ? (
              <Input.TextArea rows={f.kind === 'lines' ? 5 : 3} data-testid={`${testId}-${f.name}`} />
            ) : f.kind === 'date' ? (
              <DatePicker data-testid={`${testId}-${f.name}`} />
            ) : f.kind === 'org' ? (
              <OrgTreeSelect testId={`${testId}-${f.name}`} />
            ) : f.kind === 'select' ? (
              <Select options={f.options} data-testid={`${testId}-${f.name}`} />
            ) : f.kind === 'number' ? (
              <InputNumber min={1} data-testid={`${testId}-${f.name}`} />
            ) : f.kind === 'switch' ? (
              <Switch data-testid={`${testId}-${f.name}`} />
            ) : (
              <Input data-testid={`${testId}-${f.name}`} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
