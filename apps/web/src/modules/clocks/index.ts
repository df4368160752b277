import { FieldTimeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { clocksRoutes } from './routes';

export const clocksModule: ModuleDefinition = {
  key: 'clocks',
  label: { zh: '期限监控', en: 'Time limits' },
  icon: createElement(FieldTimeOutlined),
  menu: [
    {
      path: '/clocks',
      label: { zh: '期限监控', en: 'Time limits' },
      permission: 'clock.read',
      testId: 'menu-clocks',
    },
  ],
  routes: clocksRoutes,
};
