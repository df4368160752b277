export { AuditDiff, diffRows } from './AuditDiff';
export { VerifyChainButton } from './VerifyChainButton';
