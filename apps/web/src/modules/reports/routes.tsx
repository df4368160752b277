import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    handle: { crumb: { zh: '年度报告', en: 'Annual reports' } },
    children: [
      {
        index: true,
        element: lazyPage(
          () => import('./pages/ReportsPage'),
          (m) => m.ReportsPage,
          'report.read',
        ),
      },
      {
        path: ':reportId',
        handle: { crumb: { zh: '报告', en: 'Report' } },
        element: lazyPage(
          () => import('./pages/ReportPage'),
          (m) => m.ReportPage,
          'report.read',
        ),
      },
    ],
  },
];

export const reportPublicRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: lazyPage(
      () => import('./portal/PublishedReportsPage'),
      (m) => m.PublishedReportsPage,
    ),
  },
  {
    path: 'reports/:reportId',
    element: lazyPage(
      () => import('./portal/PublishedReportPage'),
      (m) => m.PublishedReportPage,
    ),
  },
];
