import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const calendarRoutes: RouteObject[] = [
  {
    path: 'calendar',
    handle: { crumb: { zh: '节假日与调休', en: 'Public holidays' } },
    children: [
      {
        index: true,
        element: lazyPage(
          () => import('./pages/CalendarYearsPage'),
          (m) => m.CalendarYearsPage,
          'calendar.read',
        ),
      },
      {
        path: 'years/:year',
        handle: { crumb: { zh: '年度安排', en: 'Year' } },
        element: lazyPage(
          () => import('./pages/CalendarYearPage'),
          (m) => m.CalendarYearPage,
          'calendar.read',
        ),
      },
      {
        path: 'due-date',
        handle: { crumb: { zh: '期限计算器', en: 'Due-date calculator' } },
        element: lazyPage(
          () => import('./pages/DueDatePage'),
          (m) => m.DueDatePage,
          'calendar.read',
        ),
      },
    ],
  },
];
