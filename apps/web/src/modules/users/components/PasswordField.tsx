import { passwordMeetsPolicy } from '@fazhi/contracts';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useT } from '../../../platform/i18n';
import { randomPassword } from './random-password';

interface PasswordFieldProps {
  name: string;
  label: string;
  testId: string;
}

/**
 * An initial/reset password: checked against the policy (≥8 characters, 3 of 4 classes), shown in
 * clear text so the administrator can hand it over, with a generator. The user must change it at
 * first sign-in.
 */
export function PasswordField({ name, label, testId }: PasswordFieldProps) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('请设置密码', 'Please set a password') },
            {
              validator: async (_r, value: string | undefined) => {
                if (value && !passwordMeetsPolicy(value)) {
                  throw new Error(t('密码不符合安全策略', 'The password does not meet the policy'));
                }
              },
            },
          ]}
        >
          <Input autoComplete="new-password" data-testid={testId} />
        </Form.Item>
        <Button
          onClick={() => {
            form.setFieldValue(name, randomPassword());
            void form.validateFields([name]);
          }}
          data-testid={`${testId}-generate`}
        >
          {t('随机生成', 'Generate')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          '至少 8 位，含大写字母、小写字母、数字、符号中的三类；用户首次登录时须修改。',
          'At least 8 characters from three of four classes; the user must change it at first sign-in.',
        )}
      </Typography.Text>
    </Form.Item>
  );
}
