import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { LocaleSwitch } from '../../../platform/ui';
import { useLogin, type LoginInput } from '../api';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();

  const onFinish = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: (me) => {
        void navigate(me.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
          replace: true,
        });
      },
    });
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="login-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('法治政府建设工作平台', 'Rule-of-Law Government Platform')}
          </Typography.Title>
          <LocaleSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">
          {t('请使用本人账户登录', 'Sign in with your own account')}
        </Typography.Paragraph>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            title={errorText(login.error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            rules={[
              { required: true, whitespace: true, message: t('请输入用户名', 'Please enter your username') },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码', 'Password')}
            rules={[{ required: true, message: t('请输入密码', 'Please enter your password') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('登录', 'Sign in')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('连续多次输入错误密码将锁定账户。', 'Repeated wrong passwords lock the account.')}
      </Typography.Text>
    </Flex>
  );
}
