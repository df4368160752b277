import {
  SAMPLE_ALGORITHM_DESCRIPTION,
  type RegisterEntryClassifyInput,
  type RegisterSampleInput,
  type RegisterSampleResult,
} from '@fazhi/contracts';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { inScope, requirePermission, scopeFor } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { findOrgById } from '../../org';
import { normdocRegisterEntries, normdocRegisters } from '../normdocs.tables';
import { readRegisterFile } from './register-file';
import { SAMPLE_ALGORITHM, drawSample, randomSeed } from './register-sampling';
import { entryDto, loadRegister, PERMISSION, registerSummary } from './registers.query';
import { findFiledMatch, findingDto, raiseFindingInTx } from './unfiled-findings.service';

/** Upload of an organ's 发文目录: every row checked first, then the register and ONE unnest insert of its entries. */
export async function uploadRegister(
  ctx: Ctx,
  input: { orgId: string; title: string; fileName: string | null; buffer: Buffer },
) {
  requirePermission(ctx.actor, PERMISSION);
  const actor = ctx.actor;
  const title = input.title.trim();
  if (!title) throw new AppError('VALIDATION_FAILED', '请填写核查名称（如：2025年度发文目录核查）');
  if (title.length > 200) throw new AppError('VALIDATION_FAILED', '核查名称不能超过200字');
  const org = await findOrgById(ctx.db, input.orgId);
  if (!org || !inScope(scopeFor(actor, PERMISSION), { orgId: org.id, regionPath: org.regionPath }))
    throw new AppError('NOT_FOUND', '被核查单位不存在或不在管辖范围内');
  const rows = await readRegisterFile(input.fileName, input.buffer);
  const dates = rows
    .map((r) => r.issuedOn)
    .filter((d): d is string => d !== null)
    .sort();
  const id = await ctx.db.transaction(async (tx) => {
    const [reg] = await tx
      .insert(normdocRegisters)
      .values({
        orgId: org.id,
        regionPath: org.regionPath,
        title,
        periodFrom: dates[0] ?? null,
        periodTo: dates[dates.length - 1] ?? null,
        entryCount: rows.length,
        createdBy: actor.userId,
      })
      .returning();
    if (!reg) throw new AppError('INTERNAL');
    await tx.execute(sql`
      insert into normdoc_register_entries (register_id, seq, doc_number, title, issued_on)
      select ${reg.id}::uuid, t.seq, t.doc_number, t.title, t.issued_on
        from unnest(${sql.param(rows.map((r) => r.seq))}::int[], ${sql.param(rows.map((r) => r.docNumber))}::text[],
                    ${sql.param(rows.map((r) => r.title))}::text[], ${sql.param(rows.map((r) => r.issuedOn))}::date[])
             as t(seq, doc_number, title, issued_on)`);
    await appendAudit(tx, ctx, {
      action: 'normdoc.register.import',
      entityType: 'normdoc_register',
      entityId: reg.id,
      before: null,
      after: { orgId: org.id, title, entryCount: rows.length, fileName: input.fileName },
    });
    await enqueueEvent(tx, 'normdoc.register.imported', { registerId: reg.id, orgId: org.id });
    return reg.id;
  });
  return registerSummary(ctx.db, id);
}

async function entrySeqs(db: DbOrTx, registerId: string): Promise<number[]> {
  const rows = await db
    .select({ seq: normdocRegisterEntries.seq })
    .from(normdocRegisterEntries)
    .where(eq(normdocRegisterEntries.registerId, registerId))
    .orderBy(asc(normdocRegisterEntries.seq));
  return rows.map((r) => r.seq);
}

const sizeCheck = (size: number, n: number) => {
  if (size > n) throw new AppError('VALIDATION_FAILED', `抽取份数（${size}）不能超过目录条数（${n}）`);
};

/**
 * Draws the sample and records seed, size and algorithm on the register. A new draw replaces the previous one
 * only while no sampled entry has been classified — afterwards the sample is fixed (SAMPLE_LOCKED).
 */
export async function sampleRegister(
  ctx: Ctx,
  id: string,
  input: RegisterSampleInput,
): Promise<RegisterSampleResult> {
  const seed = input.seed ?? randomSeed();
  return ctx.db.transaction(async (tx) => {
    const reg = await loadRegister(tx, ctx, id, true);
    const [classified] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(normdocRegisterEntries)
      .where(
        and(
          eq(normdocRegisterEntries.registerId, id),
          eq(normdocRegisterEntries.sampled, true),
          isNotNull(normdocRegisterEntries.classification),
        ),
      );
    if ((classified?.n ?? 0) > 0) throw new AppError('SAMPLE_LOCKED');
    const all = await entrySeqs(tx, id);
    sizeCheck(input.size, all.length);
    const seqs = drawSample(all, input.size, seed);
    await tx
      .update(normdocRegisterEntries)
      .set({ sampled: sql`${normdocRegisterEntries.seq} = any(${sql.param(seqs)}::int[])` })
      .where(eq(normdocRegisterEntries.registerId, id));
    await tx
      .update(normdocRegisters)
      .set({
        sampleSeed: seed,
        sampleSize: input.size,
        sampleAlgorithm: SAMPLE_ALGORITHM,
        sampledAt: ctx.now(),
      })
      .where(eq(normdocRegisters.id, id));
    await appendAudit(tx, ctx, {
      action: 'normdoc.register.sample',
      entityType: 'normdoc_register',
      entityId: id,
      before: { sampleSeed: reg.sampleSeed, sampleSize: reg.sampleSize },
      after: { sampleSeed: seed, sampleSize: input.size, sampleAlgorithm: SAMPLE_ALGORITHM },
      // Every draw names its seed and result, even a repeat that changes nothing.
      detail: { seed, size: input.size, algorithm: SAMPLE_ALGORITHM, seqs },
    });
    return {
      seed,
      size: input.size,
      algorithm: SAMPLE_ALGORITHM,
      algorithmDescription: SAMPLE_ALGORITHM_DESCRIPTION,
      seqs,
    };
  });
}

/** Re-draws with a given seed without changing anything, and says whether it equals the recorded sample. */
export async function verifySample(
  ctx: Ctx,
  id: string,
  input: RegisterSampleInput,
): Promise<RegisterSampleResult> {
  const reg = await loadRegister(ctx.db, ctx, id);
  const seed = input.seed ?? reg.sampleSeed;
  if (!seed) throw new AppError('VALIDATION_FAILED', '该目录尚未抽样，请填写随机种子');
  const all = await entrySeqs(ctx.db, id);
  sizeCheck(input.size, all.length);
  const seqs = drawSample(all, input.size, seed);
  const recorded = await ctx.db
    .select({ seq: normdocRegisterEntries.seq })
    .from(normdocRegisterEntries)
    .where(and(eq(normdocRegisterEntries.registerId, id), eq(normdocRegisterEntries.sampled, true)))
    .orderBy(asc(normdocRegisterEntries.seq));
  const matchesRecorded =
    reg.sampleSeed === seed && recorded.length === seqs.length && recorded.every((r, i) => r.seq === seqs[i]);
  return {
    seed,
    size: input.size,
    algorithm: SAMPLE_ALGORITHM,
    algorithmDescription: SAMPLE_ALGORITHM_DESCRIPTION,
    seqs,
    matchesRecorded,
  };
}

/**
 * 认定: normative / not normative / uncertain, with the reason; decided by the caller. A normative entry
 * without a matching filed document becomes a 漏备 finding with a follow-up clock. Once a finding exists the
 * classification is final (the finding is followed up instead).
 */
export async function classifyEntry(ctx: Ctx, entryId: string, input: RegisterEntryClassifyInput) {
  requirePermission(ctx.actor, PERMISSION);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(normdocRegisterEntries)
      .where(eq(normdocRegisterEntries.id, entryId))
      .for('update');
    if (!entry) throw new AppError('NOT_FOUND');
    const reg = await loadRegister(tx, ctx, entry.registerId);
    const existing = await tx.execute<{ id: string }>(
      sql`select id from normdoc_unfiled_findings where entry_id = ${entryId} limit 1`,
    );
    if (existing.rows.length)
      throw new AppError('ILLEGAL_TRANSITION', '该条目已认定为漏备并生成整改记录，请在“漏备记录”中跟进');
    await tx
      .update(normdocRegisterEntries)
      .set({
        classification: input.classification,
        reason: input.reason,
        classifiedBy: actor.userId,
        classifiedAt: ctx.now(),
      })
      .where(eq(normdocRegisterEntries.id, entryId));
    await appendAudit(tx, ctx, {
      action: 'normdoc.register.classify',
      entityType: 'normdoc_register_entry',
      entityId: entryId,
      before: { classification: entry.classification, reason: entry.reason },
      after: { classification: input.classification, reason: input.reason, registerId: reg.id },
    });
    let matchedDocId: string | null = null;
    let findingId: string | null = null;
    if (input.classification === 'normative') {
      matchedDocId = await findFiledMatch(tx, reg.orgId, entry);
      if (!matchedDocId) findingId = await raiseFindingInTx(tx, ctx, reg, entry);
    }
    return {
      entry: await entryDto(tx, entryId),
      finding: findingId ? await findingDto(tx, findingId) : null,
      matchedDocId,
    };
  });
}
