import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const homeRoutes: RouteObject[] = [
  {
    index: true,
    element: lazyPage(
      () => import('./pages/HomePage'),
      (m) => m.HomePage,
    ),
  },
];
