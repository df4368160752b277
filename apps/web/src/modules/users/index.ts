import { TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { usersRoutes } from './routes';

export const usersModule: ModuleDefinition = {
  key: 'users',
  label: { zh: '用户管理', en: 'Users' },
  icon: createElement(TeamOutlined),
  menu: [
    { path: '/users', label: { zh: '用户管理', en: 'Users' }, permission: 'user.read', testId: 'menu-users' },
  ],
  routes: usersRoutes,
};
