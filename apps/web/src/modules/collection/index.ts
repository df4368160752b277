import { FormOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { collectionRoutes } from './routes';

export const collectionModule: ModuleDefinition = {
  key: 'collection',
  label: { zh: '数据填报', en: 'Data collection' },
  icon: createElement(FormOutlined),
  menu: [
    {
      path: '/collection',
      label: { zh: '填报任务', en: 'Collection tasks' },
      permission: 'collection.manage',
      testId: 'menu-collection-tasks',
    },
    {
      path: '/collection/mine',
      label: { zh: '本单位填报', en: 'Our submissions' },
      permission: 'collection.fill',
      testId: 'menu-collection-mine',
    },
  ],
  routes: collectionRoutes,
};
