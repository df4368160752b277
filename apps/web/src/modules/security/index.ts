import { SafetyCertificateOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { securityRoutes } from './routes';

export const securityModule: ModuleDefinition = {
  key: 'security',
  label: { zh: '安全管理', en: 'Security' },
  icon: createElement(SafetyCertificateOutlined),
  menu: [
    {
      path: '/security',
      label: { zh: '安全策略', en: 'Security policy' },
      permission: 'security.settings',
      testId: 'menu-security',
    },
  ],
  routes: securityRoutes,
};
