import { NORMDOC_DEFAULT_SETTINGS, addDays } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRY_REASON, scanValidity } from '../../src/modules/normdocs/cleanup/validity.job';
import { normdocRegionSettings } from '../../src/modules/normdocs/normdocs.tables';
import {
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type TestEnv,
  type TestOrg,
  type TestUser,
} from '../harness';
import { insertDoc } from './fixtures';

let env: TestEnv;
let dept: TestOrg;
let strictDept: TestOrg;
let staff: TestUser;
let head: TestUser;
let reviewer: TestUser;
const today = '2027-06-15';

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const strict = await makeRegion(env, prov);
  dept = await makeOrg(env, city);
  strictDept = await makeOrg(env, strict);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  staff = await makeUser(env, dept, ['staff']);
  head = await makeUser(env, dept, ['head']);
  reviewer = await makeUser(env, bureau, ['reviewer']);
  // A jurisdiction that warns only 10 days ahead.
  await env.database.db
    .insert(normdocRegionSettings)
    .values({ ...NORMDOC_DEFAULT_SETTINGS, regionCode: strict.code, expiryWarningDays: 10 });
});
afterAll(() => env.close());

const notes = async (userId: string) =>
  (
    await env.database.pool.query(
      `select kind, title, link from notifications where user_id = $1 order by created_at`,
      [userId],
    )
  ).rows as { kind: string; title: string; link: string }[];
const events = async (docId: string) =>
  (
    await env.database.pool.query(
      `select action, note, data from normdoc_events where doc_id = $1 order by at`,
      [docId],
    )
  ).rows as { action: string; note: string; data: Record<string, unknown> }[];

describe('validity (有效期)', () => {
  it('reminds the issuing organisation once per document and validity date, within the jurisdiction’s warning days', async () => {
    const soon = await insertDoc(env, dept, { status: 'in_force', validUntil: addDays(today, 30) });
    const far = await insertDoc(env, dept, { status: 'in_force', validUntil: addDays(today, 200) });
    const repealed = await insertDoc(env, dept, { status: 'repealed', validUntil: addDays(today, 5) });
    const strictSoon = await insertDoc(env, strictDept, {
      status: 'in_force',
      validUntil: addDays(today, 30),
    });
    const strictDue = await insertDoc(env, strictDept, {
      status: 'published',
      validUntil: addDays(today, 9),
    });

    const first = await scanValidity(env.ctx, today);
    expect(first).toMatchObject({ reminded: 2, notified: 2, expired: 0 });
    for (const u of [staff, head]) {
      const mine = await notes(u.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: 'normdoc.expiry_soon', link: `/normdocs/${soon.id}` });
      expect(mine[0]?.title).toContain(soon.title);
    }
    expect(await notes(reviewer.id)).toEqual([]);
    expect((await events(soon.id)).map((e) => e.action)).toEqual(['expiry_reminded']);
    expect((await events(strictDue.id)).map((e) => e.action)).toEqual(['expiry_reminded']);
    for (const d of [far, repealed, strictSoon]) expect(await events(d.id)).toEqual([]);

    // Next day, and the same day again: nothing new.
    expect(await scanValidity(env.ctx, addDays(today, 1))).toMatchObject({ reminded: 0, notified: 0 });
    expect(await scanValidity(env.ctx, today)).toMatchObject({ reminded: 0, notified: 0 });
    expect(await notes(staff.id)).toHaveLength(1);
    expect(await events(soon.id)).toHaveLength(1);

    // A prolonged validity is a new date: reminded afresh when it comes near.
    await env.database.pool.query(`update normdocs set valid_until = $2 where id = $1`, [
      soon.id,
      addDays(today, 60),
    ]);
    expect(await scanValidity(env.ctx, addDays(today, 2))).toMatchObject({ reminded: 1 });
    expect(await notes(staff.id)).toHaveLength(2);
  });

  it('moves documents whose validity has passed to “expired” the day after validUntil, once', async () => {
    const last = addDays(today, -1);
    const doc = await insertDoc(env, dept, { status: 'in_force', validUntil: last });
    const published = await insertDoc(env, dept, { status: 'published', validUntil: addDays(today, -10) });
    const lastDay = await insertDoc(env, dept, { status: 'in_force', validUntil: today });

    const res = await scanValidity(env.ctx, today);
    expect(res.expired).toBe(2);
    const rows = await env.database.pool.query(
      `select id, status, ended_on::text from normdocs where id = any($1)`,
      [[doc.id, published.id, lastDay.id]],
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    expect(byId.get(doc.id)).toMatchObject({ status: 'expired', ended_on: today });
    expect(byId.get(published.id)).toMatchObject({ status: 'expired', ended_on: addDays(today, -9) });
    expect(byId.get(lastDay.id)).toMatchObject({ status: 'in_force', ended_on: null });
    const ev = (await events(doc.id)).filter((e) => e.action === 'expire');
    expect(ev).toHaveLength(1);
    expect(ev[0]?.note).toBe(EXPIRY_REASON);

    expect((await scanValidity(env.ctx, today)).expired).toBe(0);
    expect((await events(doc.id)).filter((e) => e.action === 'expire')).toHaveLength(1);
    const audit = await env.database.pool.query(
      `select count(*)::int n from audit_log where entity_id = $1 and action = 'normdoc.expire'`,
      [doc.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});
