import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { changePasswordRoute, loginRoute } from '../modules/auth';
import { meQueryKey, registerSessionHandlers, setCsrfToken } from '../platform/api';
import { lazyPage } from '../platform/navigation';
import { PortalLayout } from './layout/PortalLayout';
import { AppLayout } from './layout/AppLayout';
import { modules } from './modules';
import { RequireAuth } from './RequireAuth';

export function createAppRouter(queryClient: QueryClient) {
  const router = createBrowserRouter([
    loginRoute,
    {
      path: '/portal',
      element: <PortalLayout />,
      children: [
        {
          index: true,
          element: lazyPage(
            () => import('./layout/PortalHome'),
            (m) => m.PortalHome,
          ),
        },
        ...modules.flatMap((m) => m.publicRoutes ?? []),
      ],
    },
    {
      element: <RequireAuth />,
      children: [
        changePasswordRoute,
        {
          path: '/',
          element: <AppLayout modules={modules} />,
          handle: { crumb: { zh: '首页', en: 'Home' } },
          children: [
            ...modules.flatMap((m) => m.routes),
            {
              path: '403',
              element: lazyPage(
                () => import('../platform/ui/ErrorResults'),
                (m) => m.ForbiddenResult,
              ),
              handle: { crumb: { zh: '无权访问', en: 'Forbidden' } },
            },
            {
              path: '*',
              element: lazyPage(
                () => import('../platform/ui/ErrorResults'),
                (m) => m.NotFoundResult,
              ),
              handle: { crumb: { zh: '页面不存在', en: 'Not found' } },
            },
          ],
        },
      ],
    },
  ]);

  registerSessionHandlers({
    onUnauthenticated: () => {
      setCsrfToken(null);
      const { pathname, search } = router.state.location;
      if (pathname === '/login' || pathname.startsWith('/portal')) return;
      const next = encodeURIComponent(pathname + search);
      void router.navigate(`/login?next=${next}`, { replace: true }).then(() => queryClient.clear());
    },
    onPasswordChangeRequired: () => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      if (router.state.location.pathname !== '/change-password') void router.navigate('/change-password');
    },
  });

  return router;
}
