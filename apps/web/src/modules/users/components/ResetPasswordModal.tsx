import type { User } from '@fazhi/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useResetPassword } from '../api';
import { PasswordField } from './PasswordField';

interface ResetPasswordModalProps {
  user: User | null;
  onClose: () => void;
}

/** 重置密码 (安全管理员): choose the new password, confirm, and the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();

  const onFinish = ({ password }: { password: string }) => {
    if (!user) return;
    modal.confirm({
      title: t(
        `确定重置 ${user.displayName}（${user.username}）的密码？`,
        `Reset the password of ${user.displayName} (${user.username})?`,
      ),
      content: t('原密码将立即失效。', 'The current password stops working at once.'),
      okText: t('确定重置', 'Reset'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { danger: true, ...testIdProps('reset-password-confirm') },
      onOk: () =>
        reset.mutateAsync({ user, password }).then(() => {
          showSuccess(
            t('密码已重置，请将新密码告知用户', 'Password reset; give the new password to the user'),
          );
          onClose();
        }),
    });
  };

  return (
    <Modal
      open={user !== null}
      title={
        user
          ? t(
              `重置密码：${user.displayName}（${user.username}）`,
              `Reset password: ${user.displayName} (${user.username})`,
            )
          : ''
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('重置密码', 'Reset password')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: true, loading: reset.isPending, ...testIdProps('reset-password-submit') }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '重置后该用户下次登录时必须修改密码。此操作记入审计日志。',
          'The user must change it at next sign-in. This is audited.',
        )}
      />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <PasswordField name="password" label={t('新密码', 'New password')} testId="reset-password-input" />
      </Form>
    </Modal>
  );
}
