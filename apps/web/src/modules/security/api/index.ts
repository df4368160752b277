export { useSaveSecuritySettings, useSecuritySettings } from './security-settings';
