export { PasswordPolicyHint } from './PasswordPolicyHint';
