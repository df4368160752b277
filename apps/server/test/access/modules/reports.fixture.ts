import { reportOutline } from '@fazhi/contracts';
import {
  annualReportComments,
  annualReportSections,
  annualReports,
  annualReportVersions,
} from '../../../src/modules/reports/reports.tables';
import type { ModuleFixture } from './types';

/**
 * Access-matrix fixture of the reports module: a planned 2025 report of region A's department (so that the
 * department's own staff and head see it), with its outline, one saved version and one comment. Write
 * samples either add records (versions, comments) or are refused by the state machine or the version check
 * (409), so the target keeps its status.
 */
export const reportsFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const [r] = await db
      .insert(annualReports)
      .values({
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        year: 2025,
        kind: 'department',
        title: '访问矩阵目标年度报告',
        status: 'planned',
      })
      .returning();
    if (!r) throw new Error('reports fixture: no report');
    await db.insert(annualReportSections).values(
      reportOutline('department').map((s, i) => ({
        reportId: r.id,
        code: s.code,
        title: s.title,
        level: s.level,
        sort: (i + 1) * 10,
      })),
    );
    const [v] = await db
      .insert(annualReportVersions)
      .values({ reportId: r.id, label: '初稿', snapshot: [] })
      .returning();
    const [c] = await db
      .insert(annualReportComments)
      .values({ reportId: r.id, sectionCode: 'g1', authorName: '矩阵', text: '矩阵意见' })
      .returning();
    return { reportId: r.id, reportVersionId: v?.id as string, reportCommentId: c?.id as string };
  },
  paths: (ids) => [
    [/^\/api\/reports\/:id\/versions\/:versionId/, { id: ids.reportId!, versionId: ids.reportVersionId! }],
    [/^\/api\/reports\/:id\/comments\/:commentId/, { id: ids.reportId!, commentId: ids.reportCommentId! }],
    [/^\/api\/reports\/:id\/sections\/:code/, { id: ids.reportId!, code: 'g1' }],
    [/^\/api\/reports\/:id/, { id: ids.reportId! }],
    [/^\/api\/public\/reports\/:id/, { id: ids.reportId! }],
  ],
  samples: (_ids, w, n) => ({
    'POST /api/reports': { orgId: w.dept.A.id, year: 2000 + (n % 20), kind: 'department' },
    'PATCH /api/reports/:id': { version: 999, title: '矩阵修改' },
    'PUT /api/reports/:id/sections/:code': { version: 999, body: '矩阵正文' },
    'POST /api/reports/:id/assist': {},
    'POST /api/reports/:id/versions': { label: '矩阵稿' },
    'POST /api/reports/:id/comments': { sectionCode: 'g1', text: '矩阵意见' },
    'POST /api/reports/:id/comments/:commentId/resolve': {},
    'POST /api/reports/:id/sendings': { sendings: [{ recipient: '矩阵', sentOn: '2026-01-05' }] },
    'POST /api/reports/:id/transitions': { action: 'to_review', version: 1 },
    'POST /api/reports/:id/approve-transitions': {
      action: 'sign',
      version: 1,
      signoffs: [{ name: '矩阵', position: '局长', signedOn: '2026-01-05' }],
      issuedOn: '2026-01-05',
    },
    'POST /api/reports/:id/publish-transitions': { action: 'archive', version: 1 },
  }),
};
