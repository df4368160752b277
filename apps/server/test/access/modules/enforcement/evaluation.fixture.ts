import { DEFAULT_EVALUATION_TEMPLATE } from '@fazhi/contracts';
import {
  evaluationCampaigns,
  evaluationCaseFiles,
  evaluationFiles,
  evaluationRectifications,
  evaluationTemplates,
} from '../../../../src/modules/enforcement/evaluation/evaluation.tables';
import type { ModuleFixture } from '../types';

/**
 * The target: region A's justice bureau runs a drawn campaign over region A's department, with one drawn file and
 * one rectification item of the department. Write samples carry stale versions (draw, score, response) or add
 * records (templates, case files, campaigns, rectification items) without changing the targets. The scoring
 * template belongs to the province P (a standard shared downwards, visible from every region below), so its id is
 * kept here rather than among the region-A targets.
 */
let sharedTemplateId = '';

export const evaluationFixture: ModuleFixture = {
  setup: async (env, w) => {
    const db = env.database.db;
    const [tpl] = await db
      .insert(evaluationTemplates)
      .values({
        orgId: w.bureau.P.id,
        regionPath: w.regions.P.path,
        name: '矩阵评查标准',
        items: DEFAULT_EVALUATION_TEMPLATE.items.map((i) => ({
          ...i,
          category: i.category ?? '',
          veto: i.veto ?? false,
        })),
        gradeBands: DEFAULT_EVALUATION_TEMPLATE.gradeBands,
      })
      .returning();
    sharedTemplateId = tpl!.id;
    const [file] = await db
      .insert(evaluationCaseFiles)
      .values({
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        caseNo: '矩阵罚〔2025〕1号',
        title: '矩阵案件',
        decidedOn: '2025-05-05',
      })
      .returning();
    const [c] = await db
      .insert(evaluationCampaigns)
      .values({
        orgId: w.bureau.A.id,
        regionPath: w.regions.A.path,
        year: 2025,
        title: '矩阵评查',
        templateId: tpl!.id,
        scopeOrgIds: [w.dept.A.id],
        perBody: 1,
        evaluators: [{ name: '矩阵律师', role: 'legal_adviser' }],
        seed: 'matrix',
        status: 'drawn',
      })
      .returning();
    const [ef] = await db
      .insert(evaluationFiles)
      .values({ campaignId: c!.id, caseFileId: file!.id, orgId: w.dept.A.id })
      .returning();
    const [r] = await db
      .insert(evaluationRectifications)
      .values({
        campaignId: c!.id,
        fileId: ef!.id,
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        problem: '矩阵问题',
        dueDate: '2099-01-01',
      })
      .returning();
    return {
      evalCampaignId: c!.id,
      evalFileId: ef!.id,
      evalRectificationId: r!.id,
    };
  },
  paths: (ids) => [
    [
      /^\/api\/enforcement\/evaluation\/campaigns\/:id\/files\/:fileId/,
      { id: ids.evalCampaignId!, fileId: ids.evalFileId! },
    ],
    [/^\/api\/enforcement\/evaluation\/campaigns\/:id/, { id: ids.evalCampaignId! }],
    [/^\/api\/enforcement\/evaluation\/rectifications\/:id/, { id: ids.evalRectificationId! }],
  ],
  samples: (ids, w, n) => ({
    'POST /api/enforcement/evaluation/templates': { ...DEFAULT_EVALUATION_TEMPLATE, name: `矩阵标准${n}` },
    'POST /api/enforcement/evaluation/case-files': {
      caseNo: `矩阵罚〔2025〕${100 + n}号`,
      title: '矩阵案件',
      decidedOn: '2025-05-05',
    },
    'POST /api/enforcement/evaluation/campaigns': {
      year: 2025,
      title: `矩阵评查${n}`,
      templateId: sharedTemplateId,
      scopeOrgIds: [w.dept.A.id],
      perBody: 1,
      evaluators: [{ name: '矩阵', role: 'evaluator' }],
    },
    'POST /api/enforcement/evaluation/campaigns/:id/draw': { version: 99 },
    'POST /api/enforcement/evaluation/campaigns/:id/files/:fileId/score': {
      version: 99,
      evaluator: '矩阵',
      scores: {},
      vetoHits: ['V1'],
    },
    'POST /api/enforcement/evaluation/campaigns/:id/rectifications': {
      fileId: ids.evalFileId,
      problem: `矩阵整改${n}`,
      days: 30,
    },
    'POST /api/enforcement/evaluation/rectifications/:id/response': {
      version: 99,
      response: '矩阵整改',
      evidence: ['矩阵佐证'],
      doneOn: '2026-01-05',
    },
  }),
};
