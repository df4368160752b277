import { SafetyCertificateOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ModuleDefinition } from '../../platform/navigation';
import { enforcementPublicRoutes, enforcementRoutes } from './routes';

export const enforcementModule: ModuleDefinition = {
  key: 'enforcement',
  label: { zh: '行政执法监督', en: 'Enforcement supervision' },
  icon: createElement(SafetyCertificateOutlined),
  menu: [
    {
      path: '/enforcement/bodies',
      label: { zh: '执法主体', en: 'Enforcement bodies' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-bodies',
    },
    {
      path: '/enforcement/officers',
      label: { zh: '执法人员与证件', en: 'Officers' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-officers',
    },
    {
      path: '/enforcement/inspections',
      label: { zh: '涉企行政检查', en: 'Inspections' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-inspections',
    },
    {
      path: '/enforcement/draws',
      label: { zh: '双随机抽取', en: 'Random draws' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-draws',
    },
    {
      path: '/enforcement/lenient',
      label: { zh: '包容审慎监管清单', en: 'Lenient lists' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-lenient',
    },
    {
      path: '/enforcement/evaluations',
      label: { zh: '案卷评查', en: 'Case-file evaluation' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-evaluations',
    },
    {
      path: '/enforcement/supervision',
      label: { zh: '执法监督', en: 'Supervision' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-supervision',
    },
    {
      path: '/enforcement/delegation',
      label: { zh: '乡镇赋权事项', en: 'Delegated powers' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-delegation',
    },
    {
      path: '/enforcement/figures',
      label: { zh: '执法统计', en: 'Figures' },
      permission: 'enforcement.read',
      testId: 'menu-enforcement-figures',
    },
  ],
  routes: enforcementRoutes,
  publicRoutes: enforcementPublicRoutes,
  portalEntries: [
    {
      path: '/portal/enforcement-bodies',
      label: { zh: '行政执法主体公告', en: 'Announced enforcement bodies' },
      testId: 'portal-entry-enforcement-bodies',
    },
    {
      path: '/portal/certificate-check',
      label: { zh: '行政执法证件查询（亮证核验）', en: 'Check an enforcement certificate' },
      testId: 'portal-entry-certificate-check',
    },
    {
      path: '/portal/inspection-items',
      label: { zh: '涉企行政检查事项清单', en: 'Enterprise inspection-item lists' },
      testId: 'portal-entry-inspection-items',
    },
    {
      path: '/portal/random-draws',
      label: { zh: '双随机抽查结果公示', en: 'Random-draw results' },
      testId: 'portal-entry-random-draws',
    },
  ],
};
