export { applyServerErrors } from './server-errors';
export { checkRule, zodRule } from './zod-rule';
