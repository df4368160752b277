import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const indicatorRoutes: RouteObject[] = [
  {
    path: 'indicators',
    handle: { crumb: { zh: '指标', en: 'Indicators' } },
    children: [
      {
        index: true,
        element: lazyPage(
          () => import('./pages/IndicatorsPage'),
          (m) => m.IndicatorsPage,
          'indicator.read',
        ),
      },
      {
        path: 'systems',
        handle: { crumb: { zh: '指标体系', en: 'Indicator systems' } },
        element: lazyPage(
          () => import('./pages/IndicatorSystemsPage'),
          (m) => m.IndicatorSystemsPage,
          'indicator.read',
        ),
      },
      {
        path: 'dashboard',
        handle: { crumb: { zh: '数据看板', en: 'Dashboard' } },
        element: lazyPage(
          () => import('./pages/DashboardPage'),
          (m) => m.DashboardPage,
          'dashboard.read',
        ),
      },
      {
        path: 'import-report',
        handle: { crumb: { zh: '导入已公开报告', en: 'Import a report' } },
        element: lazyPage(
          () => import('./pages/ReportImportPage'),
          (m) => m.ReportImportPage,
          'indicator.manage',
        ),
      },
    ],
  },
];
