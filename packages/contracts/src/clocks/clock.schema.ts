import { z } from 'zod';
import { isoDateSchema, listResponse } from '../common/schemas';
import { dueDateUnitSchema } from '../calendar/calendar.schema';

export const CLOCK_STATUSES = {
  normal: '正常',
  due_soon: '临期',
  overdue: '超期',
  completed: '已完成',
} as const;
export type ClockStatus = keyof typeof CLOCK_STATUSES;
export const clockStatusSchema = z.enum(Object.keys(CLOCK_STATUSES) as [ClockStatus, ...ClockStatus[]]);
/** A clock still running (or suspended); only these are re-evaluated each day. */
export const OPEN_CLOCK_STATUSES: readonly ClockStatus[] = ['normal', 'due_soon', 'overdue'];
/** A completed clock is history: its due date and dates are frozen. */
export const TERMINAL_CLOCK_STATUSES: readonly ClockStatus[] = ['completed'];

/** 中止 (the procedure is suspended, e.g. 行政复议法 第三十九条) or 补正 (waiting for the applicant's completed materials). */
export const CLOCK_PAUSE_KINDS = { suspend: '中止', correction: '补正' } as const;

/**
 * The clock lifecycle, shared by the server (enforcement) and the web (buttons):
 *   open, running   → pause | extend | complete
 *   open, suspended → endPause | extend | complete   (one open pause at a time)
 *   completed       → nothing (terminal)
 */
export const CLOCK_ACTIONS = {
  pause: '中止/补正',
  endPause: '恢复计时',
  extend: '延长',
  complete: '办结',
} as const;
export type ClockAction = keyof typeof CLOCK_ACTIONS;
/** `hasOpenPause`: a pause without an end date is recorded (the clock is not running). */
export type ClockLifecycleState = { status: ClockStatus; hasOpenPause: boolean };

/** Why `action` is not allowed in `state` (a Chinese message), or null when it is allowed. */
export function clockActionRefusal(state: ClockLifecycleState, action: ClockAction): string | null {
  if (TERMINAL_CLOCK_STATUSES.includes(state.status)) {
    return action === 'complete'
      ? '该期限已办结，不能重复办结'
      : `该期限已办结，不能再${CLOCK_ACTIONS[action]}`;
  }
  if (action === 'pause' && state.hasOpenPause) return '该期限正处于中止/补正状态，请先恢复计时';
  if (action === 'endPause' && !state.hasOpenPause) return '该期限未处于中止/补正状态';
  return null;
}

/** The lifecycle actions allowed in `state`, in display order. */
export function clockAllowedActions(state: ClockLifecycleState): ClockAction[] {
  return (Object.keys(CLOCK_ACTIONS) as ClockAction[]).filter((a) => clockActionRefusal(state, a) === null);
}

/** The clock list counts at most this many matching records (see clockPageSchema.total). */
export const CLOCK_LIST_TOTAL_CAP = 10000;

export const clockPauseSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['suspend', 'correction']),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
});
export const clockExtensionSchema = z.object({
  id: z.uuid(),
  amount: z.number().int(),
  unit: dueDateUnitSchema,
  approver: z.string(),
  reason: z.string(),
  approvedOn: z.string(),
});

export const clockSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  title: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  startEvent: z.string(),
  startDate: z.string(),
  amount: z.number().int(),
  unit: dueDateUnitSchema,
  legalBasis: z.string(),
  warningDays: z.number().int(),
  dueDate: z.string(),
  provisional: z.boolean(),
  status: clockStatusSchema,
  completedOn: z.string().nullable(),
  pauses: z.array(clockPauseSchema),
  extensions: z.array(clockExtensionSchema),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Clock = z.infer<typeof clockSchema>;

export const clockCreateSchema = z.strictObject({
  orgId: z.uuid().optional(),
  title: z.string().trim().min(1, '请填写事项名称').max(200),
  subjectType: z.string().trim().min(1).max(40).default('manual'),
  subjectId: z.string().max(64).nullable().default(null),
  startEvent: z.string().trim().min(1, '请填写起算事件').max(60),
  startDate: isoDateSchema,
  amount: z.number().int().min(0).max(3650),
  unit: dueDateUnitSchema,
  legalBasis: z.string().trim().min(2, '请填写法律依据（法律名称及条款）').max(200),
  warningDays: z.number().int().min(0).max(90).default(3),
});
export const clockPauseCreateSchema = z.strictObject({
  kind: z.enum(['suspend', 'correction']),
  from: isoDateSchema,
  to: isoDateSchema.nullable().default(null),
  reason: z.string().trim().min(1, '请填写中止/补正原因').max(200),
  version: z.number().int(),
});
export const clockPauseEndSchema = z.strictObject({ to: isoDateSchema, version: z.number().int() });
export const clockExtensionCreateSchema = z.strictObject({
  amount: z.number().int().min(1).max(365),
  unit: dueDateUnitSchema,
  approver: z.string().trim().min(1, '请填写批准人').max(30),
  reason: z.string().trim().min(1, '请填写延长理由').max(200),
  approvedOn: isoDateSchema,
  version: z.number().int(),
});
export const clockCompleteSchema = z.strictObject({ completedOn: isoDateSchema, version: z.number().int() });

export const clockListQuerySchema = z.object({
  status: clockStatusSchema.optional(),
  orgId: z.uuid().optional(),
  regionCode: z.string().max(12).optional(),
  q: z.string().max(60).optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
  sort: z
    .enum(['dueDate', '-dueDate', 'startDate', '-startDate', 'createdAt', '-createdAt'])
    .default('dueDate'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const clockPageSchema = listResponse(clockSchema).extend({
  total: z
    .number()
    .int()
    .describe(
      `符合条件的记录数，最多计到 ${CLOCK_LIST_TOTAL_CAP}（为保证百万级台账的列表速度，计数有上限）：超过时 total = ${CLOCK_LIST_TOTAL_CAP} 且 totalCapped = true，页面应显示“${CLOCK_LIST_TOTAL_CAP}+ 条”；更靠后的页仍可按 page 访问。计数按数据范围和筛选条件缓存至多 10 秒（本进程的写入立即生效）`,
    ),
  totalCapped: z
    .boolean()
    .describe(`true 表示实际记录数超过 ${CLOCK_LIST_TOTAL_CAP} 条，total 为截断后的计数`),
});
