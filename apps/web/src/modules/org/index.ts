import { ApartmentOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { orgRoutes } from './routes';

export const orgModule: ModuleDefinition = {
  key: 'org',
  label: { zh: '组织机构', en: 'Organisation' },
  icon: createElement(ApartmentOutlined),
  menu: [
    {
      path: '/org',
      label: { zh: '区划与单位', en: 'Regions & organisations' },
      permission: 'org.read',
      testId: 'menu-org',
    },
  ],
  routes: orgRoutes,
};

/** For other modules: pick an organisation / region, list organisations. */
export { OrgTreeSelect, RegionTreeSelect, ScopePeriodFilters } from './components';
export { useOrgs } from './api';
