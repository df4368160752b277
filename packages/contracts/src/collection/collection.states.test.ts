import { describe, expect, it } from 'vitest';
import {
  COLLECTION_EDITABLE,
  COLLECTION_TARGET_TRANSITIONS,
  collectionTargetActionsFrom,
  collectionTargetStatusNames,
} from './collection.states';

describe('collection target transitions', () => {
  it('pending → submitted → signed → accepted, returned → submitted again', () => {
    expect(collectionTargetActionsFrom('pending')).toEqual(['submit', 'return']);
    expect(collectionTargetActionsFrom('submitted')).toEqual(['signoff', 'return']);
    expect(collectionTargetActionsFrom('signed')).toEqual(['accept', 'return']);
    expect(collectionTargetActionsFrom('returned')).toEqual(['submit']);
    expect(collectionTargetActionsFrom('accepted')).toEqual([]);
  });

  it('every transition goes between known statuses, and only editable statuses can be submitted', () => {
    for (const t of Object.values(COLLECTION_TARGET_TRANSITIONS)) {
      expect(collectionTargetStatusNames).toContain(t.to);
      for (const f of t.from) expect(collectionTargetStatusNames).toContain(f);
    }
    expect([...COLLECTION_TARGET_TRANSITIONS.submit.from].sort()).toEqual([...COLLECTION_EDITABLE].sort());
  });
});
