import { AppError, isUniqueViolation } from '../../errors';
import type { Ctx } from '../../context';
import { appendAudit, deferAudit, flushDeferredAudit } from '../../audit/audit.service';
import { parseCell } from './cells';
import type {
  AnyImportKind,
  ImportIssue,
  IssueSink,
  PreparedRow,
  RowTracker,
  SourceRow,
} from './import-kind';
import type { ImportSheet } from './workbook-reader';

export type ImportResult =
  | { status: 'succeeded'; total: number; written: number; message: string }
  | {
      status: 'failed';
      stage: 'validation' | 'commit';
      total: number;
      issues: ImportIssue[];
      message: string;
    };

export type ProgressFn = (processed: number, message?: string) => Promise<void>;

/** An AppError raised by a service while writing one row: the whole import rolls back and names the row. */
class RowFailure extends Error {
  constructor(
    readonly rowNumber: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function collector(): IssueSink & { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  return {
    issues,
    cell: (rowNumber, key, message) => void issues.push({ rowNumber, key, message }),
    row: (rowNumber, message) => void issues.push({ rowNumber, key: null, message }),
  };
}

/** Cell checks (required, type, enum, check digits) and duplicates within the file. */
export function checkCells(kind: AnyImportKind, sheet: ImportSheet, sink: IssueSink): SourceRow[] {
  const rows: SourceRow[] = sheet.rows.map(({ rowNumber, texts }) => {
    const cells: Record<string, unknown> = {};
    const invalid = new Set<string>();
    for (const c of kind.columns) {
      const raw = texts[c.key] ?? '';
      if (typeof raw !== 'string') {
        sink.cell(rowNumber, c.key, raw.error);
        invalid.add(c.key);
      } else if (raw === '') {
        cells[c.key] = null;
        if (c.required) {
          sink.cell(rowNumber, c.key, '必填项，不能为空');
          invalid.add(c.key);
        }
      } else {
        const r = parseCell(c.schema, raw);
        if (r.ok) cells[c.key] = r.value;
        else {
          sink.cell(rowNumber, c.key, r.message);
          invalid.add(c.key);
        }
      }
    }
    return { rowNumber, cells, invalid };
  });
  for (const rule of kind.uniqueInFile ?? []) {
    const seen = new Map<string, number>();
    const norm = rule.normalize ?? ((v: unknown) => String(v));
    for (const r of rows) {
      if (rule.keys.some((k) => r.invalid.has(k) || r.cells[k] === null || r.cells[k] === undefined))
        continue;
      const key = rule.keys.map((k) => norm(r.cells[k])).join('\u0000');
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r.rowNumber);
      else sink.cell(r.rowNumber, rule.cell, `与第 ${first} 行重复（${rule.label}不能重复）`);
    }
  }
  return rows;
}

const rowsMentioned = (issues: ImportIssue[]) => new Set(issues.map((i) => i.rowNumber)).size;

/**
 * Validates every row, and only if nothing is wrong writes them all in ONE transaction through the kind's
 * commit (the module's own services: their scope and business checks, an audit entry per row) plus an
 * 'import.run' audit entry. A service error on any row rolls everything back and is reported on that row.
 */
export async function runImportRows(
  ctx: Ctx,
  kind: AnyImportKind,
  sheet: ImportSheet,
  meta: { jobId: string; fileName: string | null },
  progress: ProgressFn,
): Promise<ImportResult> {
  const total = sheet.rows.length;
  const sink = collector();
  const rows = checkCells(kind, sheet, sink);
  let prepared: PreparedRow<unknown>[];
  try {
    prepared = await kind.resolve(ctx, rows, sink);
  } catch (e) {
    if (e instanceof AppError)
      return {
        status: 'failed',
        stage: 'validation',
        total,
        issues: [],
        message: `${e.message}。本次未写入任何数据`,
      };
    throw e;
  }
  if (sink.issues.length) {
    const issues = sink.issues.sort((a, b) => a.rowNumber - b.rowNumber);
    return {
      status: 'failed',
      stage: 'validation',
      total,
      issues,
      message: `发现 ${issues.length} 处错误（涉及 ${rowsMentioned(issues)} 行），本次未写入任何数据。请下载错误文件，按标红单元格的批注修改后重新导入`,
    };
  }
  if (prepared.length !== total)
    throw new Error(
      `import kind ${kind.name} prepared ${prepared.length} of ${total} rows without reporting why`,
    );

  await progress(0, '正在准备写入');
  const ready = kind.prepare ? await kind.prepare(ctx, prepared) : prepared;
  let processed = 0;
  let lastReport = Date.now();
  const track: RowTracker = async (rowNumber, fn) => {
    let out;
    try {
      out = await fn();
    } catch (e) {
      if (e instanceof AppError) throw new RowFailure(rowNumber, e.message);
      if (isUniqueViolation(e)) throw new RowFailure(rowNumber, '与已有记录重复');
      throw e;
    }
    processed++;
    if (Date.now() - lastReport > 500) {
      lastReport = Date.now();
      await progress(processed, `正在写入（${processed}/${total}）`);
    }
    return out;
  };
  try {
    await ctx.db.transaction(async (tx) => {
      deferAudit(tx);
      await kind.commit(tx, ctx, ready, track);
      await appendAudit(tx, ctx, {
        action: 'import.run',
        entityType: 'import_job',
        entityId: meta.jobId,
        detail: { kind: kind.name, fileName: meta.fileName, total, written: processed },
      });
      await flushDeferredAudit(tx);
    });
  } catch (e) {
    if (!(e instanceof RowFailure)) {
      if (e instanceof AppError) {
        return {
          status: 'failed',
          stage: 'commit',
          total,
          issues: [],
          message: `${e.message}。已全部回滚，本次未写入任何数据`,
        };
      }
      throw e;
    }
    return {
      status: 'failed',
      stage: 'commit',
      total,
      issues: [{ rowNumber: e.rowNumber, key: null, message: e.reason }],
      message: `第 ${e.rowNumber} 行写入失败：${e.reason}。已全部回滚，本次未写入任何数据`,
    };
  }
  return {
    status: 'succeeded',
    total,
    written: processed,
    message: `已成功导入 ${processed} 条${kind.title}记录`,
  };
}
