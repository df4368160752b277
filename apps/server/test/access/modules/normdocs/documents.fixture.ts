import { NORMDOC_DEFAULT_SETTINGS } from '@fazhi/contracts';
import { normdocAttachments } from '../../../../src/modules/normdocs/normdocs.tables';
import { storeFile } from '../../../../src/platform/files/stored-files';
import { insertDoc } from '../../../normdocs/fixtures';
import type { ModuleFixture } from '../types';

/**
 * The target document: in force, issued by region A's department, with one attachment. Write samples use
 * actions that the table refuses for an in-force document (409), so the matrix never changes the target.
 */
export const documentsFixture: ModuleFixture = {
  setup: async (env, w) => {
    const doc = await insertDoc(env, w.dept.A, { title: '访问矩阵目标规范性文件', status: 'in_force' });
    const file = await storeFile(env.database.db, {
      fileName: '正式文本.pdf',
      content: Buffer.from('%PDF-1.4 matrix'),
      mimeType: 'application/pdf',
      uploadedBy: null,
    });
    const [a] = await env.database.db
      .insert(normdocAttachments)
      .values({
        docId: doc.id,
        kind: 'official_text',
        fileId: file.id,
        fileName: '正式文本.pdf',
        mimeType: 'application/pdf',
        size: file.size,
        sha256: file.sha256,
      })
      .returning();
    return { docId: doc.id, attachmentId: a?.id as string };
  },
  paths: (ids) => [
    [
      /^\/api\/normdocs\/:id\/attachments\/:attachmentId/,
      { id: ids.docId!, attachmentId: ids.attachmentId! },
    ],
    [/^\/api\/normdocs\/:id/, { id: ids.docId! }],
  ],
  samples: (_ids, w, n) => ({
    'POST /api/normdocs': { title: `矩阵文件${n}`, kind: 'department' },
    'PATCH /api/normdocs/:id': { version: 1, title: '矩阵修改' },
    'POST /api/normdocs/:id/transitions': { action: 'take_effect', version: 1 },
    'POST /api/normdocs/:id/review-transitions': { action: 'accept_review', version: 1 },
    'POST /api/normdocs/:id/head-transitions': {
      action: 'sign',
      version: 1,
      signedBy: '矩阵',
      signedOn: '2026-01-05',
    },
    'PUT /api/normdocs/:id/interpretation': { version: 99, title: '矩阵解读', publishedOn: '2026-01-05' },
    'POST /api/normdocs/:id/attachments': {},
    'DELETE /api/normdocs/:id/attachments/:attachmentId': {},
    'PUT /api/normdocs/settings': { ...NORMDOC_DEFAULT_SETTINGS, regionCode: w.regions.A.code, version: 0 },
  }),
};
