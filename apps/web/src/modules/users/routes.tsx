import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const usersRoutes: RouteObject[] = [
  {
    path: 'users',
    handle: { crumb: { zh: '用户管理', en: 'Users' } },
    element: lazyPage(
      () => import('./pages/UsersPage'),
      (m) => m.UsersPage,
      'user.read',
    ),
  },
];
