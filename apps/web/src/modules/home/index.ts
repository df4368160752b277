import { HomeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { homeRoutes } from './routes';

export const homeModule: ModuleDefinition = {
  key: 'home',
  label: { zh: '首页', en: 'Home' },
  icon: createElement(HomeOutlined),
  menu: [{ path: '/', label: { zh: '首页', en: 'Home' }, testId: 'menu-home' }],
  routes: homeRoutes,
};
