import { isRegionCodeShape, isValidIdNumber, isValidMobile, isValidUscc } from '@fazhi/contracts';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import type { CellSchema } from './import-kind';

/**
 * Cell schemas for import columns. Every message is Chinese: it is written into the errors file next to
 * the cell. Check digits come from the contracts' validators, the same ones the API uses.
 */

/** Zod's own messages are English; this map covers what our cell schemas can raise without a message. */
export function zhIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `不能超过 ${String(issue.maximum)} 个字`;
    case 'too_small':
      return `至少 ${String(issue.minimum)} 个字`;
    case 'invalid_format':
      return issue.format === 'email' ? '电子邮箱格式不正确' : '格式不正确';
    case 'invalid_value':
      return '不是允许的取值';
    default:
      return '内容无效';
  }
}

export function parseCell(
  schema: CellSchema,
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const r = schema.safeParse(text, { error: zhIssue });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, message: r.error.issues[0]?.message ?? '内容无效' };
}

export const textCell = (max: number, min = 1): CellSchema =>
  z.string().trim().min(min, `至少 ${min} 个字`).max(max, `不能超过 ${max} 个字`);

/** Accepts the Chinese label (as in the dropdown) or the code itself: '政府部门' or 'department'. */
export function enumCell<V extends string>(labels: Record<V, string>): CellSchema {
  const byLabel = new Map<string, V>();
  for (const [value, label] of Object.entries(labels) as [V, string][]) {
    byLabel.set(label, value);
    byLabel.set(value, value);
  }
  const allowed = Object.values(labels).join('、');
  return z.string().transform((s, ctx) => {
    const v = byLabel.get(s.trim());
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: `“${s}”不是可选值，应为：${allowed}` });
      return z.NEVER;
    }
    return v;
  });
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×']);
export const YES_NO = ['是', '否'] as const;

/** 是/否 → boolean. */
export const yesNoCell: CellSchema = z.string().transform((s, ctx) => {
  const t = s.trim().toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  ctx.addIssue({ code: 'custom', message: '应填写“是”或“否”' });
  return z.NEVER;
});

export const usccCell: CellSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidUscc, '统一社会信用代码无效（18位，校验位须正确）');

export const idNumberCell: CellSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => isValidIdNumber(s), '居民身份证号码无效（18位，出生日期和校验位须正确）');

export const mobileCell: CellSchema = z.string().trim().refine(isValidMobile, '手机号码应为11位，以1开头');

export const emailCell: CellSchema = z
  .string()
  .trim()
  .pipe(z.email('电子邮箱格式不正确').max(100, '电子邮箱不能超过 100 个字符'));

export const regionCodeCell: CellSchema = z
  .string()
  .trim()
  .refine(isRegionCodeShape, '行政区划代码应为6位（县级及以上）或9/12位（乡镇/村）数字');

/** Excel keeps 15 significant digits: an 18-digit ID or code typed into a number cell is already damaged. */
const MAX_EXACT_NUMBER = 1e15;

/** The text a user sees in a cell, whatever Excel stored: numbers, rich text, hyperlinks, formula results. */
export function cellText(value: ExcelJS.CellValue): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Math.abs(value) >= MAX_EXACT_NUMBER)
      return { error: '数字位数过多，Excel 已丢失末尾几位；请将该列设置为“文本”格式后重新输入' };
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { error: `单元格含错误值 ${String(value.error)}` };
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  return '';
}
