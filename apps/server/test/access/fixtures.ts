import { ROLE_SCOPE, roleNames, type Role } from '@fazhi/contracts';
import { clocks } from '../../src/modules/clocks/clocks.tables';
import { importJobs, notifications } from '../../src/platform/db/schema';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  type Client,
  type TestEnv,
  type TestOrg,
  type TestRegion,
  type TestUser,
} from '../harness';

/**
 * The jurisdiction world of the access matrix:
 *   P (province) ─ A (prefecture, where the target records live) ─ A1 (county below A)
 *                └ B (prefecture, sibling of A)
 * Every role has a user at P, A, A1 and B. Records in A must be visible from A and (for region-tree roles)
 * from P; never from A1 (upward) nor from B (sideways).
 */
export type Place = 'P' | 'A' | 'A1' | 'B';
export const PLACES: Place[] = ['P', 'A', 'A1', 'B'];

export type World = {
  regions: Record<Place, TestRegion>;
  bureau: Record<Place, TestOrg>;
  dept: Record<Place, TestOrg>;
  users: Record<Place, Record<Role, { user: TestUser; client: Client }>>;
  target: {
    orgId: string;
    userId: string;
    regionCode: string;
    clockId: string;
    notificationId: string;
    importJobId: string;
  };
  /** Target records of the business modules (test/access/modules), by name; all of region A. */
  extra: Record<string, string>;
};

const BUREAU_ROLES: Role[] = ['sysadmin', 'secadmin', 'auditadmin', 'reviewer', 'supervisor', 'leader'];

export async function buildWorld(env: TestEnv): Promise<World> {
  const P = await makeRegion(env, null);
  const A = await makeRegion(env, P);
  const B = await makeRegion(env, P);
  const A1 = await makeRegion(env, A);
  const regions = { P, A, A1, B };
  const bureau = {} as Record<Place, TestOrg>;
  const dept = {} as Record<Place, TestOrg>;
  for (const place of PLACES) {
    bureau[place] = await makeOrg(env, regions[place], { type: 'justice_bureau' });
    dept[place] = await makeOrg(env, regions[place], { type: 'department', parentId: bureau[place].id });
  }
  const users = {} as World['users'];
  for (const place of PLACES) {
    users[place] = {} as Record<Role, { user: TestUser; client: Client }>;
    for (const role of roleNames) {
      const org = BUREAU_ROLES.includes(role) ? bureau[place] : dept[place];
      const user = await makeUser(env, org, [role]);
      users[place][role] = { user, client: await login(env, user.username) };
    }
  }
  const targetUser = await makeUser(env, dept.A, ['staff']);
  const [clock] = await env.database.db
    .insert(clocks)
    .values({
      orgId: dept.A.id,
      regionPath: A.path,
      title: '访问矩阵目标期限',
      subjectType: 'manual',
      startEvent: '收到申请',
      startDate: '2026-03-02',
      amount: 20,
      unit: 'working_days',
      legalBasis: '政府信息公开条例 第三十三条',
      dueDate: '2026-03-30',
      status: 'normal',
    })
    .returning();
  const [note] = await env.database.db
    .insert(notifications)
    .values({ userId: targetUser.id, kind: 'test', title: '目标通知', body: '正文' })
    .returning();
  const [job] = await env.database.db
    .insert(importJobs)
    .values({ kind: 'orgs', userId: users.A.sysadmin.user.id, status: 'failed', message: 'fixture' })
    .returning();
  return {
    regions,
    bureau,
    dept,
    users,
    target: {
      orgId: dept.A.id,
      userId: targetUser.id,
      regionCode: A.code,
      clockId: clock?.id as string,
      notificationId: note?.id as string,
      importJobId: job?.id as string,
    },
    extra: {},
  };
}

/** Whether a role held at `place` may see a record of `dept.A` (the target organisation). */
export function shouldSeeTarget(role: Role, place: Place): boolean {
  if (place === 'A1' || place === 'B') return false;
  if (ROLE_SCOPE[role] === 'region_tree') return true;
  // Own-organisation roles sit in dept[place]; dept.A is the target organisation itself.
  return place === 'A';
}
