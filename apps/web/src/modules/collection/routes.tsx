import type { RouteObject } from 'react-router';
import { lazyPage } from '../../platform/navigation';

export const collectionRoutes: RouteObject[] = [
  {
    path: 'collection',
    handle: { crumb: { zh: '数据填报', en: 'Data collection' } },
    children: [
      {
        index: true,
        element: lazyPage(
          () => import('./pages/TasksPage'),
          (m) => m.TasksPage,
          'collection.manage',
        ),
      },
      {
        path: 'tasks/:taskId',
        handle: { crumb: { zh: '任务详情', en: 'Task' } },
        element: lazyPage(
          () => import('./pages/TaskPage'),
          (m) => m.TaskPage,
          'collection.manage',
        ),
      },
      {
        path: 'mine',
        handle: { crumb: { zh: '本单位填报', en: 'Our submissions' } },
        element: lazyPage(
          () => import('./pages/MySubmissionsPage'),
          (m) => m.MySubmissionsPage,
          'collection.fill',
        ),
      },
      {
        path: 'submissions/:targetId',
        handle: { crumb: { zh: '填报', en: 'Submission' } },
        element: lazyPage(
          () => import('./pages/SubmissionPage'),
          (m) => m.SubmissionPage,
        ),
      },
    ],
  },
];
