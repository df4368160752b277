import type { Permission } from '@fazhi/contracts';
import type { ZodType } from 'zod';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/pool';

/** Parses the trimmed, non-empty text of one cell into the value the kind works with. */
export type CellSchema = ZodType<unknown, string>;

/** One column of an import template. */
export type ImportColumn = {
  key: string;
  /** The Chinese header, exactly as in the template's first row. */
  header: string;
  required?: boolean;
  /** What to write here: shown in the 说明 sheet and as a note on the header cell. */
  note: string;
  example: string;
  /** Labels offered as a dropdown (data validation) — for enum and 是/否 columns. */
  options?: readonly string[];
  schema: CellSchema;
  width?: number;
  /** Never echoed back: blanked in the errors file (initial passwords). */
  secret?: boolean;
};

/** A data row after cell parsing: `null` for an empty cell; keys in `invalid` failed their cell check. */
export type SourceRow = { rowNumber: number; cells: Record<string, unknown>; invalid: ReadonlySet<string> };

/** One problem, located at a cell (`key`) or at the whole row (`key` null). Row numbers are the sheet's. */
export type ImportIssue = { rowNumber: number; key: string | null; message: string };

export interface IssueSink {
  cell(rowNumber: number, key: string, message: string): void;
  row(rowNumber: number, message: string): void;
}

export type PreparedRow<T> = { rowNumber: number; value: T };

/**
 * Runs one row's writes: an AppError thrown inside is reported against `rowNumber` (and rolls back the
 * whole import); progress advances when it returns.
 */
export type RowTracker = <R>(rowNumber: number, fn: () => Promise<R>) => Promise<R>;

/** Rows whose `keys` repeat within the file are errors, reported on `cell` of the later row. */
export type UniqueInFile = {
  keys: string[];
  cell: string;
  label: string;
  normalize?: (v: unknown) => string;
};

/**
 * An import kind: its template columns, the checks that need the database (references, scope) and the
 * commit, which writes every row through the owning module's service functions in ONE transaction.
 * Methods (not arrow properties) so that `ImportKind<OrgRow>` is usable where `ImportKind<unknown>` is expected.
 */
export interface ImportKind<T> {
  name: string;
  /** 单位 / 用户 — used in file names and messages. */
  title: string;
  sheetName: string;
  /** Needed to download the template, upload, and (through the services) to write. */
  permission: Permission;
  columns: ImportColumn[];
  /** General rules shown at the top of the 说明 sheet. */
  instructions?: string[];
  uniqueInFile?: UniqueInFile[];
  /**
   * Row-level checks that need the database (references by name or code, scope); read-only. Called for
   * every row, also rows with cell errors (skip the keys in `row.invalid`), so that one pass reports all.
   */
  resolve(ctx: Ctx, rows: SourceRow[], issues: IssueSink): Promise<PreparedRow<T>[]>;
  /** Expensive work done only when validation passed, before the transaction opens (password hashing). */
  prepare?(ctx: Ctx, rows: PreparedRow<T>[]): Promise<PreparedRow<T>[]>;
  commit(tx: Tx, ctx: Ctx, rows: PreparedRow<T>[], track: RowTracker): Promise<void>;
}

export type AnyImportKind = ImportKind<unknown>;
