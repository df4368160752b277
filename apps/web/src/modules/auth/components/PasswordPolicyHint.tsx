import { Typography } from 'antd';
import { useT } from '../../../platform/i18n';

export function PasswordPolicyHint() {
  const t = useT();
  return (
    <Typography.Text type="secondary">
      {t(
        '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少三类。',
        'At least 8 characters from at least three of: upper case, lower case, digits, symbols.',
      )}
    </Typography.Text>
  );
}
