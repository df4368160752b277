import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n';

export function ForbiddenResult() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t(
        '抱歉，您没有访问此页面的权限。如需使用，请联系系统管理员分配相应角色。',
        'Sorry, you may not open this page. Ask your administrator for the role you need.',
      )}
      extra={
        <Button type="primary" data-testid="forbidden-home" onClick={() => void navigate('/')}>
          {t('返回首页', 'Back to home')}
        </Button>
      }
    />
  );
}

export function NotFoundResult() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('抱歉，您访问的页面不存在或已被移除。', 'Sorry, this page does not exist.')}
      extra={
        <Button type="primary" data-testid="notfound-home" onClick={() => void navigate('/')}>
          {t('返回首页', 'Back to home')}
        </Button>
      }
    />
  );
}
