import { FileTextOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { reportPublicRoutes, reportRoutes } from './routes';

export const reportsModule: ModuleDefinition = {
  key: 'reports',
  label: { zh: '年度报告', en: 'Annual reports' },
  icon: createElement(FileTextOutlined),
  menu: [
    {
      path: '/reports',
      label: { zh: '法治政府建设年度报告', en: 'Annual reports' },
      permission: 'report.read',
      testId: 'menu-reports',
    },
  ],
  routes: reportRoutes,
  publicRoutes: reportPublicRoutes,
  portalEntries: [
    {
      path: '/portal/reports',
      label: { zh: '法治政府建设年度报告', en: 'Annual rule-of-law reports' },
      testId: 'portal-entry-reports',
    },
  ],
};
