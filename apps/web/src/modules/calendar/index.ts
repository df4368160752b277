import { CalendarOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { calendarRoutes } from './routes';

export const calendarModule: ModuleDefinition = {
  key: 'calendar',
  label: { zh: '节假日与期限', en: 'Calendar' },
  icon: createElement(CalendarOutlined),
  menu: [
    {
      path: '/calendar',
      label: { zh: '节假日与调休', en: 'Public holidays' },
      permission: 'calendar.read',
      testId: 'menu-calendar',
    },
    {
      path: '/calendar/due-date',
      label: { zh: '期限计算器', en: 'Due-date calculator' },
      permission: 'calendar.read',
      testId: 'menu-due-date',
    },
  ],
  routes: calendarRoutes,
};

/** For other modules: show a due date, preview one, the provisional warning. */
export { DueDatePreview, DueDateView, ProvisionalTag } from './components';
