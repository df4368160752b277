import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const auditRoutes: RouteObject[] = [
  {
    path: 'audit',
    handle: { crumb: { zh: '审计日志', en: 'Audit log' } },
    element: lazyPage(
      () => import('./pages/AuditPage'),
      (m) => m.AuditPage,
      'audit.read',
    ),
  },
];
