import { FileProtectOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { normdocPublicRoutes, normdocRoutes } from './routes';

export const normdocsModule: ModuleDefinition = {
  key: 'normdocs',
  label: { zh: '规范性文件', en: 'Normative documents' },
  icon: createElement(FileProtectOutlined),
  menu: [
    {
      path: '/normdocs',
      label: { zh: '文件管理', en: 'Documents' },
      permission: 'normdoc.read',
      testId: 'menu-normdocs',
    },
    {
      path: '/normdocs/filings',
      label: { zh: '备案报送', en: 'Filings' },
      permission: 'normdoc.read',
      testId: 'menu-normdoc-filings',
    },
    {
      path: '/normdocs/filing-reviews',
      label: { zh: '备案审查', en: 'Filing review' },
      permission: 'normdoc.review',
      testId: 'menu-normdoc-filing-reviews',
    },
    {
      path: '/normdocs/registers',
      label: { zh: '发文目录核查', en: 'Register checks' },
      permission: 'normdoc.review',
      testId: 'menu-normdoc-registers',
    },
    {
      path: '/normdocs/cleanup',
      label: { zh: '文件清理', en: 'Clean-up' },
      permission: 'normdoc.read',
      testId: 'menu-normdoc-cleanup',
    },
    {
      path: '/normdocs/search',
      label: { zh: '文件检索', en: 'Search' },
      permission: 'normdoc.read',
      testId: 'menu-normdoc-search',
    },
    {
      path: '/normdocs/figures',
      label: { zh: '统计数据', en: 'Figures' },
      permission: 'normdoc.figures',
      testId: 'menu-normdoc-figures',
    },
    {
      path: '/normdocs/settings',
      label: { zh: '设置', en: 'Settings' },
      permission: 'normdoc.settings',
      testId: 'menu-normdoc-settings',
    },
  ],
  routes: normdocRoutes,
  publicRoutes: normdocPublicRoutes,
  portalEntries: [
    {
      path: '/portal/normdocs',
      label: { zh: '现行有效规范性文件目录', en: 'Normative documents in force' },
      testId: 'portal-entry-normdocs',
    },
    {
      path: '/portal/comments',
      label: { zh: '规范性文件草案公开征求意见', en: 'Drafts open for public comment' },
      testId: 'portal-entry-comments',
    },
  ],
};
