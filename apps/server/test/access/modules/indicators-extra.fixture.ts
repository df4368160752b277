import type { ModuleFixture } from './types';

/**
 * Access-matrix fixture of the report import and the dashboard (indicators module, issue 4 §6): no path
 * parameters; the import samples name the department of region A, so callers outside A get 404.
 */
export const indicatorsExtraFixture: ModuleFixture = {
  setup: async () => ({}),
  paths: () => [],
  samples: (_ids, w) => ({
    'POST /api/indicator-imports': {
      orgId: w.dept.A.id,
      year: 2024,
      text: '2024年共聘请政府法律顾问452人，办理复议案件616件。',
    },
    'POST /api/indicator-imports/confirm': {
      orgId: w.dept.A.id,
      year: 2024,
      reportName: '矩阵报告',
      items: [{ indicatorCode: 'legal_advisors_engaged', value: 452, sentence: '共聘请政府法律顾问452人' }],
    },
  }),
};
