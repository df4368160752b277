import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const orgRoutes: RouteObject[] = [
  {
    path: 'org',
    handle: { crumb: { zh: '区划与单位', en: 'Regions & organisations' } },
    element: lazyPage(
      () => import('./pages/OrgPage'),
      (m) => m.OrgPage,
      'org.read',
    ),
  },
];
