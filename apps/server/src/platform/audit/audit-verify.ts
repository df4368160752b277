import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/pool';
import { auditLog } from '../db/schema';
import { entryHash, GENESIS_HASH } from './canonical';

export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
};

/** Walks the chain in seq order and reports the first entry whose link or content does not match. */
export async function verifyAuditChain(db: DbOrTx, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: r.seq,
          reason: '与上一条记录的链接不一致（记录被删除或插入）',
        };
      }
      if (entryHash(r.prevHash, r) !== r.hash) {
        return { ok: false, checked, firstBrokenSeq: r.seq, reason: '记录内容与其哈希不一致（记录被修改）' };
      }
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
