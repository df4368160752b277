import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyServerErrors } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';

interface ActionModalProps<V> {
  open: boolean;
  title: string;
  /** Test id of the submit button. */
  submitTestId: string;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  /** When given, asks this question before submitting (irreversible actions). */
  confirm?: string;
  children: ReactNode;
}

/** A modal form for one clock action (pause, end pause, extend, complete). */
export function ActionModal<V extends object>({
  open,
  title,
  submitTestId,
  initialValues,
  onClose,
  onSubmit,
  confirm,
  children,
}: ActionModalProps<V>) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<V>();
  const [pending, setPending] = useState(false);

  const send = async (values: V) => {
    setPending(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    } finally {
      setPending(false);
    }
  };

  const onFinish = (values: V) => {
    if (!confirm) return send(values);
    modal.confirm({
      title: confirm,
      okText: t('确定', 'OK'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: testIdProps(`${submitTestId}-confirm`),
      onOk: () => send(values),
    });
    return undefined;
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={testIdProps(submitTestId)}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)}>
        {children}
      </Form>
    </Modal>
  );
}
