import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const enforcementRoutes: RouteObject[] = [
  {
    path: 'enforcement',
    handle: { crumb: { zh: '行政执法监督', en: 'Enforcement supervision' } },
    children: [
      {
        path: 'bodies',
        handle: { crumb: { zh: '执法主体', en: 'Enforcement bodies' } },
        element: lazyPage(
          () => import('./pages/BodiesPage'),
          (m) => m.BodiesPage,
          'enforcement.read',
        ),
      },
      {
        path: 'officers',
        handle: { crumb: { zh: '执法人员与证件', en: 'Officers' } },
        element: lazyPage(
          () => import('./pages/OfficersPage'),
          (m) => m.OfficersPage,
          'enforcement.read',
        ),
      },
      {
        path: 'inspections',
        handle: { crumb: { zh: '涉企行政检查', en: 'Inspections' } },
        element: lazyPage(
          () => import('./pages/InspectionsPage'),
          (m) => m.InspectionsPage,
          'enforcement.read',
        ),
      },
      {
        path: 'draws',
        handle: { crumb: { zh: '双随机抽取', en: 'Random draws' } },
        element: lazyPage(
          () => import('./pages/DrawsPage'),
          (m) => m.DrawsPage,
          'enforcement.read',
        ),
      },
      {
        path: 'lenient',
        handle: { crumb: { zh: '包容审慎监管清单', en: 'Lenient lists' } },
        element: lazyPage(
          () => import('./pages/LenientPage'),
          (m) => m.LenientPage,
          'enforcement.read',
        ),
      },
      {
        path: 'evaluations',
        handle: { crumb: { zh: '案卷评查', en: 'Case-file evaluation' } },
        element: lazyPage(
          () => import('./pages/EvaluationsPage'),
          (m) => m.EvaluationsPage,
          'enforcement.read',
        ),
      },
      {
        path: 'supervision',
        handle: { crumb: { zh: '执法监督', en: 'Supervision' } },
        element: lazyPage(
          () => import('./pages/SupervisionPage'),
          (m) => m.SupervisionPage,
          'enforcement.read',
        ),
      },
      {
        path: 'delegation',
        handle: { crumb: { zh: '乡镇赋权事项', en: 'Delegated powers' } },
        element: lazyPage(
          () => import('./pages/DelegationPage'),
          (m) => m.DelegationPage,
          'enforcement.read',
        ),
      },
      {
        path: 'figures',
        handle: { crumb: { zh: '执法统计', en: 'Figures' } },
        element: lazyPage(
          () => import('./pages/EnforcementFiguresPage'),
          (m) => m.EnforcementFiguresPage,
          'enforcement.read',
        ),
      },
    ],
  },
];

export const enforcementPublicRoutes: RouteObject[] = [
  {
    path: 'enforcement-bodies',
    element: lazyPage(
      () => import('./portal/PublicBodiesPage'),
      (m) => m.PublicBodiesPage,
    ),
  },
  {
    path: 'certificate-check',
    element: lazyPage(
      () => import('./portal/CertificateCheckPage'),
      (m) => m.CertificateCheckPage,
    ),
  },
  {
    path: 'inspection-items',
    element: lazyPage(
      () => import('./portal/PublicInspectionItemsPage'),
      (m) => m.PublicInspectionItemsPage,
    ),
  },
  {
    path: 'random-draws',
    element: lazyPage(
      () => import('./portal/PublicDrawsPage'),
      (m) => m.PublicDrawsPage,
    ),
  },
];
