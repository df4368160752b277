import { inArray } from 'drizzle-orm';
import { requirePermission } from '../platform/access/policy';
import { regions } from '../platform/db/schema';
import {
  enumCell,
  regionCodeCell,
  textCell,
  usccCell,
  type ImportKind,
  type PreparedRow,
} from '../platform/excel/import';
import {
  insertEnterpriseTx,
  type EnterpriseRowInput,
} from '../modules/enforcement/inspections/enterprises.service';
import { enforcementEnterprises } from '../modules/enforcement/inspections/inspections.tables';
import { str } from './org-index';

const RISK_GRADES = { high: '高风险', medium_high: '较高风险', medium: '一般风险', low: '低风险' } as const;

/** 检查对象（企业）: enterprises by 统一社会信用代码 (GB 32100), for 双随机 pools and inspection records. */
export const enforcementEnterpriseImportKind: ImportKind<EnterpriseRowInput> = {
  name: 'enforcement-enterprises',
  title: '检查对象（企业）',
  sheetName: '企业',
  permission: 'enforcement.body',
  instructions: [
    '每行一家企业；统一社会信用代码须为18位有效代码（GB 32100，校验位正确），系统内不能重复。',
    '行政区划代码可不填（默认为您所在单位的行政区划）；填写的区划须在您的管辖范围内。',
    '任何一行有错误时，整个文件都不会导入；请按错误文件中标红的单元格修改后重新上传。',
  ],
  columns: [
    {
      key: 'uscc',
      header: '统一社会信用代码',
      required: true,
      note: '18位',
      example: '91410000MA40000000',
      schema: usccCell,
      width: 22,
    },
    {
      key: 'name',
      header: '企业名称',
      required: true,
      note: '',
      example: '某某餐饮有限公司',
      schema: textCell(200, 2),
      width: 32,
    },
    {
      key: 'regionCode',
      header: '行政区划代码',
      note: '可不填',
      example: '411202',
      schema: regionCodeCell,
      width: 14,
    },
    { key: 'industry', header: '行业', note: '可不填', example: '餐饮', schema: textCell(60), width: 14 },
    {
      key: 'riskGrade',
      header: '风险等级',
      note: '从下拉列表中选择，可不填',
      example: RISK_GRADES.low,
      options: Object.values(RISK_GRADES),
      schema: enumCell(RISK_GRADES),
      width: 12,
    },
  ],
  uniqueInFile: [{ keys: ['uscc'], cell: 'uscc', label: '统一社会信用代码' }],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'enforcement.body');
    const actor = ctx.actor;
    const codes = rows.map((r) => str(r.cells.uscc)).filter((s): s is string => !!s);
    const existing = new Set(
      codes.length
        ? (
            await ctx.db
              .select({ uscc: enforcementEnterprises.uscc })
              .from(enforcementEnterprises)
              .where(inArray(enforcementEnterprises.uscc, codes))
          ).map((e) => e.uscc)
        : [],
    );
    const regionCodes = [
      ...new Set([
        actor.regionCode,
        ...rows.map((r) => str(r.cells.regionCode)).filter((s): s is string => !!s),
      ]),
    ];
    const regionRows = await ctx.db
      .select({ code: regions.code, path: regions.path })
      .from(regions)
      .where(inArray(regions.code, regionCodes));
    const paths = new Map(regionRows.map((r) => [r.code, r.path]));
    const out: PreparedRow<EnterpriseRowInput>[] = [];
    for (const r of rows) {
      const c = r.cells;
      let ok = r.invalid.size === 0;
      const bad = (key: string, message: string) => {
        issues.cell(r.rowNumber, key, message);
        ok = false;
      };
      const uscc = str(c.uscc);
      if (uscc && !r.invalid.has('uscc') && existing.has(uscc)) bad('uscc', '该统一社会信用代码的企业已登记');
      const regionCode = str(c.regionCode) ?? actor.regionCode;
      const path = paths.get(regionCode);
      if (!r.invalid.has('regionCode')) {
        if (!path) bad('regionCode', `行政区划代码“${regionCode}”不存在`);
        else if (!path.startsWith(actor.regionPath))
          bad('regionCode', `行政区划“${regionCode}”不在您的管辖范围内`);
      }
      const name = str(c.name);
      if (!ok || !uscc || !name || !path) continue;
      const risk = str(c.riskGrade);
      out.push({
        rowNumber: r.rowNumber,
        value: { uscc, name, regionCode, regionPath: path, industry: str(c.industry), riskGrade: risk },
      });
    }
    return out;
  },

  async commit(tx, ctx, rows, track) {
    for (const r of rows) await track(r.rowNumber, () => insertEnterpriseTx(tx, ctx, r.value));
  },
};
