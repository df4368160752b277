import { describe, expect, it } from 'vitest';
import {
  NORMDOC_STATUSES,
  NORMDOC_TRANSITIONS,
  actionsFrom,
  normdocActionNames,
  normdocStatusNames,
  normdocTransitionPath,
  normdocTransitionRefusal,
  type NormdocStatus,
} from './normdoc.states';

/** Every status reachable from 起草 by following the table. */
function reachable(from: NormdocStatus): Set<NormdocStatus> {
  const seen = new Set<NormdocStatus>([from]);
  const queue = [from];
  while (queue.length) {
    const s = queue.shift() as NormdocStatus;
    for (const a of actionsFrom(s))
      for (const to of NORMDOC_TRANSITIONS[a].to)
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
  }
  return seen;
}

describe('normative-document transition table', () => {
  it('names only known statuses and reaches every one of them from 起草', () => {
    for (const a of normdocActionNames) {
      for (const s of [...NORMDOC_TRANSITIONS[a].from, ...NORMDOC_TRANSITIONS[a].to])
        expect(NORMDOC_STATUSES[s], `${a}: ${s}`).toBeDefined();
    }
    expect([...reachable('drafting')].sort()).toEqual([...normdocStatusNames].sort());
  });

  it('puts the legality review before deliberation, deliberation before registration, registration before publication', () => {
    // The only way into 审议 is a passed review; into 登记 a signed adoption; into 公布 a registration.
    expect(NORMDOC_TRANSITIONS.deliberate.from).toEqual(['review_passed']);
    expect(NORMDOC_TRANSITIONS.record_opinion.to).toContain('review_passed');
    expect(NORMDOC_TRANSITIONS.register.from).toEqual(['signed']);
    expect(NORMDOC_TRANSITIONS.sign.from).toEqual(['adopted']);
    expect(NORMDOC_TRANSITIONS.publish.from).toEqual(['registered']);
    // A failed review cannot go to deliberation (国办发〔2018〕37号 (六)).
    expect(actionsFrom('review_failed')).not.toContain('deliberate');
    expect(actionsFrom('review_failed')).toEqual(expect.arrayContaining(['revise', 'abandon']));
  });

  it('has terminal statuses with no way out', () => {
    for (const s of [
      'repealed',
      'declared_invalid',
      'expired',
      'removed_from_catalog',
      'not_normative',
      'abandoned',
    ] as const)
      expect(actionsFrom(s), s).toEqual([]);
  });

  it('explains a refusal in Chinese, naming the current status and where the action is allowed', () => {
    expect(normdocTransitionRefusal('drafting', 'submit')).toBeNull();
    expect(normdocTransitionRefusal('drafting', 'sign')).toBe(
      '文件当前状态为“起草”，不能签发（仅限：审议通过）',
    );
  });

  it('routes each action to its actor’s endpoint', () => {
    expect(normdocTransitionPath('d1', 'submit')).toBe('/api/normdocs/d1/transitions');
    expect(normdocTransitionPath('d1', 'record_opinion')).toBe('/api/normdocs/d1/review-transitions');
    expect(normdocTransitionPath('d1', 'deliberate')).toBe('/api/normdocs/d1/head-transitions');
  });
});
