// The Excel import framework: kinds declare columns and a commit; the platform does files, checks and jobs.
export type {
  AnyImportKind,
  CellSchema,
  ImportColumn,
  ImportIssue,
  ImportKind,
  IssueSink,
  PreparedRow,
  RowTracker,
  SourceRow,
} from './import-kind';
export {
  emailCell,
  enumCell,
  idNumberCell,
  mobileCell,
  regionCodeCell,
  textCell,
  usccCell,
  yesNoCell,
  YES_NO,
} from './cells';
export { buildTemplate } from './template';
export { ERROR_FILL_ARGB, NOTE_PREFIX } from './error-workbook';
export {
  finishImport,
  getImportErrorFile,
  getImportJob,
  startImport,
  type ImportJob,
  type StartedImport,
} from './import-jobs';
export { ERROR_COLUMN_HEADER, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './workbook-reader';
