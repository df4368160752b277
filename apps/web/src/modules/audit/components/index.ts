export { AuditDiff, splitDiff } from './AuditDiff';
export { VerifyChainButton } from './VerifyChainButton';
