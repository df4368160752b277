import { idNumberCheckChar } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import { organisations } from '../../src/platform/db/schema';
import type { TestEnv, TestOrg } from '../harness';

let seq = 0;
/** A valid 18-digit ID number (GB 11643), different on every call. */
export function idNumber(): string {
  seq += 1;
  const n = (Date.now() % 1000) * 1000 + seq;
  const first17 = `110105${1970 + (n % 30)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong check character. */
export const badIdNumber = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

export async function markBody(env: TestEnv, org: TestOrg): Promise<void> {
  await env.database.db
    .update(organisations)
    .set({ isLawEnforcementBody: true })
    .where(eq(organisations.id, org.id));
}
