import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

/** The list page stays mounted while `/clocks/:clockId` opens and closes its detail drawer. */
export const clocksRoutes: RouteObject[] = [
  {
    path: 'clocks',
    handle: { crumb: { zh: '期限监控', en: 'Time limits' } },
    element: lazyPage(
      () => import('./pages/ClocksPage'),
      (m) => m.ClocksPage,
      'clock.read',
    ),
    children: [
      { index: true, element: null },
      { path: ':clockId', element: null, handle: { crumb: { zh: '详情', en: 'Details' } } },
    ],
  },
];
