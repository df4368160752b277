import { completeUscc } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.service';
import { hashPassword } from '../platform/auth/password';
import type { Ctx } from '../platform/context';
import { organisations, regions, users } from '../platform/db/schema';
import { replaceRoles } from '../modules/users';
import { seedDemoNormdocs } from './seed-normdocs';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_REGIONS, DEMO_USERS } from './demo-data';

/** Loads the demo jurisdictions, organisations and one account per role; a no-op when organisations exist. */
export async function seedDemo(ctx: Ctx): Promise<{ seeded: boolean }> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301003)`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if (n > 0) return { seeded: false };
    const paths = new Map<string, string>();
    for (const r of DEMO_REGIONS) {
      const path = `${r.parent ? paths.get(r.parent) : ''}${r.code}/`;
      paths.set(r.code, path);
      const exists = await tx.execute(sql`select 1 from regions where code = ${r.code}`);
      if (exists.rowCount) continue;
      await tx
        .insert(regions)
        .values({ code: r.code, name: r.name, level: r.level, parentCode: r.parent, path });
      await appendAudit(tx, ctx, {
        action: 'region.create',
        entityType: 'region',
        entityId: r.code,
        before: null,
        after: { ...r, path },
        detail: { source: 'demo' },
      });
    }
    const orgIds = new Map<string, string>();
    let serial = 1;
    for (const o of DEMO_ORGS) {
      const uscc = completeUscc(
        `11${o.region.slice(0, 6)}${String(5000000 + serial++ * 37).padStart(8, '0')}`,
      );
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          type: o.type,
          uscc,
          docCodePrefix: o.docCodePrefix ?? null,
          parentId: o.parent ? (orgIds.get(o.parent) ?? null) : null,
          regionCode: o.region,
          regionPath: paths.get(o.region) as string,
          isLawEnforcementBody: o.enforcement ?? false,
          isReconsiderationOrgan: o.reconsideration ?? false,
        })
        .returning();
      if (!row) throw new Error('seed failed');
      orgIds.set(o.key, row.id);
      await appendAudit(tx, ctx, {
        action: 'org.create',
        entityType: 'organisation',
        entityId: row.id,
        before: null,
        after: row,
        detail: { source: 'demo' },
      });
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          orgId: orgIds.get(u.org) as string,
          passwordHash,
          // Demo accounts sign in straight away; real accounts must change the password at first login.
          mustChangePassword: false,
          position: u.position ?? null,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('seed failed');
      await replaceRoles(tx, row.id, u.roles);
      await appendAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: { username: u.username, roles: u.roles },
        detail: { source: 'demo' },
      });
    }
    await seedDemoNormdocs(tx, ctx);
    return { seeded: true };
  });
}
