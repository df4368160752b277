import { isoDateSchema, NORMDOC_KINDS, type NormdocKind, type NormdocStatus } from '@fazhi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { escapeLike, requirePermission, scopeFor } from '../platform/access/policy';
import { shanghaiToday } from '../platform/clock/today';
import { organisations } from '../platform/db/schema';
import {
  enumCell,
  textCell,
  type CellSchema,
  type ImportKind,
  type PreparedRow,
} from '../platform/excel/import';
import {
  insertImportedDocTx,
  settingsFor,
  usedRegistrationNumbers,
  type ImportedDocInput,
} from '../modules/normdocs';
import { OrgIndex, str, type OrgRef } from './org-index';

// ---------------------------------------------------------------- 规范性文件 (existing documents)

/** 状态 column: the catalogue's wording → status. An ended document needs its 失效日期 (except expiry). */
const STATUS_LABELS: Record<string, NormdocStatus> = {
  现行有效: 'in_force',
  有效: 'in_force',
  已修改: 'amended',
  已废止: 'repealed',
  废止: 'repealed',
  已宣布失效: 'declared_invalid',
  宣布失效: 'declared_invalid',
  有效期届满: 'expired',
  已失效: 'expired',
  失效: 'expired',
  已剔除目录: 'removed_from_catalog',
  剔除目录: 'removed_from_catalog',
};
const STATUS_OPTIONS = ['现行有效', '已修改', '已废止', '已宣布失效', '有效期届满', '已剔除目录'] as const;

const statusCell: CellSchema = z.string().transform((s, ctx) => {
  const v = STATUS_LABELS[s.trim()];
  if (!v) {
    ctx.addIssue({ code: 'custom', message: `“${s}”不是可选状态，应为：${STATUS_OPTIONS.join('、')}` });
    return z.NEVER;
  }
  return v;
});

/** 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (a date cell arrives as 2024-03-01) → 'YYYY-MM-DD'. */
const dateCell: CellSchema = z.string().transform((s, ctx) => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  const iso = m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : '';
  if (!m || !isoDateSchema.safeParse(iso).success) {
    ctx.addIssue({ code: 'custom', message: `“${s}”不是有效日期，应写作 2024-03-01 或 2024年3月1日` });
    return z.NEVER;
  }
  return iso;
});

/** 上位法依据: '《中华人民共和国行政许可法》第十五条；《河南省…办法》' → [{ name, article }]. */
const legalBasisCell: CellSchema = z
  .string()
  .max(5000, '不能超过 5000 个字')
  .transform((s, ctx) => {
    const refs = s
      .split(/[；;\n]/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const m = /^《([^》]+)》\s*(.*)$/.exec(p);
        const name = (m ? m[1] : p)?.trim() ?? '';
        const article = m?.[2]?.trim();
        return article ? { name, article } : { name };
      });
    if (refs.length > 50) {
      ctx.addIssue({ code: 'custom', message: '上位法依据最多 50 项' });
      return z.NEVER;
    }
    const bad = refs.find((r) => r.name.length > 200 || ('article' in r && (r.article?.length ?? 0) > 100));
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `“${bad.name.slice(0, 20)}…”过长：名称不超过200字，条款不超过100字`,
      });
      return z.NEVER;
    }
    return refs;
  });

/** 'YYYY-MM-DD' plus whole years, minus one day: 有效期5年 from 2025-04-01 ends on 2030-03-31. */
function validityEnd(effectiveOn: string, years: number): string {
  const [y, m, d] = effectiveOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 2024-02-29 + 1 year: no such day, the period ends with February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

type OrgHit = OrgRef & { id: string; regionPath: string };

export const normdocImportKind: ImportKind<ImportedDocInput> = {
  name: 'normdocs',
  title: '规范性文件',
  sheetName: '规范性文件',
  // The justice bureau (合法性审核机构) loads the existing catalogue of its jurisdiction.
  permission: 'normdoc.review',
  instructions: [
    '用于导入系统启用前已公布的行政规范性文件（现行有效目录及已失效文件），导入后直接进入文件目录，不再经过起草、审核流程。',
    '制定机关须为您管辖范围内的单位，填写单位全称；重名单位请填写其统一社会信用代码。',
    '统一登记号在全系统中不能重复，也不能与本文件中其他行重复。',
    '有效期至可不填：默认为施行日期起5年（标题含“暂行”“试行”的为2年），以本地区设置为准。',
    '状态为已修改、已废止、已宣布失效、已剔除目录的，须填写失效日期；有效期届满的，失效日期默认为有效期至的次日。',
  ],
  columns: [
    {
      key: 'title',
      header: '文件标题',
      required: true,
      note: '文件全称',
      example: '三门峡市人民政府关于进一步优化营商环境的若干意见',
      schema: textCell(200, 2),
      width: 40,
    },
    {
      key: 'org',
      header: '制定机关',
      required: true,
      note: '制定机关全称（重名时填其统一社会信用代码），须在您的管辖范围内',
      example: '三门峡市人民政府',
      schema: textCell(80, 2),
      width: 28,
    },
    {
      key: 'kind',
      header: '类型',
      required: true,
      note: '从下拉列表中选择',
      example: NORMDOC_KINDS.government,
      options: Object.values(NORMDOC_KINDS),
      schema: enumCell(NORMDOC_KINDS),
      width: 18,
    },
    {
      key: 'docNumber',
      header: '发文字号',
      required: true,
      note: '如 三政〔2024〕5号',
      example: '三政〔2024〕5号',
      schema: textCell(50),
      width: 20,
    },
    {
      key: 'registrationNumber',
      header: '统一登记号',
      required: true,
      note: '规范性文件统一登记编号，全系统唯一',
      example: '三政规〔2024〕1号',
      schema: textCell(50),
      width: 20,
    },
    {
      key: 'publishedOn',
      header: '公布日期',
      required: true,
      note: '如 2024-03-01 或 2024年3月1日',
      example: '2024-03-01',
      schema: dateCell,
      width: 14,
    },
    {
      key: 'effectiveOn',
      header: '施行日期',
      required: true,
      note: '不能早于公布日期',
      example: '2024-04-01',
      schema: dateCell,
      width: 14,
    },
    {
      key: 'validUntil',
      header: '有效期至',
      note: '可不填：默认施行日期起5年（暂行、试行2年）',
      example: '2029-03-31',
      schema: dateCell,
      width: 14,
    },
    {
      key: 'status',
      header: '状态',
      required: true,
      note: '从下拉列表中选择',
      example: '现行有效',
      options: STATUS_OPTIONS,
      schema: statusCell,
      width: 14,
    },
    {
      key: 'endedOn',
      header: '失效日期',
      note: '已修改、已废止、已宣布失效、已剔除目录的文件必填；现行有效的文件不填',
      example: '',
      schema: dateCell,
      width: 14,
    },
    {
      key: 'legalBasis',
      header: '上位法依据',
      note: '可不填；多项用“；”分隔，如《中华人民共和国行政许可法》第十五条；《优化营商环境条例》',
      example: '《优化营商环境条例》；《河南省优化营商环境条例》第十条',
      schema: legalBasisCell,
      width: 40,
    },
    {
      key: 'body',
      header: '正文',
      note: '可不填；用于全文检索',
      example: '为进一步优化营商环境，根据《优化营商环境条例》，结合本市实际，提出如下意见……',
      schema: textCell(32_000),
      width: 40,
    },
  ],
  uniqueInFile: [
    {
      keys: ['registrationNumber'],
      cell: 'registrationNumber',
      label: '统一登记号',
      normalize: (v) => String(v).replace(/\s+/g, ''),
    },
  ],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'normdoc.review');
    const scope = scopeFor(ctx.actor, 'normdoc.review');
    const today = shanghaiToday(ctx.now());
    const orgRows =
      scope.kind === 'region'
        ? await ctx.db
            .select({
              id: organisations.id,
              name: organisations.name,
              uscc: organisations.uscc,
              regionCode: organisations.regionCode,
              regionPath: organisations.regionPath,
            })
            .from(organisations)
            .where(
              and(
                eq(organisations.disabled, false),
                sql`${organisations.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`,
              ),
            )
        : [];
    const orgs = new OrgIndex<OrgHit>(orgRows);
    const used = await usedRegistrationNumbers(
      ctx.db,
      rows.map((r) => str(r.cells.registrationNumber)).filter((n): n is string => n !== null),
    );
    const settingsByPath = new Map<string, Awaited<ReturnType<typeof settingsFor>>>();

    const out: PreparedRow<ImportedDocInput>[] = [];
    for (const r of rows) {
      const c = r.cells;
      let ok = r.invalid.size === 0;
      const bad = (key: string, message: string) => {
        issues.cell(r.rowNumber, key, message);
        ok = false;
      };

      let org: OrgHit | null = null;
      const orgName = str(c.org);
      if (orgName) {
        const hit = orgs.pick(orgName, null);
        if ('error' in hit) bad('org', hit.error);
        else org = hit;
      }
      const registrationNumber = str(c.registrationNumber);
      if (registrationNumber && used.has(registrationNumber))
        bad('registrationNumber', `统一登记号“${registrationNumber}”已被系统中的其他文件使用`);

      const publishedOn = str(c.publishedOn);
      const effectiveOn = str(c.effectiveOn);
      let validUntil = str(c.validUntil);
      let endedOn = str(c.endedOn);
      const status = str(c.status) as NormdocStatus | null;
      if (publishedOn && publishedOn > today)
        bad('publishedOn', '公布日期不能晚于今天（导入的是已公布的文件）');
      if (publishedOn && effectiveOn && effectiveOn < publishedOn)
        bad('effectiveOn', `施行日期不能早于公布日期 ${publishedOn}`);
      if (effectiveOn && validUntil && validUntil < effectiveOn)
        bad('validUntil', `有效期至不能早于施行日期 ${effectiveOn}`);

      const title = str(c.title);
      const provisional = !!title && /暂行|试行/.test(title);
      if (!validUntil && effectiveOn && org) {
        let s = settingsByPath.get(org.regionPath);
        if (!s) {
          s = await settingsFor(ctx.db, org.regionPath);
          settingsByPath.set(org.regionPath, s);
        }
        validUntil = validityEnd(effectiveOn, provisional ? s.provisionalValidityYears : s.validityYears);
      }

      let finalStatus: NormdocStatus | null = status;
      if (status === 'in_force') {
        if (endedOn) bad('endedOn', '现行有效的文件不填失效日期');
        if (validUntil && validUntil < today)
          bad(
            c.validUntil ? 'validUntil' : 'status',
            `有效期已于 ${validUntil} 届满，状态应为“有效期届满”，或填写正确的有效期至`,
          );
        // Published but not yet in force: 已公布 until the effective date.
        if (effectiveOn && effectiveOn > today) finalStatus = 'published';
      } else if (status) {
        if (!endedOn && status === 'expired' && validUntil) endedOn = nextDay(validUntil);
        if (!endedOn) bad('endedOn', '该状态的文件须填写失效日期');
        else {
          if (publishedOn && endedOn < publishedOn) bad('endedOn', `失效日期不能早于公布日期 ${publishedOn}`);
          if (endedOn > today) bad('endedOn', '失效日期不能晚于今天；尚未失效的文件状态应为“现行有效”');
        }
      }

      if (!ok || !org || !title || !registrationNumber || !publishedOn || !effectiveOn || !finalStatus)
        continue;
      out.push({
        rowNumber: r.rowNumber,
        value: {
          title,
          kind: c.kind as NormdocKind,
          orgId: org.id,
          regionPath: org.regionPath,
          docNumber: str(c.docNumber) ?? '',
          registrationNumber,
          publishedOn,
          effectiveOn,
          validUntil,
          status: finalStatus,
          endedOn: finalStatus === 'in_force' || finalStatus === 'published' ? null : endedOn,
          provisionalRules: provisional,
          legalBasis: (c.legalBasis as ImportedDocInput['legalBasis'] | null) ?? [],
          body: str(c.body) ?? '',
        },
      });
    }
    return out;
  },

  async commit(tx, ctx, rows, track) {
    for (const r of rows) await track(r.rowNumber, () => insertImportedDocTx(tx, ctx, r.value));
  },
};
