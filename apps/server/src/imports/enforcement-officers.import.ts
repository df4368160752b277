import {
  CERTIFICATE_KINDS,
  isoDateSchema,
  isValidIdNumber,
  STAFF_TYPES,
  type CertificateKind,
  type StaffType,
} from '@fazhi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { escapeLike, requirePermission, scopeFor } from '../platform/access/policy';
import { shanghaiToday } from '../platform/clock/today';
import { organisations } from '../platform/db/schema';
import {
  enumCell,
  idNumberCell,
  textCell,
  type CellSchema,
  type ImportKind,
  type PreparedRow,
} from '../platform/excel/import';
import { enforcementBodies } from '../modules/enforcement/bodies/bodies.tables';
import { idNumberHasher } from '../modules/enforcement/officers/officers.id-hash';
import {
  existingIdHashes,
  insertImportedOfficerTx,
  usedCertificateNumbers,
  type ImportedOfficerInput,
} from '../modules/enforcement/officers/officers.import-rows';
import { OrgIndex, str, type OrgRef } from './org-index';

// ---------------------------------------------------------------- 行政执法人员及证件 (existing officers)

const dateCell: CellSchema = z.string().transform((s, ctx) => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  const iso = m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : '';
  if (!m || !isoDateSchema.safeParse(iso).success) {
    ctx.addIssue({ code: 'custom', message: `“${s}”不是有效日期，应写作 2024-03-01 或 2024年3月1日` });
    return z.NEVER;
  }
  return iso;
});

const fieldsCell: CellSchema = z
  .string()
  .max(300)
  .transform((s) =>
    s
      .split(/[、，,；;\s]+/)
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, 20),
  );

type OrgHit = OrgRef & { id: string; regionPath: string; isBody: boolean };

export const enforcementOfficerImportKind: ImportKind<ImportedOfficerInput> = {
  name: 'enforcement-officers',
  title: '行政执法人员',
  sheetName: '执法人员',
  // The justice bureau (行政执法协调监督机构) loads the officers and certificates of its jurisdiction.
  permission: 'enforcement.supervise',
  instructions: [
    '用于导入系统启用前已有的行政执法人员及其已核发的行政执法证、行政执法监督证；每人一行。',
    '执法主体须为您管辖范围内已确认的行政执法主体，填写单位全称；重名单位请填写其统一社会信用代码。',
    '身份证号码须为18位有效号码；同一人只能登记一次。',
    '只有在编在职人员可以持有行政执法证件（《河南省行政执法条例》第二十条）；其他人员请不要填写证件信息。',
    '证号在全系统中不能重复；填写证号时须同时填写证件类型、发证日期和有效期。',
    '任何一行有错误时，整个文件都不会导入；请按错误文件中标红的单元格修改后重新上传。',
  ],
  columns: [
    {
      key: 'org',
      header: '执法主体',
      required: true,
      note: '单位全称或统一社会信用代码',
      example: '三门峡市市场监督管理局',
      schema: textCell(80, 2),
      width: 28,
    },
    {
      key: 'name',
      header: '姓名',
      required: true,
      note: '',
      example: '张三',
      schema: textCell(30, 2),
      width: 12,
    },
    {
      key: 'idNumber',
      header: '身份证号码',
      required: true,
      note: '18位居民身份号码',
      example: '11010519491231002X',
      schema: idNumberCell,
      width: 22,
    },
    {
      key: 'staffType',
      header: '人员类别',
      required: true,
      note: '从下拉列表中选择',
      example: STAFF_TYPES.established,
      options: Object.values(STAFF_TYPES),
      schema: enumCell(STAFF_TYPES),
      width: 12,
    },
    { key: 'position', header: '职务', note: '可不填', example: '科长', schema: textCell(50), width: 12 },
    {
      key: 'fields',
      header: '执法领域',
      note: '多项用“、”分隔',
      example: '市场监管、食品安全',
      schema: fieldsCell,
      width: 24,
    },
    {
      key: 'kind',
      header: '证件类型',
      note: '已持证的填写',
      example: CERTIFICATE_KINDS.enforcement,
      options: Object.values(CERTIFICATE_KINDS),
      schema: enumCell(CERTIFICATE_KINDS),
      width: 16,
    },
    {
      key: 'number',
      header: '证号',
      note: '已持证的填写，全系统唯一',
      example: '41120020240001',
      schema: textCell(40, 4),
      width: 20,
    },
    {
      key: 'issuedOn',
      header: '发证日期',
      note: '如 2024-03-01',
      example: '2024-03-01',
      schema: dateCell,
      width: 14,
    },
    { key: 'validFrom', header: '有效期起', note: '', example: '2024-03-01', schema: dateCell, width: 14 },
    { key: 'validTo', header: '有效期至', note: '', example: '2029-02-28', schema: dateCell, width: 14 },
  ],
  uniqueInFile: [
    { keys: ['idNumber'], cell: 'idNumber', label: '身份证号码' },
    { keys: ['number'], cell: 'number', label: '证号', normalize: (v) => String(v).replace(/\s+/g, '') },
  ],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'enforcement.supervise');
    const scope = scopeFor(ctx.actor, 'enforcement.supervise');
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
              flagged: organisations.isLawEnforcementBody,
              bodyStatus: enforcementBodies.status,
            })
            .from(organisations)
            .leftJoin(enforcementBodies, eq(enforcementBodies.orgId, organisations.id))
            .where(
              and(
                eq(organisations.disabled, false),
                sql`${organisations.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`,
              ),
            )
        : [];
    const orgs = new OrgIndex<OrgHit>(
      orgRows.map((o) => ({
        ...o,
        isBody: o.flagged || (o.bodyStatus !== null && o.bodyStatus !== 'cancelled'),
      })),
    );
    const hash = await idNumberHasher(ctx);
    const ids = rows.map((r) => str(r.cells.idNumber)).filter((s): s is string => !!s && isValidIdNumber(s));
    const known = await existingIdHashes(ctx.db, ids.map(hash));
    const used = await usedCertificateNumbers(
      ctx.db,
      rows.map((r) => str(r.cells.number)).filter((n): n is string => n !== null),
    );

    const out: PreparedRow<ImportedOfficerInput>[] = [];
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
        else if (!hit.isBody) bad('org', `“${hit.name}”不是已确认的行政执法主体`);
        else org = hit;
      }
      const idNumber = str(c.idNumber);
      if (idNumber && !r.invalid.has('idNumber') && known.has(hash(idNumber)))
        bad('idNumber', '该身份证号码的执法人员已登记');
      const staffType = str(c.staffType) as StaffType | null;
      const number = str(c.number);
      const kind = str(c.kind) as CertificateKind | null;
      const issuedOn = str(c.issuedOn);
      const validFrom = str(c.validFrom);
      const validTo = str(c.validTo);
      const anyCert = number || kind || issuedOn || validFrom || validTo;
      let certificate: ImportedOfficerInput['certificate'] = null;
      if (anyCert) {
        if (!number) bad('number', '填写证件信息时须填写证号');
        if (!kind) bad('kind', '填写证号时须选择证件类型');
        if (!issuedOn) bad('issuedOn', '填写证号时须填写发证日期');
        if (!validFrom) bad('validFrom', '填写证号时须填写有效期起');
        if (!validTo) bad('validTo', '填写证号时须填写有效期至');
        if (staffType && staffType !== 'established')
          bad('staffType', '只有在编在职人员可以持有行政执法证件（《河南省行政执法条例》第二十条）');
        if (number && used.has(number)) bad('number', `证号“${number}”已被系统中的其他证件使用`);
        if (issuedOn && issuedOn > today) bad('issuedOn', '发证日期不能晚于今天');
        if (validFrom && validTo && validFrom > validTo)
          bad('validTo', `有效期至不能早于有效期起 ${validFrom}`);
        if (number && kind && issuedOn && validFrom && validTo)
          certificate = { kind, number, issuedOn, validFrom, validTo };
      }
      const name = str(c.name);
      if (!ok || !org || !name || !idNumber || !staffType) continue;
      out.push({
        rowNumber: r.rowNumber,
        value: {
          officer: {
            orgId: org.id,
            name,
            idNumber,
            staffType,
            position: str(c.position),
            fields: (c.fields as string[] | null) ?? [],
            regionScope: null,
            legalQualification: false,
          },
          certificate,
        },
      });
    }
    return out;
  },

  async commit(tx, ctx, rows, track) {
    const hash = await idNumberHasher(ctx);
    for (const r of rows) await track(r.rowNumber, () => insertImportedOfficerTx(tx, ctx, r.value, hash));
  },
};
