import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Config } from '../config';
import { systemCtx, type Ctx } from '../context';
import type { FieldCrypto } from '../crypto/field-crypto';
import type { Database } from '../db/pool';

export { runOnce } from './run-once';
export { enqueueEvent } from './outbox';

/**
 * A queue a module handles. `cron` makes it a scheduled job (Asia/Shanghai); otherwise it consumes outbox
 * events whose topic equals `name`. Handlers must be idempotent (use runOnce with a stable key):
 * the queue delivers at least once.
 */
export type JobDefinition = {
  name: string;
  cron?: string;
  handler: (ctx: Ctx, data: Record<string, unknown>, jobId: string) => Promise<void>;
};

/** The slice of a logger the queue needs (pino's and the console's both fit). */
export type JobLog = { error: (obj: unknown, msg?: string) => void };

export type Jobs = {
  boss: PgBoss;
  stop: () => Promise<void>;
  dispatchOutbox: () => Promise<number>;
  send: (name: string, data: object) => Promise<string | null>;
};

/** The outbox row id as a job id: dispatching the same row twice inserts nothing the second time. */
function jobIdFor(outboxId: number): string {
  const h = createHash('sha256').update(`outbox:${outboxId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function startJobs(
  database: Database,
  config: Config,
  crypto: FieldCrypto,
  log: JobLog,
  definitions: JobDefinition[],
  opts: { outboxIntervalMs?: number; pollingIntervalSeconds?: number } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.pool.query(text, values) },
    schema: 'pgboss',
    retryLimit: 5,
    retryBackoff: true,
    expireInMinutes: 30,
  });
  boss.on('error', (e) => log.error({ err: e }, 'job queue error'));
  await boss.start();
  const names = new Set(definitions.map((d) => d.name));
  for (const name of names) await boss.createQueue(name).catch(() => undefined);

  for (const def of definitions) {
    await boss.work<Record<string, unknown>>(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        for (const job of jobs) {
          await def.handler(
            systemCtx(database.db, config, crypto, `job:${def.name}`),
            job.data ?? {},
            job.id,
          );
        }
      },
    );
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
  }

  /** Moves committed outbox events into the queue, each in one transaction with its dispatched mark. */
  const dispatchOutbox = async (): Promise<number> => {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: number; topic: string; payload: object }>(
        'select id, topic, payload from outbox where dispatched_at is null order by id limit 200 for update skip locked',
      );
      for (const r of rows) {
        if (names.has(r.topic)) {
          await boss.send(r.topic, r.payload, {
            id: jobIdFor(Number(r.id)),
            db: { executeSql: (t, v) => client.query(t, v) },
          });
        }
      }
      if (rows.length)
        await client.query('update outbox set dispatched_at = now() where id = any($1::bigint[])', [
          rows.map((r) => r.id),
        ]);
      await client.query('commit');
      return rows.length;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };

  let timer: NodeJS.Timeout | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      while ((await dispatchOutbox()) > 0) {
        /* drain */
      }
    } catch (e) {
      log.error({ err: e }, 'outbox dispatch failed');
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), opts.outboxIntervalMs ?? 1000);

  return {
    boss,
    dispatchOutbox,
    send: (name, data) => boss.send(name, data),
    stop: async () => {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, timeout: 5000, close: false, wait: true } as never);
    },
  };
}
