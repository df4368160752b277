export { hasAction, useCan } from './use-can';
export { RequirePermission } from './RequirePermission';
