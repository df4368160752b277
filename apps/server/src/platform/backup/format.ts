import { createHash } from 'node:crypto';
import type { ColumnInfo, MigrationLevel } from './catalog';

/**
 * The backup file: gzip'd JSON lines.
 *   line 1        BackupHeader
 *   per table     {"table": name}, then one JSON array per row (each column's PostgreSQL text form or
 *                 null, in header column order, rows ordered by primary key), then {"end": name, "rows": n}
 *   last line     BackupTrailer (sequence positions; its presence proves the file is complete)
 * Text forms are written under fixed session settings (catalog.setExactTextFormats), so every value —
 * timestamps to the microsecond, jsonb, bytea, the audit chain's hashes — reads back identically.
 */
export const BACKUP_FORMAT = 'fazhi-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  migration: MigrationLevel;
  /** sha256 of the field-encryption key, first 16 hex digits: the key itself is never in the backup. */
  keyFingerprint: string | null;
  tables: { name: string; columns: ColumnInfo[]; primaryKey: string[] }[];
};
export type TableStart = { table: string };
export type TableEnd = { end: string; rows: number };
export type SequenceState = {
  name: string;
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
};
export type BackupTrailer = { complete: true; tables: number; rows: number; sequences: SequenceState[] };

export const keyFingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);
