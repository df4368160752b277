import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const securityRoutes: RouteObject[] = [
  {
    path: 'security',
    handle: { crumb: { zh: '安全策略', en: 'Security policy' } },
    element: lazyPage(
      () => import('./pages/SecuritySettingsPage'),
      (m) => m.SecuritySettingsPage,
      'security.settings',
    ),
  },
];
