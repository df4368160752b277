import { Alert, Button, Flex } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError, errorText, useMe } from '../platform/api';
import { useT } from '../platform/i18n';
import { PageSpinner } from '../platform/navigation';

/** Loads the session; unauthenticated → /login, forced password change → /change-password. */
export function RequireAuth() {
  const t = useT();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Alert
          type="error"
          showIcon
          title={t('无法连接服务器', 'Cannot reach the server')}
          description={errorText(me.error)}
          action={
            <Button type="primary" onClick={() => void me.refetch()} data-testid="auth-retry">
              {t('重试', 'Retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (me.data.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}
