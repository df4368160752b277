import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { DbOrTx } from '../db/pool';
import { notifications } from '../db/schema';
import { AppError } from '../errors';

export type NewNotification = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
};

/** In-app inbox. A dedupe key makes repeated scans (or a retried job) notify once. */
export async function notify(tx: DbOrTx, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const res = await tx
    .insert(notifications)
    .values(items.map((i) => ({ ...i, link: i.link ?? null, dedupeKey: i.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return res.length;
}

export async function listNotifications(
  ctx: Ctx,
  q: { page: number; pageSize: number; unreadOnly: boolean },
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const where = and(
    eq(notifications.userId, actor.userId),
    q.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [rows, total, unread] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(where),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total[0]?.n ?? 0,
    unread: unread[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function markRead(ctx: Ctx, id: string | null): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    );
}
