/**
 * Bulk loading without pg-copy-streams: `INSERT … SELECT … FROM unnest($1::t[], $2::t[], …)`, one
 * statement per batch of ~10,000 rows (one array parameter per column). node-postgres serialises each
 * JS array into a PostgreSQL array literal.
 */
import type pg from 'pg';
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  entryHash,
  type ChainedFields,
} from '../../../apps/server/src/platform/audit/canonical';

export type Column = { name: string; type: string };

/** Column-wise batch buffer for one table. */
export class ColumnBatch {
  readonly data: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {
    this.data = columns.map(() => []);
  }
  get size(): number {
    return this.data[0]?.length ?? 0;
  }
  push(values: readonly unknown[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) (this.data[i] as unknown[]).push(values[i]);
  }
  /** Hands the buffered rows to the caller and empties the buffer. */
  take(): unknown[][] {
    const out = this.data.map((col) => col.splice(0, col.length));
    return out;
  }
  sql(): string {
    const cols = this.columns.map((c) => `"${c.name}"`).join(', ');
    const arrays = this.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    return `insert into "${this.table}" (${cols}) select * from unnest(${arrays})`;
  }
  async flush(client: pg.ClientBase): Promise<number> {
    const n = this.size;
    if (n === 0) return 0;
    await client.query(this.sql(), this.take());
    return n;
  }
}

export const AUDIT_COLUMNS: readonly Column[] = [
  { name: 'seq', type: 'int8' },
  { name: 'id', type: 'uuid' },
  { name: 'at', type: 'timestamptz' },
  { name: 'actor_id', type: 'uuid' },
  { name: 'actor_name', type: 'text' },
  { name: 'org_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'diff', type: 'jsonb' },
  { name: 'request_id', type: 'text' },
  { name: 'ip', type: 'text' },
  { name: 'outcome', type: 'text' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
];

export type AuditEntry = Omit<ChainedFields, 'seq'> & { id: string };

/**
 * Appends audit entries to the hash chain in memory (exactly as audit.service appendAudit does: seq,
 * prev_hash = previous entry's hash, hash = entryHash(prev_hash, fields)) and writes them in batches.
 * The caller holds the chain's advisory lock for the whole load, so no other writer interleaves.
 */
export class AuditChainWriter {
  readonly batch = new ColumnBatch('audit_log', AUDIT_COLUMNS);
  written = 0;
  constructor(
    public lastSeq: number,
    public lastHash: string,
  ) {}

  add(e: AuditEntry): void {
    const seq = ++this.lastSeq;
    const fields: ChainedFields = {
      seq,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      orgId: e.orgId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      diff: e.diff,
      requestId: e.requestId,
      ip: e.ip,
      outcome: e.outcome,
    };
    const hash = entryHash(this.lastHash, fields);
    this.batch.push([
      seq,
      e.id,
      e.at.toISOString(),
      e.actorId,
      e.actorName,
      e.orgId,
      e.action,
      e.entityType,
      e.entityId,
      e.diff == null ? null : JSON.stringify(e.diff),
      e.requestId,
      e.ip,
      e.outcome,
      this.lastHash,
      hash,
    ]);
    this.lastHash = hash;
  }

  /**
   * The fast path for millions of entries: `diffJson` is the diff already serialised in canonical form
   * (keys sorted at every level), so the hashed body is assembled with JSON.stringify instead of
   * canonicalJson's recursive sort. Every `checkEvery`-th entry (and the first 1,000) is recomputed with
   * the server's own entryHash/canonicalJson and must match, so a divergence fails the load at once.
   */
  addCanonical(e: Omit<AuditEntry, 'diff'>, diffJson: string, checkEvery = 997): void {
    const seq = ++this.lastSeq;
    const atIso = e.at.toISOString();
    const j = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));
    const body = `[${seq},${JSON.stringify(atIso)},${j(e.actorId)},${j(e.actorName)},${j(e.orgId)},${j(e.action)},${j(e.entityType)},${j(e.entityId)},${diffJson},${j(e.requestId)},${j(e.ip)},${j(e.outcome)}]`;
    const hash = createHash('sha256').update(this.lastHash).update(body).digest('hex');
    if (seq % checkEvery === 0 || this.checked < 1000) {
      this.checked++;
      const diff: unknown = JSON.parse(diffJson);
      if (canonicalJson(diff) !== diffJson)
        throw new Error(`audit seq ${seq}: diff is not in canonical form: ${diffJson}`);
      const reference = entryHash(this.lastHash, {
        seq,
        at: e.at,
        actorId: e.actorId,
        actorName: e.actorName,
        orgId: e.orgId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        diff,
        requestId: e.requestId,
        ip: e.ip,
        outcome: e.outcome,
      });
      if (reference !== hash) throw new Error(`audit seq ${seq}: fast hash differs from entryHash`);
    }
    this.batch.push([
      seq,
      e.id,
      atIso,
      e.actorId,
      e.actorName,
      e.orgId,
      e.action,
      e.entityType,
      e.entityId,
      diffJson,
      e.requestId,
      e.ip,
      e.outcome,
      this.lastHash,
      hash,
    ]);
    this.lastHash = hash;
  }
  checked = 0;

  async flush(client: pg.ClientBase): Promise<void> {
    this.written += await this.batch.flush(client);
  }
}

type IndexDef = { table: string; name: string; def: string };

/**
 * Drops the secondary indexes of `tables` (not those backing a primary key or unique constraint) and
 * returns their definitions, read from the catalogue, so they can be rebuilt after the load exactly
 * as the migrations defined them.
 */
export async function dropSecondaryIndexes(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<IndexDef[]> {
  const res = await client.query<IndexDef>(
    `select c.relname as "table", i.relname as name, pg_get_indexdef(i.oid) as def
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class c on c.oid = x.indrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = any($1::text[])
        and not exists (select 1 from pg_constraint k where k.conindid = i.oid)
      order by c.relname, i.relname`,
    [tables],
  );
  for (const r of res.rows) await client.query(`drop index "${r.name}"`);
  return res.rows;
}

export async function recreateIndexes(
  client: pg.ClientBase,
  defs: readonly IndexDef[],
  log: (m: string) => void,
): Promise<void> {
  for (const d of defs) {
    const t0 = performance.now();
    await client.query(d.def);
    log(`  index ${d.name} rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
