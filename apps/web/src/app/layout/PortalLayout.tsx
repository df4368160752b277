import { Layout } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useT } from '../../platform/i18n';
import { PageSpinner } from '../../platform/navigation';
import { LocaleSwitch } from '../../platform/ui';

/** The public portal (政务公开): no login, no menu of the staff application. */
export function PortalLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#a61b29',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
        }}
      >
        <Link to="/portal" data-testid="portal-home" style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {t('法治政府建设 · 公众服务', 'Rule of Law · Public portal')}
        </Link>
        <LocaleSwitch />
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 1100, width: '100%', margin: '24px auto', padding: '0 16px' }}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        {t('本页面信息由各级人民政府及其部门依法公开', 'Published by the governments and their departments')}
      </Layout.Footer>
    </Layout>
  );
}
