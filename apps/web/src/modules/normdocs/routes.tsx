import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

/** Staff pages of the normative-documents module (行政规范性文件). */
export const normdocRoutes: RouteObject[] = [
  {
    path: 'normdocs',
    handle: { crumb: { zh: '规范性文件', en: 'Normative documents' } },
    children: [
      {
        index: true,
        element: lazyPage(
          () => import('./pages/DocumentsPage'),
          (m) => m.DocumentsPage,
          'normdoc.read',
        ),
      },
      {
        path: 'filings',
        handle: { crumb: { zh: '备案报送', en: 'Filings' } },
        element: lazyPage(
          () => import('./pages/FilingsPage'),
          (m) => m.FilingsPage,
          'normdoc.read',
        ),
      },
      {
        path: 'filing-reviews',
        handle: { crumb: { zh: '备案审查', en: 'Filing review' } },
        element: lazyPage(
          () => import('./pages/FilingReviewsPage'),
          (m) => m.FilingReviewsPage,
          'normdoc.review',
        ),
      },
      {
        path: 'registers',
        handle: { crumb: { zh: '发文目录核查', en: 'Register checks' } },
        element: lazyPage(
          () => import('./pages/RegistersPage'),
          (m) => m.RegistersPage,
          'normdoc.review',
        ),
      },
      {
        path: 'cleanup',
        handle: { crumb: { zh: '文件清理', en: 'Clean-up' } },
        element: lazyPage(
          () => import('./pages/CleanupPage'),
          (m) => m.CleanupPage,
          'normdoc.read',
        ),
      },
      {
        path: 'search',
        handle: { crumb: { zh: '文件检索', en: 'Search' } },
        element: lazyPage(
          () => import('./pages/SearchPage'),
          (m) => m.SearchPage,
          'normdoc.read',
        ),
      },
      {
        path: 'figures',
        handle: { crumb: { zh: '统计数据', en: 'Figures' } },
        element: lazyPage(
          () => import('./pages/FiguresPage'),
          (m) => m.FiguresPage,
          'normdoc.figures',
        ),
      },
      {
        path: 'settings',
        handle: { crumb: { zh: '设置', en: 'Settings' } },
        element: lazyPage(
          () => import('./pages/SettingsPage'),
          (m) => m.NormdocSettingsPage,
          'normdoc.settings',
        ),
      },
      {
        path: ':docId',
        handle: { crumb: { zh: '文件详情', en: 'Document' } },
        element: lazyPage(
          () => import('./pages/DocumentPage'),
          (m) => m.DocumentPage,
          'normdoc.read',
        ),
      },
    ],
  },
];

/** Public portal pages (no login). */
export const normdocPublicRoutes: RouteObject[] = [
  {
    path: 'normdocs',
    element: lazyPage(
      () => import('./portal/CataloguePage'),
      (m) => m.CataloguePage,
    ),
  },
  {
    path: 'normdocs/:docId',
    element: lazyPage(
      () => import('./portal/CatalogueDocPage'),
      (m) => m.CatalogueDocPage,
    ),
  },
  {
    path: 'comments',
    element: lazyPage(
      () => import('./portal/CommentsPage'),
      (m) => m.CommentsPage,
    ),
  },
  {
    path: 'comments/:periodId',
    element: lazyPage(
      () => import('./portal/CommentPage'),
      (m) => m.CommentPage,
    ),
  },
];
