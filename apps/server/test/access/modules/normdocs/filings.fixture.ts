import { normdocFilingReviews, normdocFilings } from '../../../../src/modules/normdocs/normdocs.tables';
import { insertDoc } from '../../../normdocs/fixtures';
import type { ModuleFixture } from '../types';

const MATERIALS = ['report', 'official_text', 'explanation'];

/**
 * The target filing: the documents fixture's department document of region A, filed with the same-level
 * government and submitted, so its review sits in region A's justice bureau queue (the review's regionPath is
 * the recipient side, here region A too).
 */
export const filingsFixture: ModuleFixture = {
  setup: async (env, w) => {
    const docId = w.extra.docId ?? (await insertDoc(env, w.dept.A, { status: 'in_force' })).id;
    // Direct inserts (no audit entries naming the target: the audit log is its own module's matrix).
    const [filing] = await env.database.db
      .insert(normdocFilings)
      .values({
        docId,
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        recipientKind: 'same_level_government',
        recipientOrgId: w.bureau.A.id,
        recipientRegionPath: w.regions.A.path,
        dueDate: '2025-04-02',
        status: 'submitted',
        submittedOn: '2025-03-20',
        materials: MATERIALS,
      })
      .returning();
    if (!filing) throw new Error('filings fixture: no filing');
    const [review] = await env.database.db
      .insert(normdocFilingReviews)
      .values({
        filingId: filing.id,
        reviewerOrgId: w.bureau.A.id,
        regionPath: w.regions.A.path,
        receivedOn: '2025-03-20',
        status: 'received',
      })
      .returning();
    return { filingDocId: docId, filingId: filing.id, filingReviewId: review?.id as string };
  },
  paths: (ids) => [
    [/^\/api\/normdocs\/filings\/:id/, { id: ids.filingId! }],
    [/^\/api\/normdocs\/filing-reviews\/:id/, { id: ids.filingReviewId! }],
    [/^\/api\/normdocs\/:id\/filings$/, { id: ids.filingDocId! }],
  ],
  samples: (_ids, w) => ({
    'POST /api/normdocs/filings/:id/submit': { version: 1, submittedOn: '2026-01-05', materials: MATERIALS },
    'POST /api/normdocs/filings/:id/resubmit': {
      version: 1,
      submittedOn: '2026-01-05',
      materials: MATERIALS,
    },
    'POST /api/normdocs/filings/:id/correction': { version: 1, correctionDoneOn: '2026-01-05', note: '矩阵' },
    'POST /api/normdocs/filings/:id/outcome': {
      version: 1,
      registrationResult: 'registered',
      registeredOn: '2026-01-05',
    },
    'POST /api/normdocs/:id/filings': { recipientKind: 'superior_department' },
    'POST /api/normdocs/filing-reviews/:id/register': {
      version: 1,
      result: 'registered',
      registeredOn: '2026-01-05',
    },
    'POST /api/normdocs/filing-reviews/:id/assign': { version: 1, assigneeId: w.users.A.reviewer.user.id },
    'POST /api/normdocs/filing-reviews/:id/review': {
      version: 1,
      reviewedOn: '2026-01-06',
      handling: 'no_issue',
    },
    'POST /api/normdocs/filing-reviews/:id/correction-result': {
      version: 1,
      corrected: true,
      correctionForm: 'amended',
      date: '2026-01-07',
    },
  }),
};
