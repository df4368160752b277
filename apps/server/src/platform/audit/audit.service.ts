import { desc, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { DbOrTx } from '../db/pool';
import { auditLog } from '../db/schema';
import { entryHash, GENESIS_HASH } from './canonical';
import { recordDiff } from './diff';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts for entries that are not record changes (login failures, denials, exports). */
  detail?: Record<string, unknown>;
  outcome?: 'ok' | 'denied' | 'failed';
  /** For unauthenticated events (a failed login) name the subject. */
  actorOverride?: { id: string | null; name: string | null; orgId: string | null };
};

/** Serialises appends so each entry links to its predecessor; held only until the caller's commit. */
const CHAIN_LOCK = 7301002;

type AuditCtx = Pick<Ctx, 'actor' | 'requestId' | 'ip'>;

/**
 * Entries buffered by a long transaction (an Excel import writing thousands of rows) and written by
 * flushDeferredAudit just before it commits: the chain lock, which serialises every audited write in the
 * system, is then held for the last moment of that transaction instead of its whole length.
 */
const deferred = new WeakMap<DbOrTx, { ctx: AuditCtx; input: AuditInput; at: Date }[]>();

export function deferAudit(tx: DbOrTx): void {
  deferred.set(tx, []);
}

export async function flushDeferredAudit(tx: DbOrTx): Promise<void> {
  const items = deferred.get(tx) ?? [];
  deferred.delete(tx);
  for (const item of items) await writeEntry(tx, item.ctx, item.input, item.at);
}

/**
 * Appends one hash-chained entry in the caller's transaction: the change and its audit entry commit
 * together or not at all.
 */
export async function appendAudit(tx: DbOrTx, ctx: AuditCtx, input: AuditInput): Promise<void> {
  const buffer = deferred.get(tx);
  if (buffer) {
    buffer.push({ ctx: { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip }, input, at: new Date() });
    return;
  }
  await writeEntry(tx, ctx, input, new Date());
}

async function writeEntry(tx: DbOrTx, ctx: AuditCtx, input: AuditInput, at: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const seqRow = await tx.execute<{ seq: number }>(
    sql`select nextval(pg_get_serial_sequence('audit_log', 'seq'))::int as seq`,
  );
  const seq = Number(seqRow.rows[0]?.seq);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const diff =
    input.before !== undefined || input.after !== undefined
      ? {
          ...(input.detail ? { detail: input.detail } : {}),
          changes: recordDiff(input.before ?? null, input.after ?? null),
        }
      : (input.detail ?? null);
  const fields = {
    seq,
    at,
    actorId: input.actorOverride ? input.actorOverride.id : (ctx.actor?.userId ?? null),
    actorName: input.actorOverride
      ? input.actorOverride.name
      : ctx.actor
        ? `${ctx.actor.displayName}(${ctx.actor.username})`
        : 'system',
    orgId: input.actorOverride ? input.actorOverride.orgId : (ctx.actor?.orgId ?? null),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    diff,
    requestId: ctx.requestId,
    ip: ctx.ip,
    outcome: input.outcome ?? 'ok',
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

/** Audits an event outside any business transaction (logins, denials): its own short transaction. */
export async function auditStandalone(ctx: Ctx, input: AuditInput): Promise<void> {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, input));
}
