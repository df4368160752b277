import { normdocCommentPeriods, normdocComments } from '../../../../src/modules/normdocs/normdocs.tables';
import { insertDoc } from '../../../normdocs/fixtures';
import type { ModuleFixture } from '../types';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shift = (days: number) =>
  new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/**
 * 征求意见: an open comment period on dept A's document (the documents fixture's `docId`, or a draft of its own
 * when that fixture has none) with one unhandled comment from the public.
 */
export const commentsFixture: ModuleFixture = {
  setup: async (env, world) => {
    const docId = world.extra.docId ?? (await insertDoc(env, world.dept.A, { status: 'public_comment' })).id;
    const [period] = await env.database.db
      .insert(normdocCommentPeriods)
      .values({
        docId,
        opensOn: shift(-5),
        closesOn: shift(25),
        days: 30,
        draftTitle: '访问矩阵征求意见稿',
        draftText: '第一条 访问矩阵测试。',
      })
      .returning();
    const [comment] = await env.database.db
      .insert(normdocComments)
      .values({
        periodId: period?.id as string,
        docId,
        submitterKind: 'citizen',
        content: '访问矩阵测试意见',
        ipHash: 'matrix',
      })
      .returning();
    return {
      commentDocId: docId,
      commentPeriodId: period?.id as string,
      commentId: comment?.id as string,
    };
  },
  paths: (ids) => [
    [/^\/api\/public\/comment-periods\/:periodId/, { periodId: ids.commentPeriodId as string }],
    [/^\/api\/normdocs\/comments\/:commentId/, { commentId: ids.commentId as string }],
    [/^\/api\/normdocs\/:id\/comments/, { id: ids.commentDocId as string }],
  ],
  samples: () => ({
    // Public (never called by the matrix, which walks permissions only): a real caller first solves
    // GET /api/public/comment-challenge.
    'POST /api/public/comment-periods/:periodId/comments': {
      submitterKind: 'citizen',
      content: '访问矩阵测试意见内容',
      challengeToken: 'matrix',
      challengeAnswer: '1',
    },
    'POST /api/normdocs/comments/:commentId/handle': {
      adopted: true,
      response: '采纳，已修改第一条。',
      handledAt: null,
    },
  }),
};
