import ExcelJS from 'exceljs';
import {
  normdocRegisterEntries,
  normdocRegisters,
  normdocUnfiledFindings,
} from '../../../../src/modules/normdocs/normdocs.tables';
import type { ModuleFixture } from '../types';

/** A small 发文目录 for the upload sample (built once in setup; each call gets a fresh form). */
let registerFile: Buffer = Buffer.alloc(0);

function uploadForm(orgId: string): FormData {
  const f = new FormData();
  f.append('orgId', orgId);
  f.append('title', '矩阵发文目录核查');
  f.append('file', new Blob([new Uint8Array(registerFile)]), '发文目录.xlsx');
  return f;
}

/**
 * The target register: region A's department's 发文目录 with three entries and one 漏备 finding. Direct inserts
 * (no audit entries naming the target). Write samples are harmless: a sample draw, a 'not normative'
 * classification, a 整改中 follow-up.
 */
export const registersFixture: ModuleFixture = {
  setup: async (env, w) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发文目录');
    ws.addRow(['发文字号', '文件标题', '发文日期']);
    ws.addRow(['矩阵文〔2025〕1号', '关于矩阵测试的通知', '2025-03-01']);
    registerFile = Buffer.from(await wb.xlsx.writeBuffer());

    const db = env.database.db;
    const [reg] = await db
      .insert(normdocRegisters)
      .values({ orgId: w.dept.A.id, regionPath: w.regions.A.path, title: '访问矩阵发文目录', entryCount: 3 })
      .returning();
    if (!reg) throw new Error('registers fixture: no register');
    const entries = await db
      .insert(normdocRegisterEntries)
      .values(
        [1, 2, 3].map((seq) => ({
          registerId: reg.id,
          seq,
          docNumber: `矩阵文〔2025〕${seq}号`,
          title: `矩阵发文${seq}`,
          issuedOn: '2025-03-01',
        })),
      )
      .returning();
    const last = entries[2];
    const [finding] = await db
      .insert(normdocUnfiledFindings)
      .values({
        entryId: last?.id,
        orgId: w.dept.A.id,
        regionPath: w.regions.A.path,
        title: last?.title ?? '矩阵发文3',
        docNumber: last?.docNumber ?? '',
        foundOn: '2026-01-05',
        status: 'open',
        followUpDue: '2026-02-04',
      })
      .returning();
    return {
      registerId: reg.id,
      registerEntryId: entries[0]?.id as string,
      unfiledFindingId: finding?.id as string,
    };
  },
  paths: (ids) => [
    [/^\/api\/normdocs\/registers\/:id/, { id: ids.registerId! }],
    [/^\/api\/normdocs\/register-entries\/:id/, { id: ids.registerEntryId! }],
    [/^\/api\/normdocs\/unfiled-findings\/:id/, { id: ids.unfiledFindingId! }],
  ],
  samples: (_ids, w) => ({
    'POST /api/normdocs/registers': uploadForm(w.dept.A.id),
    'POST /api/normdocs/registers/:id/sample': { size: 1, seed: 'matrix' },
    'POST /api/normdocs/registers/:id/sample/verify': { size: 1, seed: 'matrix' },
    'POST /api/normdocs/register-entries/:id/classify': {
      classification: 'not_normative',
      reason: '矩阵：内部工作方案',
    },
    'POST /api/normdocs/unfiled-findings/:id/follow-up': {
      version: 1,
      status: 'rectifying',
      note: '矩阵跟进',
    },
  }),
};
