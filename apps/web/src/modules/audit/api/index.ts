export {
  auditQuery,
  useAuditLog,
  useVerifyAudit,
  type AuditFilters,
  type AuditOutcome,
  type AuditVerifyResult,
} from './audit';
