import {
  filingActionsFrom,
  filingTransitionRefusal,
  FILING_REVIEW_STATUSES,
  type FilingAction,
  type FilingActor,
  type FilingReviewStatus,
  type FilingStatus,
} from '@fazhi/contracts';
import { AppError } from '../../../platform/errors';
import { recipientInSystem } from './filings.recipients';

// The filing sub-machine (contracts FILING_TRANSITIONS) plus the facts the table cannot see.

type FilingFacts = {
  status: string;
  recipientKind: string;
  recipientOrgId: string | null;
  correctionDoneOn: string | null;
};

/** Review-row statuses in which each receiving-side step is possible. */
const REVIEW_STEP_FROM: Partial<Record<FilingAction, readonly FilingReviewStatus[]>> = {
  register: ['received', 'assigned'],
  assign: ['received', 'assigned'],
  review: ['received', 'assigned'],
  correction_result: ['correcting'],
};

function extraRefusal(f: FilingFacts, action: FilingAction, reviewStatus?: string): string | null {
  const inSystem = recipientInSystem(f);
  if (action === 'record_outcome' && inSystem)
    return '该备案由接收机关在本系统登记和审查，不能由报备机关登记结果';
  if (action === 'report_correction' && f.correctionDoneOn) return '已报告纠正情况，等待审查机关确认';
  const from = REVIEW_STEP_FROM[action];
  if (from && reviewStatus !== undefined && !from.includes(reviewStatus as FilingReviewStatus)) {
    const now = FILING_REVIEW_STATUSES[reviewStatus as FilingReviewStatus] ?? reviewStatus;
    return `审查记录当前状态为“${now}”，不能执行此步骤`;
  }
  return null;
}

/** Actions the table and the facts allow, on one side (filer: the filing; receiver: its review row). */
export function filingActionsFor(f: FilingFacts, by: FilingActor, reviewStatus?: string): FilingAction[] {
  return filingActionsFrom(f.status as FilingStatus, by).filter(
    (a) => extraRefusal(f, a, reviewStatus) === null,
  );
}

/** 409 ILLEGAL_TRANSITION with the reason when the step is out of order. */
export function assertFilingStep(f: FilingFacts, action: FilingAction, reviewStatus?: string): void {
  const refusal =
    filingTransitionRefusal(f.status as FilingStatus, action) ?? extraRefusal(f, action, reviewStatus);
  if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
}
