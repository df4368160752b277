import {
  enforcementCertificates,
  enforcementOfficers,
} from '../../../../src/modules/enforcement/officers/officers.tables';
import type { ModuleFixture } from '../types';

/** The 证号 of the target certificate (public 亮证 check); not in `ids`, which the leak check searches for. */
const MATRIX_CERT_NUMBER = '豫执矩阵00001';

/**
 * 行政执法人员: one officer of dept A (an enforcement body, see bodies.fixture.ts) holding an active 行政执法证.
 * Supervisor samples use stale versions (409 in scope); body samples (staff, head) are only ever sent by the
 * matrix from outside dept A, where they answer 404.
 */
export const officersFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const dept = w.dept.A;
    const [o] = await db
      .insert(enforcementOfficers)
      .values({
        orgId: dept.id,
        regionPath: dept.regionPath,
        name: '矩阵执法员',
        idNumberEnc: env.ctx.crypto.encrypt('110105198001011238'),
        idNumberMasked: '110***********1238',
        idNumberHash: 'matrix-officer',
        staffType: 'established',
      })
      .returning();
    if (!o) throw new Error('officer');
    const [c] = await db
      .insert(enforcementCertificates)
      .values({
        officerId: o.id,
        orgId: dept.id,
        regionPath: dept.regionPath,
        kind: 'enforcement',
        number: MATRIX_CERT_NUMBER,
        status: 'active',
        appliedOn: '2025-01-01',
        issuedOn: '2025-01-10',
        validFrom: '2025-01-10',
        validTo: '2099-12-31',
      })
      .returning();
    if (!c) throw new Error('certificate');
    return { officerId: o.id, certificateId: c.id };
  },
  paths: (ids) => [
    [
      /^\/api\/enforcement\/certificates\/:id\/actions\/:action/,
      { id: ids.certificateId as string, action: 'suspend' },
    ],
    [/^\/api\/enforcement\/certificates\/:id/, { id: ids.certificateId as string }],
    [/^\/api\/enforcement\/officers\/:id/, { id: ids.officerId as string }],
    [/^\/api\/public\/certificates\/:number/, { number: MATRIX_CERT_NUMBER }],
  ],
  samples: (_ids, w) => ({
    'POST /api/enforcement/officers': {
      orgId: w.dept.A.id,
      name: '矩阵新人',
      idNumber: '11010519491231002X',
      staffType: 'established',
    },
    'PATCH /api/enforcement/officers/:id': { version: 999, position: '科员' },
    'PUT /api/enforcement/officers/settings': { version: 999, trainingHoursRequired: 60 },
    'POST /api/enforcement/officers/:id/trainings': {
      course: '访问矩阵培训',
      category: 'public_law',
      hours: 2,
      on: '2026-01-05',
    },
    'POST /api/enforcement/officers/:id/exams': {
      examType: 'annual',
      on: '2026-01-05',
      score: 90,
      passed: true,
    },
    'POST /api/enforcement/officers/:id/certificates': { kind: 'supervision', appliedOn: '2026-01-05' },
    'POST /api/enforcement/certificates/:id/actions/:action': {
      version: 999,
      on: '2026-01-05',
      reason: '访问矩阵',
    },
  }),
  unscoped: {
    'GET /api/public/certificates/:number':
      '亮证 verification: anyone holding a certificate number may check it, by design',
  },
};
