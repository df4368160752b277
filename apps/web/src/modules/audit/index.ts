import { AuditOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { auditRoutes } from './routes';

export const auditModule: ModuleDefinition = {
  key: 'audit',
  label: { zh: '安全审计', en: 'Audit' },
  icon: createElement(AuditOutlined),
  menu: [
    {
      path: '/audit',
      label: { zh: '审计日志', en: 'Audit log' },
      permission: 'audit.read',
      testId: 'menu-audit',
    },
  ],
  routes: auditRoutes,
};
