import { maskMiddle, maskMobile, type CommentPeriodState } from '@fazhi/contracts';
import type { PeriodRow } from './comments.repository';

/**
 * Where a period stands on `today` (Asia/Shanghai). A published 采纳情况说明 (closedAt) ends it whatever the
 * dates say; otherwise the days from opensOn to closesOn, both inclusive, are open for comment.
 */
export function periodState(
  p: Pick<PeriodRow, 'opensOn' | 'closesOn' | 'closedAt'>,
  today: string,
): CommentPeriodState {
  if (p.closedAt) return 'closed';
  if (today < p.opensOn) return 'upcoming';
  if (today <= p.closesOn) return 'open';
  return 'ended';
}

/** Contact details are shown masked: 138****5678, z***@example.cn, 01*****89. */
export function maskContact(contact: string): string {
  const c = contact.trim();
  if (/^1[3-9]\d{9}$/.test(c)) return maskMobile(c);
  const at = c.indexOf('@');
  if (at > 0) return `${c.slice(0, 1)}***${c.slice(at)}`;
  const keep = Math.min(3, Math.floor(c.length / 4));
  return maskMiddle(c, keep, keep);
}
