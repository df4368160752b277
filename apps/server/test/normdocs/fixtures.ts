import type { NormdocStatus } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { normdocs } from '../../src/modules/normdocs/normdocs.tables';
import type { TestEnv, TestOrg } from '../harness';

export type DocRow = typeof normdocs.$inferSelect;
let serial = 0;

/**
 * Inserts a document directly in a given status (for tests of areas that start after publication — filings,
 * clean-up, catalogue, figures). The lifecycle itself is tested through the API in documents tests.
 * The search vector is computed by the same function the service uses.
 */
export async function insertDoc(
  env: TestEnv,
  org: TestOrg,
  over: Partial<typeof normdocs.$inferInsert> & { status?: NormdocStatus } = {},
): Promise<DocRow> {
  const { searchVector } = await import('../../src/modules/normdocs/normdocs.search-text');
  serial += 1;
  const title = over.title ?? `关于规范测试事项的通知（${serial}）`;
  const status = over.status ?? 'in_force';
  const issued = [
    'published',
    'in_force',
    'amended',
    'repealed',
    'declared_invalid',
    'expired',
    'removed_from_catalog',
  ].includes(status);
  const [row] = await env.database.db
    .insert(normdocs)
    .values({
      orgId: org.id,
      regionPath: org.regionPath,
      draftingOrgId: org.id,
      kind: 'department',
      status,
      title,
      summary: over.summary ?? '',
      body: over.body ?? '为规范测试事项，根据有关法律法规，结合本地实际，制定本通知。',
      registrationNumber: issued ? `测规〔2025〕${serial}号` : null,
      registrationYear: issued ? 2025 : null,
      registrationSeq: issued ? serial : null,
      registeredOn: issued ? '2025-03-01' : null,
      publishedOn: issued ? '2025-03-03' : null,
      effectiveOn: issued ? '2025-04-01' : null,
      validUntil: issued ? '2030-03-31' : null,
      publishChannels: issued ? [{ channel: '政府网站', url: 'https://www.example.gov.cn/doc' }] : [],
      ...over,
      searchTsv: sql`${searchVector(title, over.summary ?? '', over.body ?? '为规范测试事项，根据有关法律法规，结合本地实际，制定本通知。')}`,
    })
    .returning();
  return row as DocRow;
}
