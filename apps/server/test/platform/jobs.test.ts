import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEvent, runOnce, startJobs, type Jobs } from '../../src/platform/jobs';
import { createFieldCrypto } from '../../src/platform/crypto/field-crypto';
import { startTestEnv, type TestEnv } from '../harness';

let env: TestEnv;
let jobs: Jobs;
let attempts = 0;

const waitFor = async (cond: () => Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  env = await startTestEnv();
  await env.database.pool.query(`create table test_effects (key text primary key, n int not null)`);
  jobs = await startJobs(
    env.database,
    env.config,
    createFieldCrypto(Buffer.alloc(32, 1)),
    { error: () => undefined },
    [
      {
        name: 'test.effect',
        handler: async (ctx, data, jobId) => {
          attempts++;
          await runOnce(ctx.db, `test.effect:${jobId}`, async (tx) => {
            await tx.execute(
              sql`insert into test_effects (key, n) values (${String(data.key)}, 1) on conflict (key) do update set n = test_effects.n + 1`,
            );
            // The first attempt dies after writing: its writes and its ledger row roll back together.
            if (data.crashFirst && attempts === 1) throw new Error('simulated crash mid-run');
          });
        },
      },
    ],
    { outboxIntervalMs: 100, pollingIntervalSeconds: 0.5 },
  );
});
afterAll(async () => {
  await jobs.stop();
  await env.close();
});

describe('jobs: transactional outbox and exactly-once effects', () => {
  it('an event committed with its change reaches its handler once; a rolled-back one never', async () => {
    await env.database.db.transaction(async (tx) => enqueueEvent(tx, 'test.effect', { key: 'committed' }));
    await env.database.db
      .transaction(async (tx) => {
        await enqueueEvent(tx, 'test.effect', { key: 'rolled-back' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await waitFor(
      async () =>
        (await env.database.pool.query(`select 1 from test_effects where key = 'committed'`)).rowCount === 1,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await env.database.pool.query(`select key, n from test_effects order by key`);
    expect(rows.rows).toEqual([{ key: 'committed', n: 1 }]);
  });

  it('dispatching the same outbox row twice creates one job', async () => {
    await env.database.pool.query(
      `insert into outbox (topic, payload) values ('test.effect', '{"key":"twice"}')`,
    );
    const [a, b] = await Promise.all([jobs.dispatchOutbox(), jobs.dispatchOutbox()]);
    expect(a + b).toBeLessThanOrEqual(1);
    // Force a second dispatch of the already-dispatched row, as after a crash between send and mark.
    await env.database.pool.query(`update outbox set dispatched_at = null where payload->>'key' = 'twice'`);
    await jobs.dispatchOutbox();
    await waitFor(
      async () =>
        (await env.database.pool.query(`select 1 from test_effects where key = 'twice'`)).rowCount === 1,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await env.database.pool.query(`select n from test_effects where key = 'twice'`);
    expect(rows[0].n).toBe(1);
  });

  it('a job that dies mid-run is retried and its effect lands exactly once', async () => {
    attempts = 0;
    await env.database.db.transaction(async (tx) =>
      enqueueEvent(tx, 'test.effect', { key: 'crash', crashFirst: true }),
    );
    await waitFor(
      async () =>
        (await env.database.pool.query(`select 1 from test_effects where key = 'crash'`)).rowCount === 1,
      40_000,
    );
    const { rows } = await env.database.pool.query(`select n from test_effects where key = 'crash'`);
    expect(rows[0].n).toBe(1);
    expect(attempts).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a redelivered job (same id) does nothing the second time', async () => {
    const ran = await runOnce(env.database.db, 'manual:1', async (tx) => {
      await tx.execute(sql`insert into test_effects (key, n) values ('manual', 1)`);
    });
    const again = await runOnce(env.database.db, 'manual:1', async (tx) => {
      await tx.execute(sql`update test_effects set n = n + 1 where key = 'manual'`);
    });
    expect([ran, again]).toEqual([true, false]);
    const { rows } = await env.database.pool.query(`select n from test_effects where key = 'manual'`);
    expect(rows[0].n).toBe(1);
  });
});
