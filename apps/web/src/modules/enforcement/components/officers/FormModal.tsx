import { Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { showSuccess } from '../../../../platform/api';
import { applyServerErrors } from '../../../../platform/forms';
import { useT } from '../../../../platform/i18n';
import { testIdProps } from '../../../../platform/ui';

export type FormValues = Record<string, unknown>;

/** A modal form: submits, shows 已保存 and closes, or marks the fields the server refused. */
export function FormModal({
  open,
  title,
  testId,
  initialValues,
  onClose,
  onSubmit,
  children,
  width,
}: {
  open: boolean;
  title: string;
  testId: string;
  initialValues?: FormValues;
  onClose: () => void;
  onSubmit: (values: FormValues) => Promise<unknown>;
  children: ReactNode;
  width?: number;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const [pending, setPending] = useState(false);
  const send = async (values: FormValues) => {
    setPending(true);
    try {
      await onSubmit(values);
      showSuccess(t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={testIdProps(`${testId}-submit`)}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={send} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

export const labelOptions = (map: Record<string, string>) =>
  Object.entries(map).map(([value, label]) => ({ value, label }));
