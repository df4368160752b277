import type { CommentPeriodState, CommentSubmitterKind } from '@fazhi/contracts';

/** English beside the contracts' Chinese labels of the 征求意见 area. */
export const COMMENT_STATE_EN: Record<CommentPeriodState, string> = {
  upcoming: 'Not yet open',
  open: 'Open for comment',
  ended: 'Ended, results pending',
  closed: 'Closed',
};
export const COMMENT_STATE_COLORS: Record<CommentPeriodState, string> = {
  upcoming: 'default',
  open: 'green',
  ended: 'orange',
  closed: 'blue',
};
export const SUBMITTER_KIND_EN: Record<CommentSubmitterKind, string> = {
  citizen: 'Citizen',
  enterprise: 'Enterprise',
  organisation: 'Organisation',
};
