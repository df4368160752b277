import { passwordMeetsPolicy } from '@fazhi/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError, errorText, showSuccess, useCurrentUser } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { LocaleSwitch } from '../../../platform/ui';
import { useChangePassword, useLogout } from '../api';
import { PasswordPolicyHint } from '../components';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELD_OF_CODE: Record<string, keyof Values> = {
  PASSWORD_WRONG: 'currentPassword',
  PASSWORD_POLICY: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

/** 修改密码 — forced (no way around it but signing out) while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const logout = useLogout();
  const forced = me.mustChangePassword;

  const onFinish = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          showSuccess(t('密码已修改', 'Password changed'));
          void navigate('/', { replace: true });
        },
        onError: (error) => {
          const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [errorText(error)] }]);
        },
      },
    );
  };

  const generalError =
    change.error instanceof ApiError && FIELD_OF_CODE[change.error.code] ? null : change.error;

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 440, maxWidth: '100%' }} data-testid="change-password-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('修改密码', 'Change password')}
          </Typography.Title>
          <LocaleSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">
          {me.displayName}（{me.username}）
        </Typography.Paragraph>
        {forced && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(
              '首次登录或密码已过期，请先修改密码',
              'First sign-in or expired password: please change it first',
            )}
            data-testid="change-password-forced"
          />
        )}
        {generalError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(generalError)} />
        )}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('原密码', 'Current password')}
            rules={[{ required: true, message: t('请输入原密码', 'Please enter the current password') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="cp-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('新密码', 'New password')}
            extra={<PasswordPolicyHint />}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('请输入新密码', 'Please enter a new password') },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  if (!value) return;
                  if (!passwordMeetsPolicy(value)) {
                    throw new Error(t('密码不符合安全策略', 'The password does not meet the policy'));
                  }
                  if (value === getFieldValue('currentPassword')) {
                    throw new Error(
                      t('新密码不能与原密码相同', 'The new password must differ from the current one'),
                    );
                  }
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="cp-new" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('确认新密码', 'Confirm new password')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('请再次输入新密码', 'Please repeat the new password') },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) {
                    throw new Error(t('两次输入的密码不一致', 'The passwords do not match'));
                  }
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="cp-confirm" />
          </Form.Item>
          <Flex gap="small">
            <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="cp-submit">
              {t('确认修改', 'Change password')}
            </Button>
            {forced ? (
              <Button
                onClick={() =>
                  logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
                }
                data-testid="cp-logout"
              >
                {t('退出登录', 'Sign out')}
              </Button>
            ) : (
              <Button onClick={() => void navigate(-1)} data-testid="cp-cancel">
                {t('返回', 'Back')}
              </Button>
            )}
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
