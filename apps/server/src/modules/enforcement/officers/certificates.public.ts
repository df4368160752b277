import type { CertificateKind, PublicCertificate, PublicCertificateState } from '@fazhi/contracts';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import {
  enforcementCertificates,
  enforcementCertificateSuspensions,
  enforcementOfficers,
} from './officers.tables';

/**
 * 亮证 verification on the portal: a member of the public types the 证号 shown to them (行政处罚法 第四十二条,
 * 第五十五条: officers show their certificates) and sees the holder's name, body, kind and validity — nothing
 * more (no ID number, no history). A number never issued answers 404.
 */
export async function checkCertificate(ctx: Ctx, rawNumber: string): Promise<PublicCertificate> {
  const number = rawNumber.trim();
  const c = enforcementCertificates;
  const [row] = await ctx.db
    .select({
      number: c.number,
      kind: c.kind,
      status: c.status,
      validFrom: c.validFrom,
      validTo: c.validTo,
      endedOn: c.endedOn,
      holderName: enforcementOfficers.name,
      bodyName: organisations.name,
      suspended: sql<boolean>`exists (select 1 from ${enforcementCertificateSuspensions} s
        where s.certificate_id = ${c.id} and s.to_on is null)`,
    })
    .from(c)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, c.officerId))
    .innerJoin(organisations, eq(organisations.id, c.orgId))
    .where(and(eq(c.number, number), isNotNull(c.issuedOn)));
  if (!row || !row.validFrom || !row.validTo || !row.number)
    throw new AppError('NOT_FOUND', '未查询到该证号的执法证件，请核对证号');
  const today = shanghaiToday(ctx.now());
  let state: PublicCertificateState;
  if (row.endedOn && row.endedOn <= today) state = 'invalid';
  else if (row.status === 'suspended' || row.suspended) state = 'suspended';
  else if (row.validTo < today) state = 'expired';
  else if (row.validFrom > today) state = 'not_yet_valid';
  else state = 'valid';
  return {
    number: row.number,
    kind: row.kind as CertificateKind,
    holderName: row.holderName,
    bodyName: row.bodyName,
    state,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}
