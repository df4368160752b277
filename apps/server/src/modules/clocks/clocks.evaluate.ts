import type { Clock, ClockEvaluation, ClockStatus, DueDateUnit, StatutoryClockInput } from '@fazhi/contracts';
import type { Actor } from '../../platform/context';
import { evaluateOn, type ServerCalendar } from '../../platform/clock/work-calendar';
import { clockActions } from './clocks.policy';
import type {
  ClockDetails,
  ClockRecord,
  ClockRow,
  ClockView,
  ExtensionRow,
  PauseRow,
} from './clocks.repository';

/** The facts of a clock as the pure evaluation sees them. */
export function statutoryInput(
  row: Pick<ClockRecord, 'startDate' | 'amount' | 'unit' | 'warningDays' | 'completedOn'>,
  pauses: readonly Pick<PauseRow, 'from' | 'to'>[],
  extensions: readonly Pick<ExtensionRow, 'amount' | 'unit'>[],
): StatutoryClockInput {
  return {
    start: row.startDate,
    amount: row.amount,
    unit: row.unit as DueDateUnit,
    warningDays: row.warningDays,
    completedOn: row.completedOn,
    pauses: pauses.map((p) => ({ from: p.from, to: p.to })),
    extensions: extensions.map((e) => ({ amount: e.amount, unit: e.unit })),
  };
}

/**
 * Due date and status of a clock on `today` (Asia/Shanghai). Day counting per 民事诉讼法 第八十五条 (start day
 * not counted; a period ending on a rest day ends on the next working day), working days per the official
 * calendar (行政复议法 第八十八条, 行政处罚法 第八十五条, 行政许可法 第八十二条), paused days not counted,
 * extensions counted from the due date in force — see contracts/clock/clock-status.ts.
 */
export function evaluateRecord(
  sc: ServerCalendar,
  row: ClockRecord,
  d: ClockDetails,
  today: string,
): ClockEvaluation {
  return evaluateOn(sc, statutoryInput(row, d.pauses, d.extensions), today);
}

export const hasOpenPause = (d: ClockDetails) => d.pauses.some((p) => p.to === null);

export function toClockDto(actor: Actor, r: ClockView, d: ClockDetails): Clock {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    regionCode: r.regionCode,
    title: r.title,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    startEvent: r.startEvent,
    startDate: r.startDate,
    amount: r.amount,
    unit: r.unit as DueDateUnit,
    legalBasis: r.legalBasis,
    warningDays: r.warningDays,
    dueDate: r.dueDate,
    provisional: r.provisional,
    status: r.status as ClockStatus,
    completedOn: r.completedOn,
    pauses: d.pauses.map((p) => ({ id: p.id, kind: p.kind, from: p.from, to: p.to, reason: p.reason })),
    extensions: d.extensions.map((e) => ({
      id: e.id,
      amount: e.amount,
      unit: e.unit,
      approver: e.approver,
      reason: e.reason,
      approvedOn: e.approvedOn,
    })),
    version: r.version,
    actions: clockActions(actor, {
      orgId: r.orgId,
      regionPath: r.regionPath,
      status: r.status,
      hasOpenPause: hasOpenPause(d),
    }),
  };
}

/** The fields of a clock an audit entry records (no joined display names). */
export function auditable(r: ClockRecord | ClockRow): Record<string, unknown> {
  const {
    orgName: _o,
    regionCode: _r,
    createdAt: _c,
    updatedAt: _u,
    alertedFor: _a,
    ...rest
  } = r as ClockRow;
  return rest;
}
