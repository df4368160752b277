import { completeUscc, ORG_TYPES, type OrgCreate } from '@fazhi/contracts';
import { z } from 'zod';
import { requirePermission, scopeFor } from '../platform/access/policy';
import {
  enumCell,
  regionCodeCell,
  textCell,
  usccCell,
  yesNoCell,
  YES_NO,
  type ImportKind,
  type PreparedRow,
} from '../platform/excel/import';
import { createOrgTx, findRegion, listOrgs } from '../modules/org';
import { OrgIndex, str, type OrgRef } from './org-index';

// ---------------------------------------------------------------- 单位 (orgs)

type OrgImportRow = {
  input: Omit<OrgCreate, 'parentId'>;
  parent: { existing: string } | { row: number } | null;
};

export const orgImportKind: ImportKind<OrgImportRow> = {
  name: 'orgs',
  title: '单位',
  sheetName: '单位',
  permission: 'org.import',
  instructions: [
    '上级单位可以是系统中已有的单位，也可以是本文件中的单位；如是后者，请把上级单位放在下级单位之前。',
    '行政区划代码须已在系统中登记，并在您的管辖范围内。',
  ],
  columns: [
    {
      key: 'name',
      header: '单位名称',
      required: true,
      note: '单位全称，同一行政区划内不能重名',
      example: '三门峡市市场监督管理局',
      schema: textCell(80, 2),
      width: 32,
    },
    { key: 'shortName', header: '简称', note: '可不填', example: '市市场监管局', schema: textCell(30) },
    {
      key: 'type',
      header: '单位类型',
      required: true,
      note: '从下拉列表中选择',
      example: ORG_TYPES.department,
      options: Object.values(ORG_TYPES),
      schema: enumCell(ORG_TYPES),
    },
    {
      key: 'regionCode',
      header: '行政区划代码',
      required: true,
      note: '单位所在行政区划的代码（GB/T 2260：县级及以上6位，乡镇9位），须在您的管辖范围内',
      example: '411200',
      schema: regionCodeCell,
    },
    {
      key: 'parent',
      header: '上级单位',
      note: '上级单位的全称（重名时填其统一社会信用代码）；须已在系统中，或在本文件中位于本行之前；可不填',
      example: '三门峡市人民政府',
      schema: textCell(80),
      width: 32,
    },
    {
      key: 'uscc',
      header: '统一社会信用代码',
      note: '18位，校验位须正确；可不填',
      example: completeUscc('11411200MB012345'),
      schema: usccCell,
      width: 24,
    },
    {
      key: 'docCodePrefix',
      header: '机关代字',
      note: '发文字号中的机关代字（汉字，不超过12个字）；可不填',
      example: '三市监',
      schema: z
        .string()
        .trim()
        .max(12, '不能超过 12 个字')
        .regex(/^[\u4e00-\u9fa5]+$/, '机关代字应为汉字，如“三政”'),
    },
    {
      key: 'isLawEnforcementBody',
      header: '是否行政执法主体',
      note: '填“是”或“否”，不填视为“否”',
      example: '是',
      options: YES_NO,
      schema: yesNoCell,
    },
    {
      key: 'isReconsiderationOrgan',
      header: '是否行政复议机关',
      note: '填“是”或“否”，不填视为“否”',
      example: '否',
      options: YES_NO,
      schema: yesNoCell,
    },
  ],
  uniqueInFile: [
    { keys: ['regionCode', 'name'], cell: 'name', label: '同一行政区划内的单位名称' },
    { keys: ['uscc'], cell: 'uscc', label: '统一社会信用代码' },
  ],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'org.write');
    const scope = scopeFor(ctx.actor, 'org.write');
    const regionOk = new Map<string, boolean>();
    for (const code of new Set(rows.map((r) => str(r.cells.regionCode)).filter((c) => c !== null))) {
      const region = await findRegion(ctx.db, code);
      regionOk.set(code, !!region && scope.kind === 'region' && region.path.startsWith(scope.pathPrefix));
    }
    // Existing units in scope, and the file's rows as they are passed (a parent must come first).
    const candidates = new OrgIndex<OrgRef & { id?: string; rowNumber?: number }>(
      await listOrgs(ctx, { includeDisabled: false }),
    );
    const out: PreparedRow<OrgImportRow>[] = [];
    for (const r of rows) {
      let ok = r.invalid.size === 0;
      const regionCode = str(r.cells.regionCode);
      if (regionCode && !regionOk.get(regionCode)) {
        issues.cell(r.rowNumber, 'regionCode', `行政区划代码 ${regionCode} 不存在或不在您的管辖范围内`);
        ok = false;
      }
      let parent: OrgImportRow['parent'] = null;
      const parentName = str(r.cells.parent);
      if (parentName) {
        const hit = candidates.pick(parentName, regionCode);
        if ('error' in hit) {
          const later = rows.some(
            (x) =>
              x.rowNumber > r.rowNumber &&
              (x.cells.name === parentName || x.cells.uscc === parentName.toUpperCase()),
          );
          issues.cell(
            r.rowNumber,
            'parent',
            later ? `上级单位“${parentName}”在本文件中位于本行之后，请把上级单位移到前面` : hit.error,
          );
          ok = false;
        } else parent = hit.rowNumber !== undefined ? { row: hit.rowNumber } : { existing: hit.id as string };
      }
      const name = str(r.cells.name);
      if (name && regionCode)
        candidates.add({ name, uscc: str(r.cells.uscc), regionCode, rowNumber: r.rowNumber });
      if (!ok || !name || !regionCode) continue;
      const c = r.cells;
      out.push({
        rowNumber: r.rowNumber,
        value: {
          parent,
          input: {
            name,
            shortName: str(c.shortName),
            type: c.type as OrgCreate['type'],
            uscc: str(c.uscc),
            docCodePrefix: str(c.docCodePrefix),
            regionCode,
            isLawEnforcementBody: c.isLawEnforcementBody === true,
            isReconsiderationOrgan: c.isReconsiderationOrgan === true,
          },
        },
      });
    }
    return out;
  },

  async commit(tx, ctx, rows, track) {
    const created = new Map<number, string>();
    for (const r of rows) {
      await track(r.rowNumber, async () => {
        const p = r.value.parent;
        const parentId = p === null ? null : 'existing' in p ? p.existing : (created.get(p.row) ?? null);
        const org = await createOrgTx(tx, ctx, { ...r.value.input, parentId });
        created.set(r.rowNumber, org.id);
      });
    }
  },
};
