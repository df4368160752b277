import type { FilingRecipient } from '@fazhi/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';

/** '410000/411200/411203/' → '410000/411200/'; null at the top of the tree. */
export function parentRegionPath(path: string): string | null {
  const codes = path.split('/').filter(Boolean);
  return codes.length > 1 ? `${codes.slice(0, -1).join('/')}/` : null;
}

/** The first active organisation of a type in exactly this region (the justice bureau, the 人大常委会). */
export async function orgOfTypeIn(
  db: DbOrTx,
  type: 'justice_bureau' | 'npc_standing',
  regionPath: string,
): Promise<{ id: string; regionPath: string } | null> {
  const [row] = await db
    .select({ id: organisations.id, regionPath: organisations.regionPath })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, type),
        eq(organisations.regionPath, regionPath),
        eq(organisations.disabled, false),
      ),
    )
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
    .limit(1);
  return row ?? null;
}

/**
 * Recipients that register and review in this system: the justice bureau (司法行政部门) that handles filings
 * for the superior / same-level government. The 人大常委会 and 上级主管部门 are outside it: their outcome is
 * recorded by the filing organ as reported.
 */
export function recipientInSystem(f: { recipientKind: string; recipientOrgId: string | null }): boolean {
  return (
    f.recipientOrgId !== null &&
    (f.recipientKind === 'superior_government' || f.recipientKind === 'same_level_government')
  );
}

export type Recipient = { kind: FilingRecipient; orgId: string | null; regionPath: string };

/**
 * Where a published document must be filed (DOMAIN.md §1.2 Filing, §1.5):
 * a government document with the superior government (via its justice bureau) and the same-level 人大常委会
 * (河南省实施监督法办法 第五十一条); a department document with the same-level government (via its justice bureau).
 */
export async function recipientsFor(
  db: DbOrTx,
  doc: { kind: string; regionPath: string },
): Promise<Recipient[]> {
  if (doc.kind === 'government') {
    const parent = parentRegionPath(doc.regionPath);
    const bureau = parent ? await orgOfTypeIn(db, 'justice_bureau', parent) : null;
    const congress = await orgOfTypeIn(db, 'npc_standing', doc.regionPath);
    return [
      // At the top of the tree the superior government (国务院/省政府) is outside the system.
      { kind: 'superior_government', orgId: bureau?.id ?? null, regionPath: parent ?? doc.regionPath },
      { kind: 'same_level_congress', orgId: congress?.id ?? null, regionPath: doc.regionPath },
    ];
  }
  const bureau = await orgOfTypeIn(db, 'justice_bureau', doc.regionPath);
  return [{ kind: 'same_level_government', orgId: bureau?.id ?? null, regionPath: doc.regionPath }];
}
