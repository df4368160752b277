import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

/** Outside the authenticated shell. */
export const loginRoute: RouteObject = {
  path: '/login',
  element: lazyPage(
    () => import('./pages/LoginPage'),
    (m) => m.LoginPage,
  ),
};

/** Signed in, but outside the layout: it must work while the password change is forced. */
export const changePasswordRoute: RouteObject = {
  path: '/change-password',
  element: lazyPage(
    () => import('./pages/ChangePasswordPage'),
    (m) => m.ChangePasswordPage,
  ),
};
