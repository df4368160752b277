import { BarChartOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { indicatorRoutes } from './routes';

export const indicatorsModule: ModuleDefinition = {
  key: 'indicators',
  label: { zh: '指标与看板', en: 'Indicators' },
  icon: createElement(BarChartOutlined),
  menu: [
    {
      path: '/indicators/dashboard',
      label: { zh: '数据看板', en: 'Dashboard' },
      permission: 'dashboard.read',
      testId: 'menu-dashboard',
    },
    {
      path: '/indicators',
      label: { zh: '指标目录', en: 'Indicator catalogue' },
      permission: 'indicator.read',
      testId: 'menu-indicators',
    },
    {
      path: '/indicators/systems',
      label: { zh: '指标体系', en: 'Indicator systems' },
      permission: 'indicator.read',
      testId: 'menu-indicator-systems',
    },
    {
      path: '/indicators/import-report',
      label: { zh: '导入已公开报告', en: 'Import a published report' },
      permission: 'indicator.manage',
      testId: 'menu-report-import',
    },
  ],
  routes: indicatorRoutes,
};
