import { Flex, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../notifications/NotificationBell';
import { useT } from '../../platform/i18n';
import type { ModuleDefinition } from '../../platform/navigation';
import { PageSpinner } from '../../platform/navigation';
import { LocaleSwitch } from '../../platform/ui';
import { AppBreadcrumbs } from './AppBreadcrumbs';
import { PageWatermark } from './PageWatermark';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

export function AppLayout({ modules }: { modules: ModuleDefinition[] }) {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={220}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <Link to="/" data-testid="app-logo">
          <Flex
            align="center"
            justify="center"
            style={{ height: 56, fontWeight: 600, fontSize: collapsed ? 16 : 17 }}
          >
            {collapsed ? t('法治', 'RoL') : t('法治政府建设平台', 'Rule of Law')}
          </Flex>
        </Link>
        <SideMenu modules={modules} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary" ellipsis>
            {t('法治政府建设工作平台', 'Rule-of-Law Government Platform')}
          </Typography.Text>
          <Flex align="center" gap="middle" className="fz-header-actions">
            <LocaleSwitch />
            <NotificationBell />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <PageWatermark>
          <Layout.Content style={{ padding: 16 }}>
            <AppBreadcrumbs />
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </PageWatermark>
      </Layout>
    </Layout>
  );
}
