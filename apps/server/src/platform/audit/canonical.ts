import { createHash } from 'node:crypto';

/** JSON with sorted keys: PostgreSQL's jsonb reorders keys, so hashes must not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: unknown;
  requestId: string | null;
  ip: string | null;
  outcome: string;
};

export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.orgId,
    e.action,
    e.entityType,
    e.entityId,
    e.diff ?? null,
    e.requestId,
    e.ip,
    e.outcome,
  ]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
